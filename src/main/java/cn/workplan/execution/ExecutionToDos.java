package cn.workplan.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.todo.ToDo;
import cn.workplan.todo.ToDoKind;
import cn.workplan.todo.ToDoProperties;
import cn.workplan.todo.ToDoSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What carrying out the plans has waiting, role by role:
 * <ul>
 * <li>a school's principal and an office's staff: each open line's report of the current period (the lead office's
 * consolidated progress too), reports sent back, and their extension requests decided lately;</li>
 * <li>a lead office: the reports sent to it to review, per item; its items whose lines lag or are overdue; for its head,
 * the extension requests on its items' lines;</li>
 * <li>the general office: the plans whose current period closes with a low reporting rate;</li>
 * <li>a leader: the sign-offs proposed and the requests to move an item's deadline, of the offices in their charge (of
 * any office without a leader in charge);</li>
 * <li>an inspector: the evidence files waiting for a check, per school or office.</li>
 * </ul>
 * Each a fixed number of statements whatever the number of lines and reports (six at most, for the head of the general
 * office), on indexes of what they filter ({@code V9}, {@code V21}).
 */
@Component
class ExecutionToDos implements ToDoSource {

    /** The period {@code :today} falls in for plan {@code p} (its year's last once the year is over): as the report pages. */
    private static final String CURRENT_PERIOD = """
            cast(date_trunc(case p.report_cycle when 'MONTHLY' then 'month' else 'quarter' end,
                 least(cast(:today as date), make_date(p.year, 12, 31))) as date)""";

    private final JdbcClient jdbc;
    private final StatusLights lights;
    private final ToDoProperties settings;
    private final java.time.Clock clock;

