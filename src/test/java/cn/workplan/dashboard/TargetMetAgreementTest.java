package cn.workplan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.execution.Progress;
import cn.workplan.summary.NewSummary;
import cn.workplan.summary.Summaries;
import cn.workplan.summary.SummaryKind;
import cn.workplan.summary.SummaryQueries;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;
import cn.workplan.support.TestReports;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether a value meets a target is decided once, by {@code target_met} (V12): the running totals count the schools
 * reaching a target with it, and the dashboard's ✓ per target and per school and the drafted report's 已达标 read it in
 * the statement that reads the values. On the edge cases — a value equal to the goal under each comparator, the same
 * figure written 95.0 and 95, a figure rounded up onto the goal, a target nobody reported on — the function answers as
 * written out here, and the dashboard, the totals and the drafted report all give the same answer.
 */
@IntegrationTest
class TargetMetAgreementTest {

    static final LocalDate TODAY = LocalDate.of(TestPlans.YEAR, 5, 10);
    static final LocalDate MAY = LocalDate.of(TestPlans.YEAR, 5, 1);

    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    TestReports reports;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DashboardQueries dashboards;
    @Autowired
    Summaries summaries;
    @Autowired
    SummaryQueries summaryQueries;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theFunctionOnTheEdges() {
        // comparator, actual, goal -> met (null: no value, no verdict)
        var cases = new ArrayList<Object[]>(List.of(
                new Object[] {">=", "95", "95", true}, new Object[] {"<=", "95", "95", true}, new Object[] {"=", "95", "95", true},
                new Object[] {"<", "95", "95", false}, new Object[] {">", "95", "95", false},
                new Object[] {"=", "95.0", "95", true}, new Object[] {">=", "95.0000", "95", true},
                new Object[] {">", "95.0", "95", false}, new Object[] {"<", "94.9999", "95", true},
                new Object[] {">=", "94.99", "95", false}, new Object[] {"=", "95.5", "95.50", true}));
        for (var comparator : List.of(">=", "<=", "=", "<", ">")) {
            cases.add(new Object[] {comparator, null, "95", null});
        }
        for (var c : cases) {
            var met = jdbc.sql("select target_met(:comparator, cast(:actual as numeric), cast(:goal as numeric))")
                    .param("comparator", c[0]).param("actual", c[1] == null ? null : new BigDecimal((String) c[1]))
                    .param("goal", new BigDecimal((String) c[2]))
                    .query(Boolean.class).optional().orElse(null);
            assertThat(met).as("%s %s %s", c[1], c[0], c[2]).isEqualTo(c[3]);
        }
    }

