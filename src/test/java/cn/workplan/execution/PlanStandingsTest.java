package cn.workplan.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.SqlStatements;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;
import cn.workplan.support.TestReports;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A plan's standings as dashboards read them (from the standing kept on the lines) agree with what each item's
 * lines page works out from the reports themselves, after reports are sent, returned and approved; and they are
 * read with one statement for the items and one for the lines.
 */
@IntegrationTest
class PlanStandingsTest {

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
    AssignmentQueries assignments;
    @Autowired
    PlanStandings standings;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void standingsAgreeWithEachItemsOwnReckoning() throws Exception {
        clock.today(LocalDate.of(TestPlans.YEAR, 5, 10));
        long lead = data.office();
        long other = data.office();
        long schoolA = data.school();
        long schoolB = data.school();
        var plan = plans.draft();
        long chapter = plan.chapter("教育教学");
        long consolidated = plan.item(chapter, ItemSpec.item("推进智慧校园建设。").lead(lead).cooperating(other).schools(schoolA, schoolB)
                .dueMonthEnd(11));
        long fromLines = plan.item(chapter, ItemSpec.item("开展教师培训。").lead(lead).schools(schoolA, schoolB)
                .quarters("制定方案", "组织培训", "", ""));
        long overdue = plan.item(chapter, ItemSpec.item("完成校舍排查。").lead(lead).schools(schoolA).dueMonthEnd(4));
        long later = plan.item(chapter, ItemSpec.item("筹备秋季招生。").lead(other).quarters("", "", "发布方案", "完成招生"));
        plan.publish();
        var leadStaff = data.login(data.staffOf(lead));
        var principalA = data.login(data.user(Role.PRINCIPAL, null, schoolA));
        var principalB = data.login(data.user(Role.PRINCIPAL, null, schoolB));
        var may = LocalDate.of(TestPlans.YEAR, 5, 1);
        var april = LocalDate.of(TestPlans.YEAR, 4, 1);

        send(line(consolidated, "school_id", schoolA), april, 40, Progress.IN_PROGRESS, principalA);
        approve(line(consolidated, "school_id", schoolA), april, leadStaff);
        send(line(consolidated, "school_id", schoolA), may, 70, Progress.IN_PROGRESS, principalA);
        send(line(consolidated, "office_id", lead), may, 55, Progress.IN_PROGRESS, leadStaff);
        send(line(fromLines, "school_id", schoolA), may, 30, Progress.IN_PROGRESS, principalA);
        approve(line(fromLines, "school_id", schoolA), may, leadStaff);
        send(line(fromLines, "school_id", schoolB), may, 100, Progress.DONE, principalB);
        send(line(overdue, "school_id", schoolA), may, 80, Progress.IN_PROGRESS, principalA);
        returned(line(overdue, "school_id", schoolA), may, leadStaff);

        var leader = data.login(data.user(Role.LEADER));
        var today = standings.today();
        var reporting = standings.reporting(plan.id());
        assertThat(reporting.period().start()).isEqualTo(may);
        var read = new Object() {
            Map<Long, PlanStandings.Item> items;
            List<PlanStandings.Line> lines;
        };
        var recording = SqlStatements.count(() -> {
            read.items = standings.items(reporting, today);
            read.lines = standings.lines(reporting, today, null, null);
        });
        assertThat(recording.count()).as(recording.toString()).isEqualTo(2);
        var items = read.items;
        var lines = read.lines;

        for (long item : List.of(consolidated, fromLines, overdue, later)) {
            var own = assignments.ofItem(item, leader).reporting();
            var standing = items.get(item);
            assertThat(standing.percent()).as("percent of %d", item).isEqualTo(own.progress().percent());
            assertThat(standing.consolidated()).isEqualTo(own.progress().consolidated());
            assertThat(standing.light()).as("light of %d", item).isEqualTo(own.light());
            lines.stream().filter(line -> line.itemId() == item).forEach(line -> {
                assertThat(line.light()).as("light of line %d", line.lineId()).isEqualTo(own.lights().get(line.lineId()));
                assertThat(line.percent()).isEqualTo(own.line(line.lineId()).latest());
            });
        }
        assertThat(items.get(consolidated).percent()).as("the lead office's own report counts as approved").isEqualTo(55);
        assertThat(items.get(fromLines).percent()).as("approved 30 and nothing approved yet").isEqualTo(15);
        assertThat(items.get(overdue).light()).isEqualTo(Light.RED);
        assertThat(items.get(later).light()).isEqualTo(Light.GREY);
        assertThat(items.get(consolidated).reported()).as("school A and the lead office sent May's report").isEqualTo(2);
        assertThat(items.get(overdue).reported()).as("a returned report is not sent").isZero();
        assertThat(lines.stream().filter(line -> line.itemId() == fromLines && line.done()).count()).isEqualTo(1);
    }

    private long line(long item, String column, long party) {
        return jdbc.sql("select id from assignment where item_id = :item and " + column + " = :party")
                .param("item", item).param("party", party).query(Long.class).single();
    }

    private void send(long line, LocalDate period, int percent, Progress progress, CurrentUser user) {
        testReports.send(line, period, progress, percent, "按计划推进", Map.of(), user);
    }

    private void approve(long line, LocalDate period, CurrentUser user) {
        testReports.review(line, period, true, null, user);
    }

    private void returned(long line, LocalDate period, CurrentUser user) {
        testReports.review(line, period, false, "请补充", user);
    }
}
