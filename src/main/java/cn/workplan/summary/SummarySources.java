package cn.workplan.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.workplan.account.CurrentUser;
import cn.workplan.execution.PlanStandings;
import cn.workplan.plan.Comparator;
import cn.workplan.plan.Outline;
import cn.workplan.plan.PlanQueries;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a drafted report is written from, read in a fixed number of statements whatever the plan's size: the plan's
 * outline (four), where its items stand ({@link PlanStandings}: two), and three aggregates over the approved
 * reports of the period, computed in the database per item — the lines' counts, the lead office's narrative and at
 * most three distinct excerpts of the others', the targets' latest values, the reports still returned. No
 * narrative beyond those excerpts reaches Java.
 */
@Component
class SummarySources {

    /**
     * The latest approved report in the period of each line: counted per line, then looked up by the line and its
     * period (the unique index of reports).
     */
    private static final String LATEST = """
            per_line as (
                select r.assignment_id, count(*) as reports, max(r.period_start) as last
                from progress_report r
                where r.plan_id = :plan and r.period_start >= :from and r.period_start <= :to and r.state = 'APPROVED'
                group by r.assignment_id),
            latest as (
                select a.item_id, a.kind, l.reports, r.id as report_id, r.percent, r.progress,
                       btrim(regexp_replace(left(r.narrative, 400), '\\s+', ' ', 'g')) as narrative,
                       coalesce(s.name, o.short_name) as party
                from per_line l join progress_report r on r.assignment_id = l.assignment_id and r.period_start = l.last
                join assignment a on a.id = l.assignment_id
                left join school s on s.id = a.school_id left join office o on o.id = a.office_id)
            """;

    private final PlanQueries plans;
    private final PlanStandings standings;
    private final JdbcClient jdbc;

    SummarySources(PlanQueries plans, PlanStandings standings, JdbcClient jdbc) {
        this.plans = plans;
        this.standings = standings;
        this.jdbc = jdbc;
    }

    /** One excerpt of a line's narrative and whose it is (a school, an office). */
    record Excerpt(String party, String text) {
    }

    /**
     * An item's reports in the period.
     *
     * @param schools         its schools' lines
     * @param offices         its cooperating offices' lines
     * @param reports         the approved reports of the period on all its lines
     * @param schoolsReported schools' lines with an approved report in the period
     * @param schoolsDone     of those, the ones whose latest says done or 100 %
     * @param leadNarrative   the lead office's latest consolidated narrative in the period, {@code null} without one
     * @param excerpts        up to three distinct narratives of the other lines, those with figures and the longest
     *                        first
     */
    record ItemReports(long itemId, int schools, int offices, int reports, int schoolsReported, int schoolsDone,
            int officesReported, String leadNarrative, List<Excerpt> excerpts) {

        static ItemReports none(long itemId) {
            return new ItemReports(itemId, 0, 0, 0, 0, 0, 0, null, List.of());
        }
    }

    /**
     * A target of an item and its value in the period: the lead office's latest consolidated actual, else the mean of
     * the other lines' latest actuals.
     */
    record TargetValue(long itemId, String indicator, Comparator comparator, BigDecimal goal, String unit, BigDecimal leadActual,
            BigDecimal meanActual) {

        BigDecimal actual() {
            return leadActual != null ? leadActual : meanActual == null ? null : meanActual.setScale(1, RoundingMode.HALF_UP);
        }

        /** Whether the actual is the lines' mean rather than the lead office's figure. */
        boolean averaged() {
            return leadActual == null && meanActual != null;
        }

        /** {@code null} without a value. */
        Boolean reached() {
            var actual = actual();
            return actual == null ? null : comparator.isMet(actual, goal);
        }
    }

    /** The period's reports that were returned and not yet corrected, and the most frequent review comments. */
    record Returned(int reports, int items, List<Comment> comments) {
    }

    record Comment(String text, int times) {
    }

    /** Everything a draft is written from. */
    record Sources(SummaryPeriod period, LocalDate asOf, Outline outline, Map<Long, PlanStandings.Item> standings,
            Map<Long, ItemReports> reports, Map<Long, List<TargetValue>> targets, Returned returned) {

        ItemReports reportsOf(long itemId) {
            return reports.getOrDefault(itemId, ItemReports.none(itemId));
        }

        List<TargetValue> targetsOf(long itemId) {
            return targets.getOrDefault(itemId, List.of());
        }
    }

    /**
     * The sources of a plan's report for the period, with items' progress and lights on {@code asOf}. Nine
     * statements.
     */
    Sources read(long planId, SummaryPeriod period, LocalDate asOf, CurrentUser user) {
        var outline = plans.outline(planId, user);
        var reporting = standings.reporting(planId);
        var items = standings.items(reporting, asOf);
        return new Sources(period, asOf, outline, items, reports(planId, period), targets(planId, period), returned(planId, period));
    }

