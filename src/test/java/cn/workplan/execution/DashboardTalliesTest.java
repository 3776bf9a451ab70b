package cn.workplan.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;
import cn.workplan.support.TestReports;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The running totals the dashboards read (item_tally, school_chapter_tally, target_tally; V12) stay equal to the
 * same sums taken afresh from the lines and their target values, through everything that changes them: publishing,
 * reports sent, approved and returned, schools added and removed, a school's enrolment entered and corrected, an
 * item moved to another chapter, a target revised, an item deleted, and the nightly clean-up.
 */
@IntegrationTest
class DashboardTalliesTest {

    /** Each tally as its rows, and the same sums from the lines; a tally's rows counting nothing are left out. */
    private static final Map<String, String[]> TALLIES = Map.of(
            "item_tally", new String[] {"""
                    select item_id, reported_period, lines, approved_sum, all_lines from item_tally
                    where plan_id = :plan and (lines <> 0 or approved_sum <> 0 or all_lines <> 0)""", """
                    select item_id, coalesce(reported_period, '-infinity'), count(*) filter (where kind <> 'LEAD'),
                           coalesce(sum(coalesce(approved_percent, 0)) filter (where kind <> 'LEAD'), 0), count(*)
                    from assignment where plan_id = :plan group by 1, 2"""},
            "school_chapter_tally", new String[] {"""
                    select school_id, chapter_id, lines, percent_sum from school_chapter_tally
                    where plan_id = :plan and (lines <> 0 or percent_sum <> 0)""", """
                    select a.school_id, case p.kind when 'CHAPTER' then p.id else p.parent_id end, count(*),
                           sum(coalesce(a.reported_percent, 0))
                    from assignment a join plan_node n on n.id = a.item_id join plan_node p on p.id = n.parent_id
                    where a.plan_id = :plan and a.school_id is not null group by 1, 2"""},
            "target_tally", new String[] {"""
                    select target_id, lead_values, lead_sum, school_values, school_sum, reached, weighted_sum, weight from target_tally
                    where plan_id = :plan and (lead_values <> 0 or school_values <> 0)""", """
                    select v.target_id, count(*) filter (where v.kind = 'LEAD'), coalesce(sum(v.actual) filter (where v.kind = 'LEAD'), 0),
                           count(*) filter (where v.kind = 'SCHOOL'), coalesce(sum(v.actual) filter (where v.kind = 'SCHOOL'), 0),
                           count(*) filter (where v.kind = 'SCHOOL' and target_met(t.comparator, v.actual, t.value)),
                           coalesce(sum(v.actual * s.enrolment) filter (where v.kind = 'SCHOOL'), 0),
                           coalesce(sum(s.enrolment) filter (where v.kind = 'SCHOOL'), 0)
                    from line_target_value v join plan_item_target t on t.id = v.target_id left join school s on s.id = v.school_id
                    where v.plan_id = :plan and v.kind in ('LEAD', 'SCHOOL') group by 1"""});

    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    TestReports testReports;
    @Autowired
    AssignmentService assignments;
    @Autowired
    ReportTally tally;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void totalsFollowEveryChangeOfTheLines() throws Exception {
        clock.today(LocalDate.of(TestPlans.YEAR, 6, 10));
        long lead = data.office();
        long schoolA = data.school();
        jdbc.sql("update school set enrolment = 400 where id = :school").param("school", schoolA).update();
        long schoolB = data.school();
        long schoolC = data.school();
        var plan = plans.draft();
        long teaching = plan.chapter("教育教学");
        long safety = plan.chapter("安全稳定");
        long section = plan.section(safety, "校园安全");
        long enrolment = plan.item(teaching, ItemSpec.item("巩固义务教育普及成果。").lead(lead).schools(schoolA, schoolB)
                .target("入学率", ">=", "99", "%"));
        long drill = plan.item(section, ItemSpec.item("开展消防演练。").lead(lead).schools(schoolA, schoolB));
        long audit = plan.item(teaching, ItemSpec.item("完成校舍排查。").lead(lead).schools(schoolB));
        plan.publish();
        assertTalliesMatch(plan.id());
        assertThat(rows("select lines from item_tally where item_id = " + enrolment)).containsExactly(List.of(2L));

        var leadStaff = data.login(data.staffOf(lead));
        var principalA = data.login(data.user(Role.PRINCIPAL, null, schoolA));
        var principalB = data.login(data.user(Role.PRINCIPAL, null, schoolB));
        var may = LocalDate.of(TestPlans.YEAR, 5, 1);
        var june = LocalDate.of(TestPlans.YEAR, 6, 1);
        long target = jdbc.sql("select id from plan_item_target where node_id = :item").param("item", enrolment).query(Long.class).single();

        send(line(enrolment, schoolA), may, 40, Map.of(target, new BigDecimal("98.5")), principalA);
        send(line(enrolment, schoolB), may, 60, Map.of(target, new BigDecimal("99.2")), principalB);
        review(line(enrolment, schoolA), may, true, leadStaff);
        send(line(enrolment, schoolA), june, 70, Map.of(target, new BigDecimal("99.6")), principalA);
        send(line(drill, schoolA), june, 100, Map.of(), principalA);
        review(line(drill, schoolA), june, true, leadStaff);
        send(line(audit, schoolB), june, 30, Map.of(), principalB);
        review(line(audit, schoolB), june, false, leadStaff);
        send(jdbc.sql("select id from assignment where item_id = :item and kind = 'LEAD'").param("item", enrolment)
                .query(Long.class).single(), june, 65, Map.of(target, new BigDecimal("99.1")), leadStaff);
        assertTalliesMatch(plan.id());
        assertThat(rows("select reached from target_tally where target_id = " + target))
                .as("school A's June 99.6 and school B's May 99.2 reach 99").containsExactly(List.of(2L));

        jdbc.sql("update school set enrolment = 250 where id = :school").param("school", schoolB).update();
        jdbc.sql("update school set enrolment = 380 where id = :school").param("school", schoolA).update();
        assertTalliesMatch(plan.id());
        assertThat(rows("select weight from target_tally where target_id = " + target)).containsExactly(List.of(630L));

        assignments.addSchool(drill, schoolC, leadStaff);
        assignments.remove(line(enrolment, schoolB), leadStaff);
        assertTalliesMatch(plan.id());

        // a revision moves the safety section's item under teaching, and raises the target: whatever writes it
        jdbc.sql("update plan_node set parent_id = :chapter where id = :item").param("chapter", teaching).param("item", drill).update();
        jdbc.sql("update plan_item_target set value = 99.8 where id = :target").param("target", target).update();
        assertTalliesMatch(plan.id());
        assertThat(rows("select reached from target_tally where target_id = " + target)).containsExactly(List.of(0L));

        jdbc.sql("delete from plan_node where id = :item").param("item", audit).update();
        tally.compact();
        assertTalliesMatch(plan.id());
    }

