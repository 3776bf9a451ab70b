package cn.workplan.summary;

import java.math.BigDecimal;
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
import cn.workplan.execution.Progress;
import cn.workplan.execution.ReportState;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.TargetComparator;
import cn.workplan.plan.Outline;
import cn.workplan.plan.PlanQueries;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a drafted report is written from, read in a fixed number of statements whatever the plan's size: the plan's
 * outline (four), where its items stand ({@link PlanStandings}: two), and two aggregates over the reports of the
 * period, computed in the database per item — the lines' counts, the lead office's narrative and at most three
 * distinct excerpts of the others', the targets' latest values ({@link #REPORTS}); the reports still returned and
 * their most frequent comments. No narrative beyond those excerpts reaches Java.
 */
@Component
class SummarySources {

    /**
     * The latest approved report in the period of each line of the plan, looked up line by line on the index of
     * reports by line and period (a few index entries each, however long the period), with whose line it is.
     */
    private static final String LATEST = """
            latest as (
                select a.item_id, a.kind, r.id as report_id, r.percent, r.progress, left(btrim(r.narrative), 400) as narrative,
                       coalesce(s.name, o.short_name) as party, s.enrolment
                from assignment_view a
                join lateral (select x.id, x.percent, x.progress, x.narrative from progress_report_view x
                              where x.assignment_id = a.id and x.period_start >= :from and x.period_start <= :to and x.state = :approved
                              order by x.period_start desc limit 1) r on true
                left join school_view s on s.id = a.school_id left join office_view o on o.id = a.office_id
                where a.plan_id = :plan)
            """;

    /**
     * Per task item: its lines, those with an approved report in the period, the lead office's narrative, up to three
     * distinct excerpts of the other lines' (those with figures and the longest first), and its targets with their
     * values (the lead office's, the mean of the other lines'); and on every row the plan's approved reports in the
     * period. The latest reports are looked up once (the CTE is used three times, so it is computed once).
     */
    static final String REPORTS = "with " + LATEST + """
            , reported as (
                select item_id, count(*) as lines,
                       count(*) filter (where kind = 'SCHOOL') as schools,
                       count(*) filter (where kind = 'SCHOOL' and (progress = :done or percent >= 100)) as schools_done,
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
            values_of as (
                select v.target_id, max(v.actual) filter (where l.kind = 'LEAD') as lead_actual,
                       avg(v.actual) filter (where l.kind <> 'LEAD') as mean_actual,
                       sum(v.actual * l.enrolment) filter (where l.kind = 'SCHOOL')
                           / nullif(sum(l.enrolment) filter (where l.kind = 'SCHOOL'), 0) as weighted_actual
                from latest l join progress_report_value_view v on v.report_id = l.report_id group by v.target_id),
            actuals as (
                select target_id, lead_actual, mean_actual, weighted_actual,
                       coalesce(lead_actual, round(coalesce(weighted_actual, mean_actual), 1)) as actual
                from values_of),
            targets as (
                select t.node_id as item_id, array_agg(t.indicator order by t.position) as indicators,
                       array_agg(t.comparator order by t.position) as comparators, array_agg(t.value order by t.position) as goals,
                       array_agg(t.unit order by t.position) as units, array_agg(x.lead_actual order by t.position) as lead_actuals,
                       array_agg(x.mean_actual order by t.position) as mean_actuals,
                       array_agg(x.weighted_actual order by t.position) as weighted_actuals,
                       array_agg(x.actual order by t.position) as actuals,
                       array_agg(target_met(t.comparator, x.actual, t.value) order by t.position) as reached
                from plan_item_target_view t join plan_node_view tn on tn.id = t.node_id left join actuals x on x.target_id = t.id
                where tn.plan_id = :plan group by t.node_id),
            lines as (
                select item_id, count(*) filter (where kind = 'SCHOOL') as schools, count(*) filter (where kind = 'COOPERATING') as offices
                from assignment_view where plan_id = :plan group by item_id)
            select n.id as item_id, coalesce(l.schools, 0) as schools, coalesce(l.offices, 0) as offices,
                   coalesce(r.lines, 0) as lines_reported, coalesce(r.schools, 0) as schools_reported,
                   coalesce(r.schools_done, 0) as schools_done, coalesce(r.offices, 0) as offices_reported, r.lead_narrative,
                   e.parties, e.narratives, t.indicators, t.comparators, t.goals, t.units, t.lead_actuals, t.mean_actuals, t.weighted_actuals,
                   t.actuals, t.reached,
                   (select count(*) from progress_report_view x where x.plan_id = :plan and x.period_start >= :from and x.period_start <= :to
                                                               and x.state = :approved) as plan_reports
            from plan_node_view n left join lines l on l.item_id = n.id left join reported r on r.item_id = n.id
            left join excerpts e on e.item_id = n.id left join targets t on t.item_id = n.id
            where n.plan_id = :plan and n.kind = :item""";

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
     * @param linesReported   its lines (the lead office's too) with an approved report in the period
     * @param schoolsReported schools' lines with an approved report in the period
     * @param schoolsDone     of those, the ones whose latest says done or 100 %
     * @param leadNarrative   the lead office's latest consolidated narrative in the period, {@code null} without one
     * @param excerpts        up to three distinct narratives of the other lines, those with figures and the longest
     *                        first
     * @param targets         its targets, in order, with their values in the period
     */
    record ItemReports(long itemId, int schools, int offices, int linesReported, int schoolsReported, int schoolsDone,
            int officesReported, String leadNarrative, List<Excerpt> excerpts, List<TargetValue> targets) {

        static ItemReports none(long itemId) {
            return new ItemReports(itemId, 0, 0, 0, 0, 0, 0, null, List.of(), List.of());
        }
    }

    /**
     * A target of an item and its value in the period: the lead office's latest consolidated actual; else the schools'
     * latest actuals weighted by their enrolment (在校生数), over the schools whose enrolment is known; else the mean of
     * the other lines' latest actuals (those two to one decimal). The actual and whether it meets the target are worked
     * out in {@link #REPORTS}, the latter by {@code target_met} (V12), the rule the dashboards' totals are kept by.
     *
     * @param actual  the figure the report gives, {@code null} without one
     * @param reached whether it meets the target, {@code null} without a value
     */
    record TargetValue(long itemId, String indicator, TargetComparator comparator, BigDecimal goal, String unit, BigDecimal leadActual,
            BigDecimal weightedActual, BigDecimal meanActual, BigDecimal actual, Boolean reached) {

        /** How the actual was worked out ({@code null} without one). */
        Basis basis() {
            return leadActual != null ? Basis.LEAD_OFFICE : weightedActual != null ? Basis.WEIGHTED : meanActual != null ? Basis.MEAN : null;
        }

        enum Basis {
            LEAD_OFFICE, WEIGHTED, MEAN
        }
    }

    /** The period's reports that were returned and not yet corrected, and the most frequent review comments. */
    record Returned(int reports, int items, List<Comment> comments) {
    }

    record Comment(String text, int times) {
    }

    /** The items' reports in the period, and how many approved reports the plan has in it. */
    record Reported(Map<Long, ItemReports> items, int approved) {
    }

    /** Everything a draft is written from. */
    record Sources(SummaryPeriod period, LocalDate asOf, Outline outline, Map<Long, PlanStandings.Item> standings,
            Reported reported, Returned returned) {

        ItemReports reportsOf(long itemId) {
            return reported.items().getOrDefault(itemId, ItemReports.none(itemId));
        }

        List<TargetValue> targetsOf(long itemId) {
            return reportsOf(itemId).targets();
        }
    }

    /**
     * The sources of a plan's report for the period, with items' progress and lights on {@code asOf}. Eight
     * statements.
     */
    Sources read(long planId, SummaryPeriod period, LocalDate asOf, CurrentUser user) {
        var outline = plans.outline(planId, user);
        var reporting = standings.reporting(planId);
        var items = standings.items(reporting, asOf);
        return new Sources(period, asOf, outline, items, reports(planId, period), returned(planId, period));
    }

    private Reported reports(long planId, SummaryPeriod period) {
        var reports = new HashMap<Long, ItemReports>();
        var approved = new int[1];
        // the slices are written [1 : 3]: in [1:3] the named-parameter parser would take ":3" for a parameter
        jdbc.sql(REPORTS)
                .param("plan", planId).param("from", period.start()).param("to", period.end())
                .param("approved", ReportState.APPROVED.name()).param("done", Progress.DONE.name()).param("item", NodeKind.ITEM.name())
                .query((row, number) -> {
                    var parties = strings(row.getArray("parties"));
                    var narratives = strings(row.getArray("narratives"));
                    var excerpts = new ArrayList<Excerpt>();
                    for (int i = 0; i < narratives.size(); i++) {
                        excerpts.add(new Excerpt(parties.get(i), narratives.get(i)));
                    }
                    approved[0] = row.getInt("plan_reports");
                    long itemId = row.getLong("item_id");
                    var indicators = strings(row.getArray("indicators"));
                    var comparators = strings(row.getArray("comparators"));
                    var goals = decimals(row.getArray("goals"));
                    var units = strings(row.getArray("units"));
                    var leadActuals = decimals(row.getArray("lead_actuals"));
                    var meanActuals = decimals(row.getArray("mean_actuals"));
                    var weightedActuals = decimals(row.getArray("weighted_actuals"));
                    var actuals = decimals(row.getArray("actuals"));
                    var reached = booleans(row.getArray("reached"));
                    var targets = new ArrayList<TargetValue>();
                    for (int i = 0; i < indicators.size(); i++) {
                        targets.add(new TargetValue(itemId, indicators.get(i), TargetComparator.ofCode(comparators.get(i)).orElseThrow(),
                                goals.get(i), units.get(i), leadActuals.get(i), weightedActuals.get(i), meanActuals.get(i), actuals.get(i),
                                reached.get(i)));
                    }
                    return new ItemReports(itemId, row.getInt("schools"), row.getInt("offices"), row.getInt("lines_reported"),
                            row.getInt("schools_reported"), row.getInt("schools_done"), row.getInt("offices_reported"),
                            row.getString("lead_narrative"), List.copyOf(excerpts), List.copyOf(targets));
                })
                .list().forEach(item -> reports.put(item.itemId(), item));
        return new Reported(reports, approved[0]);
    }

    private Returned returned(long planId, SummaryPeriod period) {
        return jdbc.sql("""
                with returned as (
                    select r.item_id, btrim(coalesce(r.review_comment, '')) as comment from progress_report_view r
                    where r.plan_id = :plan and r.period_start >= :from and r.period_start <= :to and r.state = :returned),
                top as (
                    select comment, count(*) as times from returned where comment <> '' group by comment
                    order by count(*) desc, comment limit 3)
                select (select count(*) from returned) as reports, (select count(distinct item_id) from returned) as items,
                       (select array_agg(comment order by times desc, comment) from top) as comments,
                       (select array_agg(times order by times desc, comment) from top) as times""")
                .param("plan", planId).param("from", period.start()).param("to", period.end())
                .param("returned", ReportState.RETURNED.name())
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

    /** The truth values of a boolean array, {@code null} where the array holds none. */
    private static List<Boolean> booleans(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Boolean[]) array.getArray());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** The values of a numeric array, {@code null} where the array holds none. */
    private static List<BigDecimal> decimals(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((BigDecimal[]) array.getArray());
    }
}
