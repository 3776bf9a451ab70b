package cn.workplan.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the progress reports show: a report's page, a principal's or office's reporting, the review queue. */
@Service
@Transactional(readOnly = true)
public class ReportQueries {

    private static final String LINE_COLUMNS = """
            a.id, a.kind, a.office_id, a.school_id, coalesce(o.name, s.name) as party, coalesce(a.deadline, n.deadline) as deadline,
            a.milestone, n.id as item_id, n.headline, n.deadline as item_deadline, n.q1, n.q2, n.q3, n.q4, n.lead_office_id, lo.name as lead_office,
            n.completed_at is not null as signed_off, p.id as plan_id, p.title, p.year, p.status, p.report_cycle, p.report_due_day,
            a.approved_percent
            """;

    private static final String LINE_FROM = """
            from assignment a join plan_node_view n on n.id = a.item_id join plan_view p on p.id = a.plan_id
            left join office_view o on o.id = a.office_id left join school_view s on s.id = a.school_id
            left join office_view lo on lo.id = n.lead_office_id
            """;

    /** A line with its item and plan; followed by a {@code where} clause on {@code a}. */
    static final String LINE = "select " + LINE_COLUMNS + LINE_FROM;

    /**
     * The report {@code r} of line {@code a} for its plan {@code p}'s current period: the period of {@code :today},
     * or the plan year's last one once the year is over.
     */
    private static final String CURRENT_REPORT = """
            left join progress_report r on r.assignment_id = a.id and r.period_start = cast(date_trunc(
                case p.report_cycle when 'MONTHLY' then 'month' else 'quarter' end,
                least(cast(:today as date), make_date(p.year, 12, 31))) as date)
            """;

    /** The latest report of line {@code a} that counts (sent or approved), as a lateral join named {@code latest}. */
    private static final String LATEST = """
            left join lateral (select x.percent, x.progress from progress_report x
                               where x.assignment_id = a.id and x.state in ('SUBMITTED', 'APPROVED')
                               order by x.period_start desc limit 1) latest on true
            """;

    private final JdbcClient jdbc;
    private final StatusLights lights;
    private final EvidenceProperties evidence;
    private final Clock clock;

    ReportQueries(JdbcClient jdbc, StatusLights lights, EvidenceProperties evidence, Clock clock) {
        this.jdbc = jdbc;
        this.lights = lights;
        this.evidence = evidence;
        this.clock = clock;
    }

    static ReportLine mapLine(ResultSet row, int number) throws SQLException {
        return new ReportLine(row.getLong("id"), row.getString("kind"), row.getObject("office_id", Long.class),
                row.getObject("school_id", Long.class), row.getString("party"), row.getObject("deadline", LocalDate.class),
                row.getString("milestone"), row.getLong("item_id"), row.getString("headline"),
                row.getObject("item_deadline", LocalDate.class),
                List.of(row.getString("q1"), row.getString("q2"), row.getString("q3"), row.getString("q4")),
                row.getObject("lead_office_id", Long.class), row.getString("lead_office"), row.getBoolean("signed_off"),
                row.getLong("plan_id"), row.getString("title"), row.getInt("year"), row.getString("status"),
                ReportCycle.valueOf(row.getString("report_cycle")), row.getInt("report_due_day"),
                row.getObject("approved_percent", Integer.class));
    }

    /** A line with its item and plan, whoever asks: the caller decides what the person may do with it. */
    ReportLine line(long lineId) {
        return jdbc.sql(LINE + "where a.id = :line").param("line", lineId).query(ReportQueries::mapLine).optional()
                .orElseThrow(() -> new NotFoundException("line", lineId));
    }

    /** The line, if the viewer may see it: its own office or school, the item's lead office, leaders, inspectors, admins. */
    ReportLine visibleLine(long lineId, CurrentUser user) {
        var line = line(lineId);
        if (!AssignmentPolicy.seesAll(user, line.leadOfficeId()) && !AssignmentPolicy.owns(user, line.officeId(), line.schoolId())) {
            throw new AccessDeniedException("not allowed: see line " + lineId);
        }
        return line;
    }

