package cn.workplan.execution;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.workplan.plan.NodeKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a plan's items and lines stand on a given day, for dashboards and drafted reports: each item's
 * consolidated progress and light as its lines page shows them, each line's latest progress and light. Read
 * from the standing kept on the lines ({@link LineStandings}), so one statement reads a whole plan however
 * many reports it has. Callers check who may see what.
 */
@Service
@Transactional(readOnly = true)
public class PlanStandings {

    private final JdbcClient jdbc;
    private final StatusLights lights;
    private final Clock clock;

    PlanStandings(JdbcClient jdbc, StatusLights lights, Clock clock) {
        this.jdbc = jdbc;
        this.lights = lights;
        this.clock = clock;
    }

    /**
     * A plan's reporting setting and its current period on a day.
     *
     * @param period the period whose reports are being collected, {@code null} before the plan's year; the last
     *               period of the year after it
     */
    public record Reporting(long planId, int year, ReportCycle cycle, int dueDay, ReportingPeriod period) {

        /** The period's report is due on this day ({@code null} without a period). */
        public LocalDate due() {
            return period == null ? null : period.dueOn(dueDay);
        }
    }

    /**
     * One task item.
     *
     * @param percent      its consolidated progress: the lead office's latest approved consolidated report, or
     *                     the mean of its other lines' latest approved progress (see {@link ItemProgress})
     * @param consolidated whether the lead office wrote it
     * @param done         signed off (办结)
     * @param lines        its lines besides the lead office's
     * @param reported     its lines (the lead office's too) whose report for the current period was sent
     * @param allLines     all its lines, the lead office's too
     * @param leadLine     the lead office's line, {@code null} when the item has none (not yet published)
     */
    public record Item(long itemId, int percent, boolean consolidated, boolean done, Light light, LocalDate deadline,
            int lines, int reported, int allLines, Long leadLine) {

        /** Signed off, or its consolidated progress reached 100 %. */
        public boolean finished() {
            return done || percent >= 100;
        }

        /** Behind schedule (yellow) or overdue (red), and not finished: what leaders chase. */
        public boolean lagging() {
            return !finished() && (light == Light.RED || light == Light.YELLOW);
        }
    }

    /**
     * One line.
     *
     * @param percent its latest sent or approved progress (0 without one)
     * @param done    whether that report says it is done, or the item is signed off
     * @param reportedNow whether its report for the current period was sent
     */
    public record Line(long lineId, long itemId, String kind, Long officeId, Long schoolId, int percent, boolean done,
            Light light, LocalDate deadline, boolean reportedNow) {
    }

    /** The plan's reporting setting and current period today. */
    public Reporting reporting(long planId) {
        return reporting(planId, today());
    }

    Reporting reporting(long planId, LocalDate day) {
        var setting = jdbc.sql("select year, report_cycle, report_due_day from plan_view where id = :plan").param("plan", planId)
                .query(Setting.class).single();
        return reporting(planId, setting.year(), ReportCycle.valueOf(setting.reportCycle()), setting.reportDueDay(), day);
    }

    private record Setting(int year, String reportCycle, int reportDueDay) {
    }

    private static Reporting reporting(long planId, int year, ReportCycle cycle, int dueDay, LocalDate day) {
        ReportingPeriod period = null;
        if (day.getYear() >= year) {
            period = cycle.periodOf(day.getYear() > year ? LocalDate.of(year, 12, 31) : day);
        }
        return new Reporting(planId, year, cycle, dueDay, period);
    }

