package cn.workplan.summary;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.workplan.account.CurrentUser;
import cn.workplan.alignment.CoverageQueries;
import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditTrail;
import cn.workplan.execution.ReportCycle;
import cn.workplan.plan.PlanStatus;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;
import cn.workplan.system.StaleEditException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafting reports and keeping them: the general office drafts a plan's report for a period from its approved
 * progress reports ({@link SummarySources}, {@link Drafting}) and stores the text; edits it paragraph by paragraph;
 * regenerates it from the data when asked (edits are lost then); locks it (定稿) so that nothing changes it any
 * more. Every change carries the version the page showed ({@link StaleEditException} otherwise), locks the row
 * first, is audited and logged. A locked report is unlocked by the general office's head or an administrator, with
 * a reason.
 */
@Service
@Transactional
public class Summaries {

    static final String AUDIT_TYPE = "SUMMARY";
    /** The longest paragraph, heading or table cell a person may save. */
    static final int TEXT_LENGTH = 5000;
    static final int TITLE_LENGTH = 200;
    private static final Logger log = LoggerFactory.getLogger(Summaries.class);

    private final JdbcClient jdbc;
    private final SummarySources sources;
    private final CoverageQueries coverage;
    private final SummaryQueries queries;
    private final SummaryPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    Summaries(JdbcClient jdbc, SummarySources sources, CoverageQueries coverage, SummaryQueries queries, SummaryPolicy policy,
            AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.coverage = coverage;
        this.queries = queries;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A drafted report and whether it was drafted now.
     *
     * @param existed the plan had a report of that kind and period already: it was left as it was
     */
    public record Drafted(long id, boolean existed) {
    }

    private record PlanFacts(int year, PlanStatus status, ReportCycle cycle) {
    }

    /** The stored row a change starts from, locked; {@code upper} the upper-level document of an upward report. */
    private record Current(long id, long planId, SummaryPeriod period, Long upper, String title, String body, boolean locked, long version) {

        String label() {
            return title;
        }
    }

    /**
     * Drafts the plan's report of the kind for the period, or finds the one drafted before (there is one per plan, kind
     * and period). The plan must be published or closed; the period must have begun.
     */
    public Drafted create(long planId, NewSummary request, CurrentUser user) {
        policy.checkWrites(user);
        var plan = jdbc.sql("select year, status, report_cycle as cycle from plan_view where id = :plan").param("plan", planId)
                .query(PlanFacts.class)
                .optional().orElseThrow(() -> new NotFoundException("plan", planId));
        if (!SummaryQueries.drafts(plan.status())) {
            throw new InvalidInputException("kind", "summary.error.notPublished");
        }
        if (request.kind() == null) {
            throw new InvalidInputException("kind", "summary.error.kind");
        }
        var period = request.kind().period(plan.year(), request.number());
        var today = LocalDate.now(clock);
        if (period.start().isAfter(today)) {
            throw new InvalidInputException(request.kind() == SummaryKind.QUARTERLY ? "quarter" : "month", "summary.error.future");
        }
        if (request.kind() == SummaryKind.MONTHLY && plan.cycle() == ReportCycle.QUARTERLY) {
            throw new InvalidInputException("kind", "summary.error.quarterlyPlan");
        }
        Long upper = request.kind() == SummaryKind.UPWARD ? request.upper() : null;
        if (request.kind() == SummaryKind.UPWARD && upper == null) {
            throw new InvalidInputException("upper", "summary.error.upper");
        }
        var existing = existing(planId, period, upper);
        if (existing != null) {
            return new Drafted(existing, true);
        }
        var draft = draft(planId, period, upper, asOf(period, today), user);
        var now = OffsetDateTime.now(clock);
        var id = jdbc.sql("""
                insert into summary (plan_id, kind, period_start, period_end, upper_document_id, title, body, as_of, generated_at, generated_by)
                values (:plan, :kind, :start, :end, :upper, :title, cast(:body as jsonb), :asOf, :now, :user)
                on conflict (plan_id, kind, period_start, period_end, coalesce(upper_document_id, 0)) do nothing returning id""")
                .param("plan", planId).param("kind", period.kind().name()).param("start", period.start()).param("end", period.end())
                .param("upper", upper).param("title", draft.title()).param("body", queries.json(draft.blocks()))
                .param("asOf", asOf(period, today)).param("now", now).param("user", user.id())
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            // drafted by someone else meanwhile
            return new Drafted(existing(planId, period, upper), true);
        }
        var state = new LinkedHashMap<String, Object>();
        state.put("kind", period.kind().name());
        state.put("period", period.start() + " – " + period.end());
        if (upper != null) {
            state.put("upperDocument", upper);
        }
        state.put("paragraphs", draft.blocks().size());
        audit.record(AuditAction.CREATE, AUDIT_TYPE, id, draft.title(), Map.of(), state);
        log.info("{} drafted the {} report #{} of plan #{} for {} to {}", user.getUsername(), period.kind(), id, planId, period.start(),
                period.end());
        return new Drafted(id, false);
    }

