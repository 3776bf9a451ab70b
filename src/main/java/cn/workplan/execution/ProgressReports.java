package cn.workplan.execution;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditTrail;
import cn.workplan.notification.Notifications;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;
import cn.workplan.system.StaleEditException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing, sending and reviewing progress reports, and their evidence files. A line's own office or school
 * writes its report for a period, keeps it as a draft, and sends it; the item's lead office approves it or
 * returns it with a comment; the lead office's own report is the item's consolidated progress and is
 * accepted as it is sent. A save either stores everything (report, target values, files) or nothing; two
 * people saving one report never overwrite each other (the report's version).
 */
@Service
@Transactional
@EnableConfigurationProperties(EvidenceProperties.class)
public class ProgressReports {

    static final String AUDIT_TYPE = "REPORT";
    static final String EVIDENCE_AUDIT_TYPE = "EVIDENCE";
    private static final Logger log = LoggerFactory.getLogger(ProgressReports.class);

    private final JdbcClient jdbc;
    private final ReportQueries queries;
    private final AuditTrail audit;
    private final EvidenceProperties limits;
    private final Clock clock;
    private final Notifications notifications;
    private final LineStandings standing;
    private final LineNotifications lineNotifications;

    ProgressReports(JdbcClient jdbc, ReportQueries queries, AuditTrail audit, EvidenceProperties limits, Clock clock,
            Notifications notifications, LineStandings standing, LineNotifications lineNotifications) {
        this.notifications = notifications;
        this.lineNotifications = lineNotifications;
        this.standing = standing;
        this.jdbc = jdbc;
        this.queries = queries;
        this.audit = audit;
        this.limits = limits;
        this.clock = clock;
    }

    private record Saved(long id, ReportState state, long version, Progress progress, int percent, String narrative) {
    }

    /**
     * Saves the line's report for the period, with the files added to its evidence; sends it when
     * {@code send}. Returns the report's id.
     */
    public long save(long lineId, LocalDate periodStart, ReportData data, List<Upload> files, boolean send, CurrentUser user) {
        var line = queries.visibleLine(lineId, user);
        if (!ReportQueries.writes(user, line)) {
            throw new AccessDeniedException("not allowed: write the reports of line " + lineId);
        }
        var period = ReportQueries.period(line, periodStart, LocalDate.now(clock));
        var uploads = files.stream().filter(file -> file.content().length > 0).toList();
        var types = uploads.stream().map(this::checked).toList();
        var actuals = data.givenActuals();
        var indicators = indicators(line.itemId(), actuals.keySet());
        if (send && data.narrativeText().isEmpty()) {
            throw new InvalidInputException("narrative", "report.error.narrativeRequired");
        }
        var saved = jdbc.sql("""
                select id, state, version, progress, percent, narrative from progress_report
                where assignment_id = :line and period_start = :period for update""")
                .param("line", lineId).param("period", period.start())
                .query((row, number) -> new Saved(row.getLong("id"), ReportState.valueOf(row.getString("state")), row.getLong("version"),
                        Progress.valueOf(row.getString("progress")), row.getInt("percent"), row.getString("narrative")))
                .optional().orElse(null);
        if (saved != null && !saved.state().editable()) {
            throw new InvalidInputException("state", "report.error.notEditable");
        }
        long reportId = saved == null ? create(line, period, data.version()) : saved.id();
        if (saved != null) {
            StaleEditException.check(AUDIT_TYPE, reportId, data.version(), saved.version());
        }
        var before = saved == null ? Map.<String, Object>of() : savedState(saved);
        int evidence = jdbc.sql("select count(*) from evidence where report_id = :report").param("report", reportId).query(Integer.class).single();
        if (evidence + uploads.size() > limits.maxFiles()) {
            throw new InvalidInputException("files", "evidence.error.tooMany", limits.maxFiles());
        }
        var state = !send ? (saved == null ? ReportState.DRAFT : saved.state()) : line.isLead() ? ReportState.APPROVED : ReportState.SUBMITTED;
        var now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("""
                update progress_report set state = :state, progress = :progress, percent = :percent, narrative = :narrative,
                       author_id = :author, submitted_at = case when :send then :now else submitted_at end,
                       reviewed_by = case when :accepted then :author else reviewed_by end,
                       reviewed_at = case when :accepted then :now else reviewed_at end,
                       version = version + 1, updated_at = :now
                where id = :id and version = :version""")
                .param("state", state.name()).param("progress", data.progress().name()).param("percent", data.percent())
                .param("narrative", data.narrativeText()).param("author", user.id()).param("send", send)
                .param("accepted", send && line.isLead()).param("now", now).param("id", reportId)
                .param("version", saved == null ? 0L : data.version())
                .update();
        if (updated == 0) {
            throw new StaleEditException(AUDIT_TYPE, reportId);
        }
        jdbc.sql("delete from progress_report_value where report_id = :report").param("report", reportId).update();
        if (!actuals.isEmpty()) {
            jdbc.sql("""
                    insert into progress_report_value (report_id, target_id, actual)
                    select :report, t, v from unnest(cast(:targets as bigint[]), cast(:actuals as numeric[])) as x (t, v)""")
                    .param("report", reportId)
                    .param("targets", actuals.keySet().toArray(Long[]::new))
                    .param("actuals", actuals.values().toArray(java.math.BigDecimal[]::new))
                    .update();
        }
        var added = new ArrayList<String>();
        for (int i = 0; i < uploads.size(); i++) {
            added.add(store(reportId, uploads.get(i), types.get(i), user));
        }
        var after = new LinkedHashMap<String, Object>();
        after.put("state", state.name());
        after.put("progress", data.progress().name());
        after.put("percent", data.percent());
        after.put("narrative", data.narrativeText());
        after.put("actuals", actualsText(actuals, indicators));
        if (!added.isEmpty()) {
            after.put("evidenceAdded", String.join("、", added));
        }
        // a draft saved for the first time is created; saved again, updated (nothing changed: nothing recorded)
        audit.record(send ? AuditAction.SUBMIT : saved == null ? AuditAction.CREATE : AuditAction.UPDATE, AUDIT_TYPE, reportId,
                label(line, period), before, after);
        if (send) {
            event(reportId, "SUBMITTED", user, null);
            standing.refresh(lineId);
            log.info("{} sent the {} report of line #{} ({}) at {}%", user.getUsername(), period.start(), lineId, line.party(),
                    data.percent());
        } else {
            log.info("{} saved a draft of the {} report of line #{} with {} new file(s)", user.getUsername(), period.start(), lineId,
                    uploads.size());
        }
        return reportId;
    }

    /** Approves a sent report, or returns it to its author with a comment (required then). */
    public void review(long reportId, boolean approve, String comment, Long version, CurrentUser user) {
        var report = report(reportId);
        var line = queries.visibleLine(report.lineId(), user);
        if (!ReportQueries.reviews(user, line)) {
            throw new AccessDeniedException("not allowed: review report " + reportId);
        }
        if (report.state() != ReportState.SUBMITTED) {
            throw new InvalidInputException("state", "report.error.notSubmitted");
        }
        var text = comment == null ? "" : comment.strip();
        if (!approve && text.isEmpty()) {
            throw new InvalidInputException("comment", "report.error.commentRequired");
        }
        if (text.length() > 1000) {
            throw new InvalidInputException("comment", "report.error.commentTooLong");
        }
        StaleEditException.check(AUDIT_TYPE, reportId, version, report.version());
        var state = approve ? ReportState.APPROVED : ReportState.RETURNED;
        var now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("""
                update progress_report set state = :state, review_comment = :comment, reviewed_by = :reviewer, reviewed_at = :now,
                       version = version + 1, updated_at = :now
                where id = :id and version = :version and state = 'SUBMITTED'""")
                .param("state", state.name()).param("comment", text.isEmpty() ? null : text).param("reviewer", user.id())
                .param("now", now).param("id", reportId).param("version", version)
                .update();
        if (updated == 0) {
            throw new StaleEditException(AUDIT_TYPE, reportId);
        }
        event(reportId, approve ? "APPROVED" : "RETURNED", user, text.isEmpty() ? null : text);
        standing.refresh(line.id());
        var period = new ReportingPeriod(line.cycle(), report.periodStart());
        if (report.authorId() != null) {
            var when = Notifications.message(period.messageKey(), period.start().getYear(), period.number());
            notifications.send(List.of(report.authorId()), approve ? "notification.report.approved" : "notification.report.returned",
                    approve ? List.of(line.headline(), when, line.leadOffice()) : List.of(line.headline(), when, line.leadOffice(), text),
                    "/lines/" + line.id() + "/reports/" + period.start().toString().substring(0, 7));
        }
        audit.record(approve ? AuditAction.APPROVE : AuditAction.RETURN, AUDIT_TYPE, reportId, label(line, period),
                Map.of("state", ReportState.SUBMITTED.name()), Map.of("state", state.name(), "comment", text));
        log.info("{} {} the {} report of line #{} ({})", user.getUsername(), approve ? "approved" : "returned", period.start(),
                line.id(), line.party());
    }

    /** Removes a file from a report its author may still change. */
    public void removeEvidence(long evidenceId, CurrentUser user) {
        var file = evidence(evidenceId);
        var report = report(file.reportId());
        var line = queries.visibleLine(report.lineId(), user);
        if (!ReportQueries.writes(user, line) || !report.state().editable()) {
            throw new AccessDeniedException("not allowed: remove evidence " + evidenceId);
        }
        jdbc.sql("delete from evidence where id = :id").param("id", evidenceId).update();
        audit.record(AuditAction.DELETE, EVIDENCE_AUDIT_TYPE, evidenceId,
                file.fileName() + " · " + label(line, new ReportingPeriod(line.cycle(), report.periodStart())),
                Map.of("file", file.fileName(), "verification", file.verification()), Map.of());
        log.info("{} removed evidence #{} ({}) from report #{}", user.getUsername(), evidenceId, file.fileName(), report.id());
    }

    /** An inspector marks a file as verified, or questions it (a note is required then). */
    public void verify(long evidenceId, boolean verified, String note, CurrentUser user) {
        if (!user.is(Role.INSPECTOR)) {
            throw new AccessDeniedException("not allowed: verify evidence");
        }
        var file = evidence(evidenceId);
        var report = report(file.reportId());
        var line = queries.visibleLine(report.lineId(), user);
        var text = note == null ? "" : note.strip();
        if (!verified && text.isEmpty()) {
            throw new InvalidInputException("note", "evidence.error.noteRequired");
        }
        if (text.length() > 500) {
            throw new InvalidInputException("note", "evidence.error.noteTooLong");
        }
        var verdict = verified ? "VERIFIED" : "QUESTIONED";
        jdbc.sql("""
                update evidence set verification = :verdict, verification_note = :note, verified_by = :user, verified_at = :now
                where id = :id""")
                .param("verdict", verdict).param("note", text.isEmpty() ? null : text).param("user", user.id())
                .param("now", OffsetDateTime.now(clock)).param("id", evidenceId)
                .update();
        if (!verified) {
            // the report's author and the file's uploader correct it (a verified file asks nothing of anyone)
            var people = jdbc.sql("select uploaded_by from evidence where id = :id").param("id", evidenceId).query(Long.class).list();
            var authors = new java.util.LinkedHashSet<>(people);
            if (report.authorId() != null) {
                authors.add(report.authorId());
            }
            lineNotifications.evidenceQuestioned(List.copyOf(authors), user.displayName(), file.fileName(), line.headline(), text,
                    "/lines/" + line.id() + "/reports/" + report.periodStart().toString().substring(0, 7));
        }
        audit.record(verified ? AuditAction.VERIFY : AuditAction.QUESTION, EVIDENCE_AUDIT_TYPE, evidenceId,
                file.fileName() + " · " + label(line, new ReportingPeriod(line.cycle(), report.periodStart())),
                Map.of("verification", file.verification()), Map.of("verification", verdict, "note", text));
        log.info("{} marked evidence #{} ({}) {}", user.getUsername(), evidenceId, file.fileName(), verdict);
    }

    /** A file to download, for whoever may see its line; refused when its bytes no longer match their checksum. */
    @Transactional(readOnly = true)
    public EvidenceFile download(long evidenceId, CurrentUser user) {
        var file = evidence(evidenceId);
        queries.visibleLine(report(file.reportId()).lineId(), user);
        var content = jdbc.sql("select content from evidence where id = :id").param("id", evidenceId).query(byte[].class).single();
        if (!sha256(content).equals(file.sha256())) {
            throw new IllegalStateException("evidence #" + evidenceId + " does not match its checksum");
        }
        return new EvidenceFile(file.fileName(), file.contentType(), content, file.sha256());
    }

    /** The report with the fields that decide what may be done to it. */
    private record ReportRow(long id, long lineId, LocalDate periodStart, ReportState state, long version, Long authorId) {
    }

    private record EvidenceRow(long id, long reportId, String fileName, String contentType, String sha256, String verification) {
    }

    private ReportRow report(long reportId) {
        return jdbc.sql("""
                select id, assignment_id as line_id, period_start, state, version, author_id from progress_report where id = :id""")
                .param("id", reportId)
                .query(ReportRow.class)
                .optional().orElseThrow(() -> new NotFoundException("report", reportId));
    }

    private EvidenceRow evidence(long evidenceId) {
        return jdbc.sql("select id, report_id, file_name, content_type, sha256, verification from evidence where id = :id")
                .param("id", evidenceId)
                .query(EvidenceRow.class)
                .optional().orElseThrow(() -> new NotFoundException("evidence", evidenceId));
    }

    /** Creates the period's report; someone else creating it first makes the form stale. */
    private long create(ReportLine line, ReportingPeriod period, Long formVersion) {
        if (formVersion != null) {
            throw new StaleEditException(AUDIT_TYPE, line.id());
        }
        return jdbc.sql("""
                insert into progress_report (assignment_id, plan_id, item_id, period_start) values (:line, :plan, :item, :period)
                on conflict (assignment_id, period_start) do nothing returning id""")
                .param("line", line.id()).param("plan", line.planId()).param("item", line.itemId()).param("period", period.start())
                .query(Long.class).optional().orElseThrow(() -> new StaleEditException(AUDIT_TYPE, line.id()));
    }

    private EvidenceType checked(Upload file) {
        if (file.content().length > limits.maxFileSize().toBytes()) {
            throw new InvalidInputException("files", "evidence.error.tooLarge", file.fileName(), limits.maxFileSize().toMegabytes());
        }
        return EvidenceType.of(file.fileName(), file.content())
                .orElseThrow(() -> new InvalidInputException("files", "evidence.error.type", file.fileName()));
    }

    /** The indicators of the item's targets by id, refusing ids of other items' targets; nothing read when none is given. */
    private Map<Long, String> indicators(long itemId, Set<Long> targetIds) {
        if (targetIds.isEmpty()) {
            return Map.of();
        }
        var known = new HashMap<Long, String>();
        jdbc.sql("select id, indicator from plan_item_target_view where node_id = :item").param("item", itemId)
                .query((row, number) -> known.put(row.getLong("id"), row.getString("indicator"))).list();
        if (!known.keySet().containsAll(targetIds)) {
            throw new InvalidInputException("actuals", "report.error.unknownTarget");
        }
        return known;
    }

    /** What the audit log keeps of a saved report before the change: one statement for its target values. */
    private Map<String, Object> savedState(Saved saved) {
        var values = new LinkedHashMap<Long, BigDecimal>();
        var indicators = new HashMap<Long, String>();
        jdbc.sql("""
                select t.id, t.indicator, v.actual from progress_report_value v join plan_item_target_view t on t.id = v.target_id
                where v.report_id = :report order by t.position""")
                .param("report", saved.id())
                .query((row, number) -> {
                    values.put(row.getLong("id"), row.getBigDecimal("actual"));
                    return indicators.put(row.getLong("id"), row.getString("indicator"));
                }).list();
        var state = new LinkedHashMap<String, Object>();
        state.put("state", saved.state().name());
        state.put("progress", saved.progress().name());
        state.put("percent", saved.percent());
        state.put("narrative", saved.narrative());
        state.put("actuals", actualsText(values, indicators));
        return state;
    }

    /** Target values as people read them: 入学率 98；巩固率 95. */
    private static String actualsText(Map<Long, BigDecimal> actuals, Map<Long, String> indicators) {
        var parts = new ArrayList<String>();
        actuals.forEach((target, actual) -> parts.add(indicators.getOrDefault(target, "#" + target) + " "
                + actual.stripTrailingZeros().toPlainString()));
        return String.join("；", parts);
    }

    /** Stores the file; returns the name it is kept under. */
    private String store(long reportId, Upload file, EvidenceType type, CurrentUser user) {
        var name = file.fileName().replaceAll("[\\\\/]", "_").strip();
        var shortName = name.length() > 200 ? name.substring(name.length() - 200) : name;
        jdbc.sql("""
                insert into evidence (report_id, file_name, content_type, size_bytes, sha256, content, uploaded_by)
                values (:report, :name, :type, :size, :sha, :content, :user)""")
                .param("report", reportId).param("name", shortName).param("type", type.contentType())
                .param("size", file.content().length).param("sha", sha256(file.content())).param("content", file.content())
                .param("user", user.id())
                .update();
        return shortName;
    }

    private void event(long reportId, String action, CurrentUser user, String comment) {
        jdbc.sql("insert into progress_report_event (report_id, action, actor_id, comment) values (:report, :action, :actor, :comment)")
                .param("report", reportId).param("action", action).param("actor", user.id()).param("comment", comment)
                .update();
    }

    private static String label(ReportLine line, ReportingPeriod period) {
        return line.party() + " · " + period.start().toString().substring(0, 7) + " · " + line.headline();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