    /**
     * Every task item of the plan, by id; one statement, reading the running totals the triggers keep per item
     * ({@code item_tally}, see {@code V12__dashboard_tallies.sql}) and each item's lead office line, so its cost
     * follows the items, not their lines.
     */
    public Map<Long, Item> items(Reporting plan, LocalDate day) {
        var items = new LinkedHashMap<Long, Item>();
        jdbc.sql("""
                select n.id, n.deadline, n.q1, n.q2, n.q3, n.q4, n.completed_at is not null as signed_off,
                       coalesce(t.lines, 0) as lines, coalesce(t.approved_sum, 0) as approved_sum, lead.approved_percent as consolidated,
                       coalesce(t.reported, 0) as reported, coalesce(t.all_lines, 0) as all_lines, lead.id as lead_line
                from plan_node_view n
                left join (select item_id, sum(lines) as lines, sum(approved_sum) as approved_sum, sum(all_lines) as all_lines,
                                  sum(all_lines) filter (where reported_period >= :period) as reported
                           from item_tally where plan_id = :plan group by item_id) t on t.item_id = n.id
                left join lateral (select a.id, a.approved_percent from assignment a
                                   where a.item_id = n.id and a.kind = 'LEAD' order by a.id desc limit 1) lead on true
                where n.plan_id = :plan and n.kind = :item
                order by n.id""")
                .param("plan", plan.planId()).param("item", NodeKind.ITEM.name()).param("period", periodStart(plan))
                .query((row, number) -> {
                    var consolidated = row.getObject("consolidated", Integer.class);
                    int lines = row.getInt("lines");
                    int percent = consolidated != null ? consolidated
                            : lines == 0 ? 0 : (int) Math.round((double) row.getLong("approved_sum") / lines);
                    boolean done = row.getBoolean("signed_off");
                    var deadline = date(row, "deadline");
                    var light = lights.light(new StatusLights.Schedule(plan.year(), deadline, quarters(row)), percent, done, day);
                    return new Item(row.getLong("id"), percent, consolidated != null, done, light, deadline, lines,
                            row.getInt("reported"), row.getInt("all_lines"), row.getObject("lead_line", Long.class));
                })
                .list().forEach(item -> items.put(item.itemId(), item));
        return items;
    }

    /** Every line of the plan, or only one school's or office's ({@code null}: all); one statement. */
    public List<Line> lines(Reporting plan, LocalDate day, Long schoolId, Long officeId) {
        return lines(plan, day, schoolId, officeId, null);
    }

    /** The lines of the plan's schools in a township; one statement. */
    public List<Line> linesOfTownship(Reporting plan, LocalDate day, String township) {
        return lines(plan, day, null, null, township);
    }

    private List<Line> lines(Reporting plan, LocalDate day, Long schoolId, Long officeId, String township) {
        var lines = new ArrayList<Line>();
        jdbc.sql("""
                select a.id, a.item_id, a.kind, a.office_id, a.school_id, coalesce(a.deadline, n.deadline) as deadline,
                       coalesce(a.reported_percent, 0) as percent, a.reported_done or n.completed_at is not null as done,
                       coalesce(a.reported_period >= :period, false) as reported_now, n.q1, n.q2, n.q3, n.q4
                from assignment a join plan_node_view n on n.id = a.item_id
                where a.plan_id = :plan %s
                order by a.item_id, a.id""".formatted(narrowing(schoolId, officeId, township)))
                .param("plan", plan.planId()).param("period", periodStart(plan)).param("school", schoolId).param("office", officeId)
                .param("township", township)
                .query((row, number) -> {
                    var deadline = date(row, "deadline");
                    int percent = row.getInt("percent");
                    boolean done = row.getBoolean("done");
                    return new Line(row.getLong("id"), row.getLong("item_id"), row.getString("kind"), row.getObject("office_id", Long.class),
                            row.getObject("school_id", Long.class), percent, done,
                            lights.light(new StatusLights.Schedule(plan.year(), deadline, quarters(row)), percent, done, day),
                            deadline, row.getBoolean("reported_now"));
                })
                .list().forEach(lines::add);
        return lines;
    }

    /**
     * The condition on the lines ({@code a}) for the party asked for, written out for each case: a condition that
     * would hold all cases (a parameter or null) makes a prepared statement's generic plan read all of the plan's lines.
     */
    private static String narrowing(Long schoolId, Long officeId, String township) {
        var condition = new StringBuilder();
        if (schoolId != null) {
            condition.append(" and a.school_id = :school");
        }
        if (officeId != null) {
            condition.append(" and a.office_id = :office");
        }
        if (township != null) {
            condition.append(" and a.school_id in (select s.id from school_view s where s.township = :township)");
        }
        return condition.toString();
    }

    /** Today in the bureau's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private static LocalDate periodStart(Reporting plan) {
        // before the plan's year no period has begun: nothing counts as reported
        return plan.period() == null ? LocalDate.of(9999, 1, 1) : plan.period().start();
    }

    private static List<String> quarters(ResultSet row) throws SQLException {
        return List.of(row.getString("q1"), row.getString("q2"), row.getString("q3"), row.getString("q4"));
    }

    private static LocalDate date(ResultSet row, String column) throws SQLException {
        Date value = row.getDate(column);
        return value == null ? null : value.toLocalDate();
    }
}
