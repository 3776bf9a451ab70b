package cn.workplan.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
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
            from assignment a join plan_node n on n.id = a.item_id join plan p on p.id = a.plan_id
            left join office o on o.id = a.office_id left join school s on s.id = a.school_id left join office lo on lo.id = n.lead_office_id
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
                select r.id, r.state, r.progress, r.percent, r.narrative, r.review_comment, au.display_name, r.submitted_at,
                       rv.display_name, r.reviewed_at, r.version
                from progress_report r left join app_user au on au.id = r.author_id left join app_user rv on rv.id = r.reviewed_by
                where r.assignment_id = :line and r.period_start = :period""")
                .param("line", lineId).param("period", period.start())
                .query((row, number) -> new ReportPage.Report(row.getLong(1), ReportState.valueOf(row.getString(2)),
                        Progress.valueOf(row.getString(3)), row.getInt(4), row.getString(5), row.getString(6), row.getString(7),
                        instant(row, 8), row.getString(9), instant(row, 10), row.getLong(11)))
                .optional().orElse(null);
        Long reportId = report == null ? null : report.id();
        var targets = jdbc.sql("""
                select t.id, t.indicator, t.comparator, t.value, t.unit, v.actual
                from plan_item_target t left join progress_report_value v on v.target_id = t.id and v.report_id = :report
                where t.node_id = :item order by t.position""")
                .param("report", reportId, java.sql.Types.BIGINT).param("item", line.itemId())
                .query((row, number) -> new ReportPage.TargetValue(row.getLong(1), row.getString(2), row.getString(3),
                        row.getBigDecimal(4), row.getString(5), row.getBigDecimal(6)))
                .list();
        List<ReportPage.Evidence> files = List.of();
        List<ReportPage.Event> history = List.of();
        if (reportId != null) {
            files = jdbc.sql("""
                    select e.id, e.file_name, e.content_type, e.size_bytes, e.sha256, u.display_name, e.uploaded_at, e.verification,
                           e.verification_note, v.display_name
                    from evidence e join app_user u on u.id = e.uploaded_by left join app_user v on v.id = e.verified_by
                    where e.report_id = :report order by e.id""")
                    .param("report", reportId)
                    .query((row, number) -> new ReportPage.Evidence(row.getLong(1), row.getString(2), row.getString(3),
                            row.getLong(4), row.getString(5), row.getString(6), instant(row, 7), row.getString(8),
                            row.getString(9), row.getString(10)))
                    .list();
            history = jdbc.sql("""
                    select e.action, u.display_name, e.comment, e.occurred_at from progress_report_event e
                    join app_user u on u.id = e.actor_id where e.report_id = :report order by e.occurred_at, e.id""")
                    .param("report", reportId)
                    .query((row, number) -> new ReportPage.Event(row.getString(1), row.getString(2), row.getString(3), instant(row, 4)))
                    .list();
        }
        List<ReportPage.LineStatus> others = List.of();
        Integer suggested = null;
        if (line.isLead()) {
            others = jdbc.sql("""
                    select a.id, a.kind, coalesce(o.name, s.name), r.state, r.percent, r.progress, r.narrative
                    from assignment a left join office o on o.id = a.office_id left join school s on s.id = a.school_id
                    left join progress_report r on r.assignment_id = a.id and r.period_start = :period
                    where a.item_id = :item and a.kind <> 'LEAD'
                    order by a.kind, s.township, s.name, o.name""")
                    .param("period", period.start()).param("item", line.itemId())
                    .query((row, number) -> new ReportPage.LineStatus(row.getLong(1), row.getString(2), row.getString(3),
                            row.getString(4) == null ? null : ReportState.valueOf(row.getString(4)), row.getObject(5, Integer.class),
                            row.getString(6) == null ? null : Progress.valueOf(row.getString(6)), row.getString(7)))
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
                where %s = :party and p.status = 'PUBLISHED' and n.completed_at is null and p.year <= :year
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
                select r.id, r.assignment_id, n.headline, p.report_cycle, r.period_start, r.state, r.percent, r.progress, r.submitted_at,
                       r.review_comment, a.kind, coalesce(o.name, s.name), n.id, p.title, p.report_due_day
                from assignment a join plan p on p.id = a.plan_id join progress_report r on r.assignment_id = a.id
                join plan_node n on n.id = r.item_id left join office o on o.id = a.office_id left join school s on s.id = a.school_id
                where %s = :party and p.status = 'PUBLISHED'
                order by r.period_start desc, r.updated_at desc limit 50""".formatted(party))
                .param("party", user.schoolId() != null ? user.schoolId() : user.officeId())
                .query((row, number) -> {
                    var period = new ReportingPeriod(ReportCycle.valueOf(row.getString(4)), row.getObject(5, LocalDate.class));
                    var state = ReportState.valueOf(row.getString(6));
                    long lineId = row.getLong(2);
                    if (state.editable() && due.stream().noneMatch(d -> d.lineId() == lineId && d.period().equals(period))) {
                        due.add(new MyReports.Due(lineId, row.getString(11), row.getString(12), row.getLong(13),
                                row.getString(3), row.getString(14), period, period.dueOn(row.getInt(15)), state, row.getString(10),
                                row.getInt(7), due.stream().filter(d -> d.lineId() == lineId).map(MyReports.Due::light)
                                        .findFirst().orElse(null)));
                    }
                    return new MyReports.Written(row.getLong(1), row.getLong(2), row.getString(3), period, state, row.getInt(7),
                            Progress.valueOf(row.getString(8)), instant(row, 9));
                })
                .list();
        return new MyReports(due, written);
    }

    /** The reports sent to the viewer's office on the items it leads, oldest first. One statement. */
    public List<PendingReview> pendingReviews(CurrentUser user) {
        if (!user.is(Role.OFFICE_STAFF)) {
            return List.of();
        }
        return jdbc.sql("""
                select r.id, a.id, coalesce(o.name, s.name), n.id, n.headline, p.report_cycle, r.period_start, r.percent, r.progress,
                       r.submitted_at
                from progress_report r join assignment a on a.id = r.assignment_id join plan_node n on n.id = r.item_id
                join plan p on p.id = r.plan_id left join office o on o.id = a.office_id left join school s on s.id = a.school_id
                where n.lead_office_id = :office and r.state = 'SUBMITTED' and a.kind <> 'LEAD'
                order by r.submitted_at, r.id""")
                .param("office", user.officeId())
                .query((row, number) -> new PendingReview(row.getLong(1), row.getLong(2), row.getString(3), row.getLong(4),
                        row.getString(5), new ReportingPeriod(ReportCycle.valueOf(row.getString(6)), row.getObject(7, LocalDate.class)),
                        row.getInt(8), Progress.valueOf(row.getString(9)), instant(row, 10)))
                .list();
    }

    /**
     * The current period's report state and the latest reported progress of every line of an item, and the
     * item's consolidated progress. One statement.
     */
    ItemProgress progress(long itemId, LocalDate today) {
        var rows = jdbc.sql("""
                select a.id, a.kind, r.state, latest.percent, latest.progress, approved.percent
                from assignment a join plan p on p.id = a.plan_id
                """ + CURRENT_REPORT + LATEST + """
                left join lateral (select x.percent from progress_report x where x.assignment_id = a.id and x.state = 'APPROVED'
                                   order by x.period_start desc limit 1) approved on true
                where a.item_id = :item""")
                .param("today", today).param("item", itemId)
                .query((row, number) -> new ItemProgress.LineProgress(row.getLong(1), row.getString(2),
                        row.getString(3) == null ? null : ReportState.valueOf(row.getString(3)),
                        row.getObject(4) == null ? 0 : row.getInt(4), "DONE".equals(row.getString(5)), row.getObject(6, Integer.class)))
                .list();
        return ItemProgress.of(rows);
    }

    /** Today in the bureau's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private static java.time.Instant instant(ResultSet row, int column) throws SQLException {
        var value = row.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