    ExecutionToDos(JdbcClient jdbc, StatusLights lights, ToDoProperties settings, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.lights = lights;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public List<ToDo> toDos(CurrentUser user, LocalDate today) {
        var entries = new ArrayList<ToDo>();
        if (user.is(Role.PRINCIPAL) && user.schoolId() != null) {
            reports("a.school_id", user.schoolId(), today, entries);
            decided("a.school_id", user.schoolId(), today, entries);
        } else if (user.is(Role.OFFICE_STAFF) && user.officeId() != null) {
            reports("a.office_id", user.officeId(), today, entries);
            decided("a.office_id", user.officeId(), today, entries);
            reviews(user.officeId(), entries);
            lagging(user.officeId(), today, entries);
            if (user.officeHead()) {
                lineExtensions(user.officeId(), entries);
            }
            if (user.coordinator()) {
                lowRates(today, entries);
            }
        } else if (user.is(Role.LEADER)) {
            leaderDecisions(user.id(), entries);
        } else if (user.is(Role.INSPECTOR)) {
            evidence(entries);
        }
        return entries;
    }

    /**
     * The party's open lines without a report sent for the current period (a draft or a returned one counts as none), and
     * its reports sent back of earlier periods. One statement.
     */
    private void reports(String party, long partyId, LocalDate today, List<ToDo> entries) {
        jdbc.sql("""
                select a.id, a.kind, n.headline, p.report_cycle, p.report_due_day, %1$s as period_start, r.state,
                       r.review_comment, r.reviewed_at, rv.display_name as reviewer, lo.name as lead_office, a.created_at
                from assignment a join plan_node_view n on n.id = a.item_id join plan_view p on p.id = a.plan_id
                left join office_view lo on lo.id = n.lead_office_id
                left join progress_report r on r.assignment_id = a.id and r.period_start = %1$s
                left join person_view rv on rv.id = r.reviewed_by
                where %2$s = :party and p.in_force and p.year <= :year and n.completed_at is null
                  and (r.id is null or r.state in ('DRAFT', 'RETURNED'))
                union all
                select a.id, a.kind, n.headline, p.report_cycle, p.report_due_day, r.period_start, r.state,
                       r.review_comment, r.reviewed_at, rv.display_name, lo.name, a.created_at
                from assignment a join plan_node_view n on n.id = a.item_id join plan_view p on p.id = a.plan_id
                left join office_view lo on lo.id = n.lead_office_id
                join progress_report r on r.assignment_id = a.id and r.state = 'RETURNED' and r.period_start <> %1$s
                left join person_view rv on rv.id = r.reviewed_by
                where %2$s = :party and p.in_force and n.completed_at is null""".formatted(CURRENT_PERIOD, party))
                .param("party", partyId).param("today", today).param("year", today.getYear())
                .query((row, number) -> {
                    var period = new ReportingPeriod(ReportCycle.valueOf(row.getString("report_cycle")),
                            row.getObject("period_start", LocalDate.class));
                    var link = "/lines/" + row.getLong("id") + "/reports/" + period.start().toString().substring(0, 7);
                    var when = ToDo.message(period.messageKey(), period.start().getYear(), period.number());
                    var due = period.dueOn(row.getInt("report_due_day"));
                    if ("RETURNED".equals(row.getString("state"))) {
                        return ToDo.of(ToDoKind.REPORT_RETURNED, List.of(row.getString("headline"), when, text(row.getString("review_comment"))),
                                link, due, instant(row, "reviewed_at"), row.getString("reviewer"));
                    }
                    var kind = "LEAD".equals(row.getString("kind")) ? ToDoKind.CONSOLIDATED_DUE : ToDoKind.REPORT_DUE;
                    var since = period.start().atStartOfDay(clock.getZone()).toInstant();
                    return ToDo.of(kind, List.of(row.getString("headline"), when), link, due, since, row.getString("lead_office"));
                })
                .list().forEach(entries::add);
    }

    /** The party's extension requests decided within the last days: approved (the new deadline) or not (the comment). */
    private void decided(String party, long partyId, LocalDate today, List<ToDo> entries) {
        jdbc.sql("""
                select e.item_id, n.headline, e.state, e.proposed_deadline, e.decision_comment, e.decided_at, dc.display_name as decider
                from extension_request e join assignment a on a.id = e.assignment_id join plan_node_view n on n.id = e.item_id
                join person_view dc on dc.id = e.decided_by
                where %s = :party and e.decided_at >= :since and e.state in ('APPROVED', 'REJECTED')""".formatted(party))
                .param("party", partyId)
                .param("since", today.minusDays(settings.decidedDays()).atStartOfDay(clock.getZone()).toOffsetDateTime())
                .query((row, number) -> {
                    boolean approved = "APPROVED".equals(row.getString("state"));
                    return new ToDo(ToDoKind.EXTENSION_DECIDED, ToDoKind.EXTENSION_DECIDED.messageKey() + (approved ? ".approved" : ".rejected"),
                            List.of(row.getString("headline"), approved ? row.getObject("proposed_deadline", LocalDate.class)
                                    : text(row.getString("decision_comment"))),
                            "/items/" + row.getLong("item_id") + "/lines", null, instant(row, "decided_at"), row.getString("decider"), 1);
                })
                .list().forEach(entries::add);
    }

    /**
     * The reports sent to the lead office, per item: the oldest first, linked to the oldest. One statement, item by item
     * through the index of reports waiting for review (joined the other way, the planner reads every report waiting in
     * the county: twice the time for an office of 500 items over ten plans).
     */
    private void reviews(long officeId, List<ToDo> entries) {
        jdbc.sql("""
                select n.id, n.headline, p.report_cycle, waiting.reports, waiting.since, oldest.line, oldest.period_start, oldest.party
                from plan_node_view n join plan_view p on p.id = n.plan_id
                cross join lateral (select count(*) as reports, min(r.submitted_at) as since
                                    from progress_report r join assignment a on a.id = r.assignment_id
                                    where r.item_id = n.id and r.state = 'SUBMITTED' and a.kind <> 'LEAD') waiting
                cross join lateral (select r.assignment_id as line, r.period_start, coalesce(o.name, s.name) as party
                                    from progress_report r join assignment a on a.id = r.assignment_id
                                    left join office_view o on o.id = a.office_id left join school_view s on s.id = a.school_id
                                    where r.item_id = n.id and r.state = 'SUBMITTED' and a.kind <> 'LEAD'
                                    order by r.submitted_at, r.id limit 1) oldest
                where n.lead_office_id = :office""")
                .param("office", officeId)
                .query((row, number) -> {
                    var period = new ReportingPeriod(ReportCycle.valueOf(row.getString("report_cycle")),
                            row.getObject("period_start", LocalDate.class));
                    int reports = row.getInt("reports");
                    return new ToDo(ToDoKind.REPORT_REVIEW, ToDoKind.REPORT_REVIEW.messageKey(), List.of(row.getString("headline"), reports),
                            "/lines/" + row.getLong("line") + "/reports/" + period.start().toString().substring(0, 7), null,
                            instant(row, "since"), row.getString("party"), reports);
                })
                .list().forEach(entries::add);
    }

    /**
     * The items the office leads whose lines (its own consolidated one aside) are overdue or lag their schedule, as their
     * lines page shows the lights. One statement, grouped in the database by what a light depends on (the item's schedule,
     * the line's deadline and progress), so that its rows follow those, not the lines.
     */
    private void lagging(long officeId, LocalDate today, List<ToDo> entries) {
        record Count(long itemId, String headline, int[] lights, LocalDate[] firstRed) {
        }
        var items = new LinkedHashMap<Long, Count>();
        jdbc.sql("""
                select a.item_id, n.headline, n.q1, n.q2, n.q3, n.q4, p.year, coalesce(a.deadline, n.deadline) as deadline,
                       coalesce(a.reported_percent, 0) as percent, count(*) as lines
                from assignment a join plan_node_view n on n.id = a.item_id join plan_view p on p.id = n.plan_id
                where n.lead_office_id = :office and p.in_force and p.year <= :year and n.completed_at is null
                  and a.kind <> 'LEAD' and not a.reported_done and coalesce(a.reported_percent, 0) < 100
                group by a.item_id, n.headline, n.q1, n.q2, n.q3, n.q4, p.year, coalesce(a.deadline, n.deadline),
                         coalesce(a.reported_percent, 0)""")
                .param("office", officeId).param("year", today.getYear())
                .query((row, number) -> {
                    var deadline = row.getObject("deadline", LocalDate.class);
                    var schedule = new StatusLights.Schedule(row.getInt("year"), deadline,
                            List.of(row.getString("q1"), row.getString("q2"), row.getString("q3"), row.getString("q4")));
                    var light = lights.light(schedule, row.getInt("percent"), false, today);
                    var headline = row.getString("headline");
                    var count = items.computeIfAbsent(row.getLong("item_id"), id -> new Count(id, headline, new int[2], new LocalDate[1]));
                    if (light == Light.RED) {
                        count.lights()[0] += row.getInt("lines");
                        if (count.firstRed()[0] == null || deadline.isBefore(count.firstRed()[0])) {
                            count.firstRed()[0] = deadline;
                        }
                    } else if (light == Light.YELLOW) {
                        count.lights()[1] += row.getInt("lines");
                    }
                    return null;
                })
                .list();
        items.values().stream().filter(count -> count.lights()[0] + count.lights()[1] > 0)
                .map(count -> new ToDo(ToDoKind.LINES_LAGGING, ToDoKind.LINES_LAGGING.messageKey(),
                        List.of(count.headline(), count.lights()[0], count.lights()[1]), "/items/" + count.itemId() + "/lines",
                        count.firstRed()[0], null, null, count.lights()[0] + count.lights()[1]))
                .forEach(entries::add);
    }

    /** For the head of a lead office: the extension requests on its items' lines (its own line's go to a leader). */
    private void lineExtensions(long officeId, List<ToDo> entries) {
        jdbc.sql("""
                select e.id, e.item_id, n.headline, coalesce(o.name, s.name) as party, e.proposed_deadline, e.requested_at, rq.display_name
                from extension_request e join assignment a on a.id = e.assignment_id join plan_node_view n on n.id = e.item_id
                join plan_view p on p.id = n.plan_id join person_view rq on rq.id = e.requested_by
                left join office_view o on o.id = a.office_id left join school_view s on s.id = a.school_id
                where e.state = 'PENDING' and p.in_force and a.kind <> 'LEAD' and n.lead_office_id = :office""")
                .param("office", officeId)
                .query((row, number) -> extension(row))
                .list().forEach(entries::add);
    }

    /**
     * For a leader: the sign-offs proposed and the requests to move an item's own deadline, of the offices in their charge
     * and of any office without a leader in charge (any leader may decide; the one in charge is the one asked). One statement.
     */
    private void leaderDecisions(long leaderId, List<ToDo> entries) {
        jdbc.sql("""
                select 'EXTENSION' as what, e.id, e.item_id, n.headline, lo.name as party, e.proposed_deadline, e.requested_at,
                       rq.display_name
                from extension_request e join assignment a on a.id = e.assignment_id join plan_node_view n on n.id = e.item_id
                join plan_view p on p.id = n.plan_id join person_view rq on rq.id = e.requested_by left join office_view lo on lo.id = n.lead_office_id
                where e.state = 'PENDING' and p.in_force and a.kind = 'LEAD' and coalesce(lo.leader_user_id, :leader) = :leader
                union all
                select 'SIGN_OFF', n.id, n.id, n.headline, lo.name, null, so.proposed_at, u.display_name
                from sign_off so join plan_node_view n on n.id = so.item_id join plan_view p on p.id = n.plan_id
                join person_view u on u.id = so.proposed_by left join office_view lo on lo.id = n.lead_office_id
                where so.state = 'PROPOSED' and p.in_force and coalesce(lo.leader_user_id, :leader) = :leader""")
                .param("leader", leaderId)
                .query((row, number) -> "SIGN_OFF".equals(row.getString("what"))
                        ? ToDo.of(ToDoKind.SIGN_OFF, List.of(row.getString("headline"), text(row.getString("party"))), "/approvals#sign-off-" + row.getLong("item_id"),
                                null, instant(row, "requested_at"), row.getString("display_name"))
                        : extension(row))
                .list().forEach(entries::add);
    }

    private static ToDo extension(ResultSet row) throws SQLException {
        return ToDo.of(ToDoKind.EXTENSION_DECIDE, List.of(row.getString("headline"), text(row.getString("party")),
                        row.getObject("proposed_deadline", LocalDate.class)),
                "/approvals#extension-" + row.getLong("id"), null, instant(row, "requested_at"), row.getString("display_name"));
    }

    /**
     * For the general office: each plan being carried out this year whose current period's reporting closes (from a few
     * days before its due day to the period's end) with fewer than the expected share of its lines reported. One statement,
     * on the running totals per item ({@code item_tally}), as the dashboard's rate. The year is grouped by too: through
     * {@code plan_view} PostgreSQL no longer sees the plan's primary key that made it follow from the id.
     */
    private void lowRates(LocalDate today, List<ToDo> entries) {
        jdbc.sql("""
                select p.id, p.title, p.report_cycle, p.report_due_day, %s as period_start,
                       coalesce(sum(t.all_lines), 0) as lines,
                       coalesce(sum(t.all_lines) filter (where t.reported_period >= %1$s), 0) as reported
                from plan_view p left join item_tally t on t.plan_id = p.id
                where p.in_force and p.year = :year
                group by p.id, p.title, p.report_cycle, p.report_due_day, p.year""".formatted(CURRENT_PERIOD))
                .param("today", today).param("year", today.getYear())
                .query((row, number) -> {
                    var period = new ReportingPeriod(ReportCycle.valueOf(row.getString("report_cycle")),
                            row.getObject("period_start", LocalDate.class));
                    var due = period.dueOn(row.getInt("report_due_day"));
                    long lines = row.getLong("lines");
                    int rate = lines == 0 ? 100 : (int) (row.getLong("reported") * 100 / lines);
                    boolean closing = !today.isBefore(due.minusDays(settings.closingDays())) && !today.isAfter(period.end());
                    if (!closing || rate >= settings.lowRatePercent()) {
                        return null;
                    }
                    return ToDo.of(ToDoKind.PERIOD_LOW_RATE, List.of(row.getString("title"),
                                    ToDo.message(period.messageKey(), period.start().getYear(), period.number()), rate),
                            "/dashboard/items?plan=" + row.getLong("id") + "&unreported=true", due, null, null);
                })
                .list().stream().filter(java.util.Objects::nonNull).forEach(entries::add);
    }

    /** For an inspector: the files waiting for a check, per school or office, linked to the oldest one's report. */
    private void evidence(List<ToDo> entries) {
        jdbc.sql("""
                select coalesce(s.name, o.name) as party, count(*) as files, min(e.uploaded_at) as since,
                       (array_agg(a.id order by e.uploaded_at, e.id))[1] as line,
                       (array_agg(r.period_start order by e.uploaded_at, e.id))[1] as period_start,
                       (array_agg(p.report_cycle order by e.uploaded_at, e.id))[1] as report_cycle
                from evidence e join progress_report r on r.id = e.report_id join assignment a on a.id = r.assignment_id
                join plan_view p on p.id = r.plan_id left join office_view o on o.id = a.office_id left join school_view s on s.id = a.school_id
                where e.verification = 'UNCHECKED' and p.in_force
                group by a.school_id, a.office_id, coalesce(s.name, o.name)""")
                .query((row, number) -> {
                    var period = new ReportingPeriod(ReportCycle.valueOf(row.getString("report_cycle")),
                            row.getObject("period_start", LocalDate.class));
                    int files = row.getInt("files");
                    return new ToDo(ToDoKind.EVIDENCE_VERIFY, ToDoKind.EVIDENCE_VERIFY.messageKey(), List.of(row.getString("party"), files),
                            "/lines/" + row.getLong("line") + "/reports/" + period.start().toString().substring(0, 7), null,
                            instant(row, "since"), null, files);
                })
                .list().forEach(entries::add);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        var value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