    /** The period named by its first month, if the line reports for it: begun, and in the plan's year. */
    static ReportingPeriod period(ReportLine line, LocalDate start, LocalDate today) {
        return line.periodsBegun(today).stream().filter(period -> period.start().equals(start)).findFirst()
                .orElseThrow(() -> new NotFoundException("period", start));
    }

    /** Whether the viewer writes this line's reports: its own office's staff or its own school's principal. */
    static boolean writes(CurrentUser user, ReportLine line) {
        return AssignmentPolicy.owns(user, line.officeId(), line.schoolId()) && line.published() && !line.signedOff();
    }

    /** Whether the viewer reviews this line's reports: staff of the item's lead office, for every line but its own. */
    static boolean reviews(CurrentUser user, ReportLine line) {
        return !line.isLead() && user.is(Role.OFFICE_STAFF) && Objects.equals(user.officeId(), line.leadOfficeId());
    }

    /** A line's report for one period (six statements at most), as the viewer may see it. */
    public ReportPage page(long lineId, LocalDate periodStart, CurrentUser user) {
        var today = LocalDate.now(clock);
        var line = visibleLine(lineId, user);
        var period = period(line, periodStart, today);
        var report = jdbc.sql("""
                select r.id, r.state, r.progress, r.percent, r.narrative, r.review_comment, au.display_name as author, r.submitted_at,
                       rv.display_name as reviewer, r.reviewed_at, r.version
                from progress_report r left join person_view au on au.id = r.author_id left join person_view rv on rv.id = r.reviewed_by
                where r.assignment_id = :line and r.period_start = :period""")
                .param("line", lineId).param("period", period.start())
                .query(ReportPage.Report.class)
                .optional().orElse(null);
        Long reportId = report == null ? null : report.id();
        var targets = jdbc.sql("""
                select t.id, t.indicator, t.comparator, t.value, t.unit, v.actual
                from plan_item_target_view t left join progress_report_value v on v.target_id = t.id and v.report_id = :report
                where t.node_id = :item order by t.position""")
                .param("report", reportId, java.sql.Types.BIGINT).param("item", line.itemId())
                .query(ReportPage.TargetValue.class)
                .list();
        List<ReportPage.Evidence> files = List.of();
        List<ReportPage.Event> history = List.of();
        if (reportId != null) {
            files = jdbc.sql("""
                    select e.id, e.file_name, e.content_type, e.size_bytes, e.sha256, u.display_name as uploader, e.uploaded_at,
                           e.verification, e.verification_note, v.display_name as verifier
                    from evidence e join person_view u on u.id = e.uploaded_by left join person_view v on v.id = e.verified_by
                    where e.report_id = :report order by e.id""")
                    .param("report", reportId)
                    .query(ReportPage.Evidence.class)
                    .list();
            history = jdbc.sql("""
                    select e.action, u.display_name as actor, e.comment, e.occurred_at from progress_report_event e
                    join person_view u on u.id = e.actor_id where e.report_id = :report order by e.occurred_at, e.id""")
                    .param("report", reportId)
                    .query(ReportPage.Event.class)
                    .list();
        }
        List<ReportPage.LineStatus> others = List.of();
        Integer suggested = null;
        if (line.isLead()) {
            others = jdbc.sql("""
                    select a.id as line_id, a.kind, coalesce(o.name, s.name) as party, r.state, r.percent, r.progress, r.narrative
                    from assignment a left join office_view o on o.id = a.office_id left join school_view s on s.id = a.school_id
                    left join progress_report r on r.assignment_id = a.id and r.period_start = :period
                    where a.item_id = :item and a.kind <> 'LEAD'
                    order by a.kind, s.township, s.name, o.name""")
                    .param("period", period.start()).param("item", line.itemId())
                    .query(ReportPage.LineStatus.class)
                    .list();
            OptionalDouble mean = others.stream().mapToInt(other -> other.state() == ReportState.APPROVED ? other.percent() : 0).average();
            suggested = mean.isPresent() ? (int) Math.round(mean.getAsDouble()) : null;
        }
        boolean editable = writes(user, line) && (report == null || report.state().editable());
        boolean reviewable = reviews(user, line) && report != null && report.state() == ReportState.SUBMITTED;
        int percent = report != null && report.state().counts() ? report.percent() : 0;
        boolean done = line.signedOff() || report != null && report.state().counts() && report.progress() == Progress.DONE;
        return new ReportPage(line, period, period.dueOn(line.dueDay()), report, targets, files, history, line.periodsBegun(today),
                editable, reviewable, user.is(Role.INSPECTOR), lights.light(line.schedule(), percent, done, today), others,
                suggested, evidence.maxFileSize().toMegabytes());
    }