    private void assertTalliesMatch(long planId) {
        TALLIES.forEach((table, queries) -> assertThat(rows(queries[0], planId))
                .as("%s against the lines", table)
                .containsExactlyInAnyOrderElementsOf(rows(queries[1], planId)));
    }

    private List<List<Object>> rows(String sql) {
        return rows(sql, 0);
    }

    private List<List<Object>> rows(String sql, long planId) {
        return jdbc.sql(sql).param("plan", planId).query((row, n) -> {
            var values = new java.util.ArrayList<Object>();
            for (int c = 1; c <= row.getMetaData().getColumnCount(); c++) {
                var value = row.getObject(c);
                values.add(value instanceof BigDecimal decimal ? decimal.stripTrailingZeros()
                        : value instanceof Number number ? number.longValue() : value);
            }
            return (List<Object>) values;
        }).list();
    }

    private long line(long item, long school) {
        return jdbc.sql("select id from assignment where item_id = :item and school_id = :school")
                .param("item", item).param("school", school).query(Long.class).single();
    }

    private void send(long line, LocalDate period, int percent, Map<Long, BigDecimal> actuals, CurrentUser user) {
        testReports.send(line, period, percent == 100 ? Progress.DONE : Progress.IN_PROGRESS, percent, "按计划推进", actuals, user);
    }

    private void review(long line, LocalDate period, boolean approve, CurrentUser user) {
        testReports.review(line, period, approve, "请补充", user);
    }
}