    private Map<Long, ItemReports> reports(long planId, SummaryPeriod period) {
        var reports = new HashMap<Long, ItemReports>();
        // the slices are written [1 : 3]: in [1:3] the named-parameter parser would take ":3" for a parameter
        jdbc.sql("with " + LATEST + """
                , reported as (
                    select item_id, sum(reports) as reports,
                           count(*) filter (where kind = 'SCHOOL') as schools,
                           count(*) filter (where kind = 'SCHOOL' and (progress = 'DONE' or percent >= 100)) as schools_done,
                           count(*) filter (where kind = 'COOPERATING') as offices,
                           max(narrative) filter (where kind = 'LEAD' and narrative <> '') as lead_narrative
                    from latest group by item_id),
                distinct_narratives as (
                    select item_id, narrative, min(party) as party, count(*) as times
                    from latest where kind <> 'LEAD' and char_length(narrative) >= 6
                    group by item_id, narrative),
                excerpts as (
                    select item_id,
                           (array_agg(party order by narrative ~ '[0-9０-９]' desc, char_length(narrative) desc, times desc, party))[1 : 3] as parties,
                           (array_agg(narrative order by narrative ~ '[0-9０-９]' desc, char_length(narrative) desc, times desc, party))[1 : 3] as narratives
                    from distinct_narratives group by item_id),
                lines as (
                    select item_id, count(*) filter (where kind = 'SCHOOL') as schools, count(*) filter (where kind = 'COOPERATING') as offices
                    from assignment where plan_id = :plan group by item_id)
                select l.item_id, l.schools, l.offices, coalesce(r.reports, 0) as reports, coalesce(r.schools, 0) as schools_reported,
                       coalesce(r.schools_done, 0) as schools_done, coalesce(r.offices, 0) as offices_reported, r.lead_narrative,
                       e.parties, e.narratives
                from lines l left join reported r on r.item_id = l.item_id left join excerpts e on e.item_id = l.item_id""")
                .param("plan", planId).param("from", period.start()).param("to", period.end())
                .query((row, number) -> {
                    var parties = strings(row.getArray("parties"));
                    var narratives = strings(row.getArray("narratives"));
                    var excerpts = new ArrayList<Excerpt>();
                    for (int i = 0; i < narratives.size(); i++) {
                        excerpts.add(new Excerpt(parties.get(i), narratives.get(i)));
                    }
                    return new ItemReports(row.getLong("item_id"), row.getInt("schools"), row.getInt("offices"), row.getInt("reports"),
                            row.getInt("schools_reported"), row.getInt("schools_done"), row.getInt("offices_reported"),
                            row.getString("lead_narrative"), List.copyOf(excerpts));
                })
                .list().forEach(item -> reports.put(item.itemId(), item));
        return reports;
    }

    private Map<Long, List<TargetValue>> targets(long planId, SummaryPeriod period) {
        var targets = new HashMap<Long, List<TargetValue>>();
        jdbc.sql("with " + LATEST + """
                , actuals as (
                    select v.target_id, l.kind, v.actual from latest l join progress_report_value v on v.report_id = l.report_id)
                select t.node_id, t.indicator, t.comparator, t.value, t.unit,
                       max(x.actual) filter (where x.kind = 'LEAD') as lead_actual,
                       avg(x.actual) filter (where x.kind <> 'LEAD') as mean_actual
                from plan_item_target t join plan_node n on n.id = t.node_id left join actuals x on x.target_id = t.id
                where n.plan_id = :plan
                group by t.id, t.node_id, t.position, t.indicator, t.comparator, t.value, t.unit
                order by t.node_id, t.position""")
                .param("plan", planId).param("from", period.start()).param("to", period.end())
                .query((row, number) -> new TargetValue(row.getLong("node_id"), row.getString("indicator"),
                        Comparator.ofCode(row.getString("comparator")).orElseThrow(), row.getBigDecimal("value"), row.getString("unit"),
                        row.getBigDecimal("lead_actual"), row.getBigDecimal("mean_actual")))
                .list().forEach(target -> targets.computeIfAbsent(target.itemId(), key -> new ArrayList<>()).add(target));
        return targets;
    }

    private Returned returned(long planId, SummaryPeriod period) {
        return jdbc.sql("""
                with returned as (
                    select r.item_id, btrim(coalesce(r.review_comment, '')) as comment from progress_report r
                    where r.plan_id = :plan and r.period_start >= :from and r.period_start <= :to and r.state = 'RETURNED'),
                top as (
                    select comment, count(*) as times from returned where comment <> '' group by comment
                    order by count(*) desc, comment limit 3)
                select (select count(*) from returned) as reports, (select count(distinct item_id) from returned) as items,
                       (select array_agg(comment order by times desc, comment) from top) as comments,
                       (select array_agg(times order by times desc, comment) from top) as times""")
                .param("plan", planId).param("from", period.start()).param("to", period.end())
                .query((row, number) -> {
                    var comments = strings(row.getArray("comments"));
                    var times = row.getArray("times") == null ? new Long[0] : (Long[]) row.getArray("times").getArray();
                    var list = new ArrayList<Comment>();
                    for (int i = 0; i < comments.size(); i++) {
                        list.add(new Comment(comments.get(i), times[i].intValue()));
                    }
                    return new Returned(row.getInt("reports"), row.getInt("items"), List.copyOf(list));
                })
                .single();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