    /**
     * The reporting of a principal's school or an office: the current period's report of each open line of
     * the plans being carried out, earlier reports still open, and the 50 newest reports of those plans. Two
     * statements.
     */
    public MyReports mine(CurrentUser user) {
        String party = user.schoolId() != null ? "a.school_id" : user.officeId() != null ? "a.office_id" : null;
        if (party == null) {
            return new MyReports(List.of(), List.of());
        }
        var today = LocalDate.now(clock);
        var due = new ArrayList<MyReports.Due>();
        jdbc.sql("select " + LINE_COLUMNS + """
                , r.state as report_state, r.review_comment, latest.percent as latest_percent, latest.progress as latest_progress
                """ + LINE_FROM + CURRENT_REPORT + LATEST + """
                where %s = :party and p.in_force and n.completed_at is null and p.year <= :year
                order by coalesce(a.deadline, n.deadline) nulls last, n.id""".formatted(party))
                .param("today", today).param("year", today.getYear()).param("party", user.schoolId() != null ? user.schoolId() : user.officeId())
                .query((row, number) -> {
                    var line = mapLine(row, number);
                    var state = row.getString("report_state");
                    int percent = row.getObject("latest_percent") == null ? 0 : row.getInt("latest_percent");
                    boolean done = "DONE".equals(row.getString("latest_progress"));
                    var period = line.periodsBegun(today).get(0);
                    return new MyReports.Due(line.id(), line.kind(), line.party(), line.itemId(), line.headline(), line.planTitle(),
                            period, period.dueOn(line.dueDay()), state == null ? null : ReportState.valueOf(state),
                            row.getString("review_comment"), percent, lights.light(line.schedule(), percent, done, today));
                })
                .list().forEach(due::add);
        var written = jdbc.sql("""
                select r.id as report_id, r.assignment_id as line_id, n.headline, p.report_cycle, r.period_start, r.state, r.percent,
                       r.progress, r.submitted_at, r.review_comment, a.kind, coalesce(o.name, s.name) as party, n.id as item_id,
                       p.title as plan_title, p.report_due_day as due_day
                from assignment a join plan_view p on p.id = a.plan_id join progress_report r on r.assignment_id = a.id
                join plan_node_view n on n.id = r.item_id left join office_view o on o.id = a.office_id
                left join school_view s on s.id = a.school_id
                where %s = :party and p.in_force
                order by r.period_start desc, r.updated_at desc limit 50""".formatted(party))
                .param("party", user.schoolId() != null ? user.schoolId() : user.officeId())
                .query(WrittenRow.class)
                .list().stream()
                .map(row -> {
                    var period = row.period();
                    if (row.state().editable() && due.stream().noneMatch(d -> d.lineId() == row.lineId() && d.period().equals(period))) {
                        due.add(new MyReports.Due(row.lineId(), row.kind(), row.party(), row.itemId(), row.headline(), row.planTitle(),
                                period, period.dueOn(row.dueDay()), row.state(), row.reviewComment(), row.percent(),
                                due.stream().filter(d -> d.lineId() == row.lineId()).map(MyReports.Due::light).findFirst().orElse(null)));
                    }
                    return new MyReports.Written(row.reportId(), row.lineId(), row.headline(), period, row.state(), row.percent(),
                            row.progress(), row.submittedAt());
                })
                .toList();
        return new MyReports(due, written);
    }