    /** Drafts the report anew from the data, replacing its text and the edits made to it. Not for a locked report. */
    public void regenerate(long id, Long version, CurrentUser user) {
        policy.checkWrites(user);
        var current = current(id, version);
        var today = LocalDate.now(clock);
        var draft = draft(current.planId(), current.period(), current.upper(), asOf(current.period(), today), user);
        jdbc.sql("""
                update summary set title = :title, body = cast(:body as jsonb), as_of = :asOf, generated_at = :now, generated_by = :user,
                       edited_at = null, edited_by = null, version = version + 1
                where id = :id""")
                .param("title", draft.title()).param("body", queries.json(draft.blocks())).param("asOf", asOf(current.period(), today))
                .param("now", OffsetDateTime.now(clock)).param("user", user.id()).param("id", id)
                .update();
        audit.record(AuditAction.REGENERATE, AUDIT_TYPE, id, draft.title(), Map.of("version", current.version()),
                Map.of("version", current.version() + 1));
        log.info("{} regenerated the drafted report #{} ({})", user.getUsername(), id, current.title());
    }

    /**
     * Saves the edited text: the title and every block of the report as it was shown (the same blocks; a paragraph
     * left empty is dropped). Not for a locked report.
     */
    public void save(long id, SummaryForm form, CurrentUser user) {
        policy.checkWrites(user);
        var current = current(id, form.version());
        var blocks = queries.blocks(current.body());
        var title = form.title() == null ? "" : form.title().strip();
        if (title.isEmpty() || title.length() > TITLE_LENGTH) {
            throw new InvalidInputException("title", "summary.error.title", TITLE_LENGTH);
        }
        if (form.blocks().size() != blocks.size()) {
            throw new StaleEditException(AUDIT_TYPE, id);
        }
        var edited = new ArrayList<Block>();
        var before = new LinkedHashMap<String, Object>();
        var after = new LinkedHashMap<String, Object>();
        if (!title.equals(current.title())) {
            before.put("title", current.title());
            after.put("title", title);
        }
        for (int i = 0; i < blocks.size(); i++) {
            var block = blocks.get(i);
            var input = form.blocks().get(i);
            var changed = block.isTable() ? table(block, input.cells(), i) : text(block, input.text(), i);
            if (!changed.equals(block)) {
                before.put("block " + (i + 1), shown(block));
                after.put("block " + (i + 1), changed.text().isEmpty() && !changed.isTable() ? "" : shown(changed));
            }
            if (changed.isTable() || !changed.text().isEmpty()) {
                edited.add(changed);
            }
        }
        if (after.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update summary set title = :title, body = cast(:body as jsonb), edited_at = :now, edited_by = :user, version = version + 1
                where id = :id""")
                .param("title", title).param("body", queries.json(edited)).param("now", OffsetDateTime.now(clock)).param("user", user.id())
                .param("id", id)
                .update();
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, id, title, before, after);
        log.info("{} edited {} part(s) of the drafted report #{} ({})", user.getUsername(), after.size(), id, title);
    }

    /** Locks the report (定稿): from now on it is neither edited nor regenerated. */
    public void lock(long id, Long version, CurrentUser user) {
        policy.checkWrites(user);
        var current = current(id, version);
        jdbc.sql("update summary set locked_at = :now, locked_by = :user, version = version + 1 where id = :id")
                .param("now", OffsetDateTime.now(clock)).param("user", user.id()).param("id", id).update();
        audit.record(AuditAction.LOCK, AUDIT_TYPE, id, current.label(), Map.of("locked", false), Map.of("locked", true));
        log.info("{} locked the drafted report #{} ({})", user.getUsername(), id, current.title());
    }

    /** Unlocks a locked report, with the reason: the general office's head and administrators only. */
    public void unlock(long id, Long version, String reason, CurrentUser user) {
        policy.checkUnlocks(user);
        var text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > 500) {
            throw new InvalidInputException("reason", "summary.error.reason");
        }
        var current = row(id);
        if (!current.locked()) {
            throw new InvalidInputException("lock", "summary.error.notLocked");
        }
        StaleEditException.check(AUDIT_TYPE, id, version, current.version());
        jdbc.sql("update summary set locked_at = null, locked_by = null, version = version + 1 where id = :id").param("id", id).update();
        audit.record(AuditAction.UNLOCK, AUDIT_TYPE, id, current.label(), Map.of("locked", true), Map.of("locked", false, "reason", text));
        log.info("{} unlocked the drafted report #{} ({}): {}", user.getUsername(), id, current.title(), text);
    }

    /** The report's title and text from the data: an upward report follows its upper-level document's points. */
    private Drafting.Draft draft(long planId, SummaryPeriod period, Long upper, LocalDate asOf, CurrentUser user) {
        if (period.kind() == SummaryKind.UPWARD) {
            // the document first: an unknown one is "not found" before anything is read
            var chain = coverage.chain(upper, planId, user);
            return UpwardDrafting.draft(sources.read(planId, period, asOf, user), chain);
        }
        return Drafting.draft(sources.read(planId, period, asOf, user));
    }

    /** The row, locked, if it is not locked (定稿) and the version is the one the page showed. */
    private Current current(long id, Long version) {
        var current = row(id);
        if (current.locked()) {
            throw new InvalidInputException("lock", "summary.error.locked");
        }
        StaleEditException.check(AUDIT_TYPE, id, version, current.version());
        return current;
    }

    private Current row(long id) {
        return jdbc.sql("""
                select id, plan_id, kind, period_start, period_end, upper_document_id, title, cast(body as text) as body,
                       locked_at is not null as locked, version
                from summary where id = :id for update""")
                .param("id", id)
                .query((row, number) -> new Current(row.getLong("id"), row.getLong("plan_id"),
                        new SummaryPeriod(SummaryKind.valueOf(row.getString("kind")), row.getObject("period_start", LocalDate.class),
                                row.getObject("period_end", LocalDate.class)),
                        row.getObject("upper_document_id", Long.class), row.getString("title"), row.getString("body"),
                        row.getBoolean("locked"), row.getLong("version")))
                .optional().orElseThrow(() -> new NotFoundException("summary", id));
    }

    private Long existing(long planId, SummaryPeriod period, Long upper) {
        return jdbc.sql("""
                select id from summary where plan_id = :plan and kind = :kind and period_start = :start and period_end = :end
                                         and coalesce(upper_document_id, 0) = :upper""")
                .param("plan", planId).param("kind", period.kind().name()).param("start", period.start()).param("end", period.end())
                .param("upper", upper == null ? 0L : upper)
                .query(Long.class).optional().orElse(null);
    }

    /** The day items' progress and lights are read for: the period's last day, or today while it lasts. */
    static LocalDate asOf(SummaryPeriod period, LocalDate today) {
        return today.isBefore(period.end()) ? today : period.end();
    }

    private static Block text(Block block, String input, int index) {
        var text = input == null ? "" : input.strip().replaceAll("\\s*\\R\\s*", "");
        if (text.length() > TEXT_LENGTH) {
            throw new InvalidInputException("blocks[" + index + "].text", "summary.error.tooLong", TEXT_LENGTH);
        }
        if (text.isEmpty() && block.kind() != BlockKind.PARAGRAPH) {
            throw new InvalidInputException("blocks[" + index + "].text", "summary.error.heading");
        }
        return new Block(block.kind(), text, null, null);
    }

    private static Block table(Block block, List<String> cells, int index) {
        int columns = block.header().size();
        if (cells.size() != block.rows().size() * columns) {
            throw new InvalidInputException("blocks[" + index + "].cells", "summary.error.table");
        }
        var rows = new ArrayList<List<String>>();
        for (int r = 0; r < block.rows().size(); r++) {
            var row = new ArrayList<String>();
            for (int c = 0; c < columns; c++) {
                var cell = cells.get(r * columns + c);
                var text = cell == null ? "" : cell.strip();
                if (text.length() > TEXT_LENGTH) {
                    throw new InvalidInputException("blocks[" + index + "].cells", "summary.error.tooLong", TEXT_LENGTH);
                }
                row.add(text);
            }
            rows.add(row);
        }
        return new Block(BlockKind.TABLE, "", block.header(), rows);
    }

    /** A block as the audit log shows it: its text, or a table's rows. */
    private static String shown(Block block) {
        if (!block.isTable()) {
            return block.text();
        }
        var rows = new ArrayList<String>();
        block.rows().forEach(row -> rows.add(String.join(" | ", row)));
        return String.join("\n", rows);
    }
}