    @Test
    void theDashboardTheTotalsAndTheDraftedReportAgree() {
        clock.today(TODAY);
        long lead = data.office();
        long schoolA = data.school();
        long schoolB = data.school();
        var plan = plans.draft();
        long chapter = plan.chapter("达标判定");
        var targets = new LinkedHashMap<String, String[]>();
        // indicator -> comparator, goal, school A's value, school B's value (null: not reported)
        targets.put("甲（不低于）", new String[] {">=", "95", "95", "95.0"});
        targets.put("乙（不高于）", new String[] {"<=", "95", "95", "95.0"});
        targets.put("丙（等于）", new String[] {"=", "95", "95", "95.0"});
        targets.put("丁（低于）", new String[] {"<", "95", "95", "95.0"});
        targets.put("戊（高于）", new String[] {">", "95", "95", "95.0"});
        targets.put("己（小数）", new String[] {"=", "95.5", "95.50", "95.5"});
        // the schools' mean 94.995 is shown as 95 (two decimals) and 95.0 in the report (one): met as shown
        targets.put("庚（舍入）", new String[] {">=", "95", "94.99", "95"});
        targets.put("辛（未报）", new String[] {">=", "95", null, null});
        var spec = ItemSpec.item("核对达标判定。").lead(lead).schools(schoolA, schoolB).dueMonthEnd(11);
        targets.forEach((indicator, t) -> spec.target(indicator, t[0], t[1], "%"));
        long item = plan.item(chapter, spec);
        plan.publish();

        var ids = new HashMap<String, Long>();
        jdbc.sql("select id, indicator from plan_item_target where node_id = :item").param("item", item)
                .query((row, n) -> ids.put(row.getString("indicator"), row.getLong("id"))).list();
        var leadStaff = data.login(data.staffOf(lead));
        send(item, schoolA, values(targets, ids, 2), leadStaff);
        send(item, schoolB, values(targets, ids, 3), leadStaff);

        var leader = data.login(data.user(Role.LEADER));
        var dashboard = dashboards.leaders(plan.id(), null, null, leader);
        var rows = new HashMap<String, Dashboard.TargetRow>();
        dashboard.targets().stream().filter(row -> row.itemId() == item).forEach(row -> rows.put(row.indicator(), row));
        var drafted = summaries.create(plan.id(), new NewSummary(SummaryKind.MID_YEAR, null, null), plan.by());
        var verdicts = verdicts(summaryQueries.summary(drafted.id(), plan.by()).blocks());

        var expected = Map.of("甲（不低于）", true, "乙（不高于）", true, "丙（等于）", true, "丁（低于）", false, "戊（高于）", false,
                "己（小数）", true, "庚（舍入）", true);
        var expectedReached = Map.of("甲（不低于）", 2, "乙（不高于）", 2, "丙（等于）", 2, "丁（低于）", 0, "戊（高于）", 0,
                "己（小数）", 2, "庚（舍入）", 1, "辛（未报）", 0);
        for (var indicator : targets.keySet()) {
            var row = rows.get(indicator);
            var comparator = targets.get(indicator)[0];
            assertThat(row.met()).as("the dashboard's verdict on %s", indicator).isEqualTo(expected.get(indicator));
            assertThat(row.met()).as("the dashboard's verdict on %s is target_met's on its figure", indicator).isEqualTo(
                    row.county() == null ? null : met(comparator, row.county(), row.value()));
            assertThat(verdicts.get(indicator)).as("the drafted report on %s", indicator)
                    .isEqualTo(row.met() == null ? "暂无数据" : row.met() ? "已达标" : "未达标");

            // the totals' count of schools reaching it, and each school's ✓ on the page
            assertThat(row.reached()).as("schools reaching %s (target_tally)", indicator).isEqualTo(expectedReached.get(indicator));
            var schools = dashboards.leaders(plan.id(), null, row.id(), leader).targetSchools();
            assertThat(schools.stream().filter(Dashboard.SchoolValue::met).count()).as("schools shown reaching %s", indicator)
                    .isEqualTo(row.reached());
            for (var school : schools) {
                assertThat(school.met()).as("%s of school %s", indicator, school.name())
                        .isEqualTo(met(comparator, school.actual(), row.value()));
            }
        }
        assertThat(rows.get("辛（未报）").county()).isNull();
        assertThat(rows.get("庚（舍入）").county()).isEqualByComparingTo("95");
    }

    private Boolean met(String comparator, BigDecimal actual, BigDecimal goal) {
        return jdbc.sql("select target_met(:comparator, :actual, :goal)")
                .param("comparator", comparator).param("actual", actual).param("goal", goal).query(Boolean.class).single();
    }

    private static Map<Long, BigDecimal> values(Map<String, String[]> targets, Map<String, Long> ids, int column) {
        var values = new HashMap<Long, BigDecimal>();
        targets.forEach((indicator, t) -> {
            if (t[column] != null) {
                values.put(ids.get(indicator), new BigDecimal(t[column]));
            }
        });
        return values;
    }

    /** The school's report of May with these values, sent by its principal and approved by the lead office. */
    private void send(long item, long school, Map<Long, BigDecimal> values, CurrentUser leadStaff) {
        long line = jdbc.sql("select id from assignment where item_id = :item and school_id = :school")
                .param("item", item).param("school", school).query(Long.class).single();
        var principal = data.login(data.user(Role.PRINCIPAL, null, school));
        reports.send(line, MAY, Progress.IN_PROGRESS, 60, "按计划推进", values, principal);
        reports.review(line, MAY, true, null, leadStaff);
    }

    /** The drafted report's table of targets: the verdict (last column) of each indicator (third column). */
    private static Map<String, String> verdicts(List<cn.workplan.summary.Block> blocks) {
        var verdicts = new HashMap<String, String>();
        blocks.stream().filter(block -> block.isTable() && block.header().contains("完成情况")).flatMap(block -> block.rows().stream())
                .forEach(row -> verdicts.put(row.get(2), row.get(5)));
        return verdicts;
    }
}