    /**
     * The reports sent to the viewer's office on the items it leads, oldest first. One statement; its rows (thousands for
     * an office leading many items) mapped by a written mapper by name, which is some 20 µs a row faster than Spring's
     * record mapping.
     */
    public List<PendingReview> pendingReviews(CurrentUser user) {
        if (!user.is(Role.OFFICE_STAFF)) {
            return List.of();
        }
        return jdbc.sql("""
                select r.id as report_id, a.id as line_id, coalesce(o.name, s.name) as party, n.id as item_id, n.headline,
                       p.report_cycle, r.period_start, r.percent, r.progress, r.submitted_at
                from progress_report r join assignment a on a.id = r.assignment_id join plan_node_view n on n.id = r.item_id
                join plan_view p on p.id = r.plan_id left join office_view o on o.id = a.office_id
                left join school_view s on s.id = a.school_id
                where n.lead_office_id = :office and r.state = 'SUBMITTED' and a.kind <> 'LEAD'
                order by r.submitted_at, r.id""")
                .param("office", user.officeId())
                .query((rs, row) -> new PendingReview(rs.getLong("report_id"), rs.getLong("line_id"), rs.getString("party"),
                        rs.getLong("item_id"), rs.getString("headline"),
                        new ReportingPeriod(ReportCycle.valueOf(rs.getString("report_cycle")),
                                rs.getObject("period_start", LocalDate.class)),
                        rs.getInt("percent"), Progress.valueOf(rs.getString("progress")),
                        rs.getTimestamp("submitted_at").toInstant()))
                .list();
    }

    /**
     * The current period's report state and the latest reported progress of every line of an item, and the
     * item's consolidated progress. One statement.
     */
    ItemProgress progress(long itemId, LocalDate today) {
        var rows = jdbc.sql("""
                select a.id as line_id, a.kind, r.state as current, latest.percent as latest, latest.progress as latest_progress,
                       approved.percent as approved
                from assignment a join plan_view p on p.id = a.plan_id
                """ + CURRENT_REPORT + LATEST + """
                left join lateral (select x.percent from progress_report x where x.assignment_id = a.id and x.state = 'APPROVED'
                                   order by x.period_start desc limit 1) approved on true
                where a.item_id = :item""")
                .param("today", today).param("item", itemId)
                .query(LineProgressRow.class)
                .list().stream()
                .map(row -> new ItemProgress.LineProgress(row.lineId(), row.kind(), row.current(),
                        row.latest() == null ? 0 : row.latest(), row.latestProgress() == Progress.DONE, row.approved()))
                .toList();
        return ItemProgress.of(rows);
    }

    /** Today in the bureau's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A report of the viewer's school or office, with its line and item. */
    private record WrittenRow(long reportId, long lineId, String headline, ReportCycle reportCycle, LocalDate periodStart,
            ReportState state, int percent, Progress progress, Instant submittedAt, String reviewComment, String kind, String party,
            long itemId, String planTitle, int dueDay) {

        ReportingPeriod period() {
            return new ReportingPeriod(reportCycle, periodStart);
        }
    }

    /** A line's current report state, its latest reported and its latest approved progress ({@code null}: none yet). */
    private record LineProgressRow(long lineId, String kind, ReportState current, Integer latest, Progress latestProgress,
            Integer approved) {
    }
}
