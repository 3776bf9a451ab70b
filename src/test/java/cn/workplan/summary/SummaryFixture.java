package cn.workplan.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.execution.ProgressReports;
import cn.workplan.execution.Progress;
import cn.workplan.execution.ReportData;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.PlanBuilder;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A published plan of 2030 with a known first half year, written through the real services:
 * <ol>
 * <li>一、党的建设: item 1 "加强基层党组织建设。", led by {@link #lead}, schools A, B and C, target 党建示范校 ≥ 2 所, due at
 * the end of November, a milestone in every quarter. In May school A reports 50 %; in June school A reports done
 * (100 %), school B 60 %, both approved, school C's report is returned ("请补充活动照片。"), and the lead office
 * consolidates at 80 % with 党建示范校 2.</li>
 * <li>二、教育教学 / （一）义务教育: item 2 "推进集团化办学。", led by {@link #lead} with {@link #cooperating}, schools A and B,
 * target 城乡教育集团 ≥ 3 个, due at the end of May. In June school A reports 70 % (2 groups), school B 50 % (1
 * group) and the cooperating office 60 %, all approved; the lead office writes nothing.</li>
 * <li>item 3 "开展教师培训。", led by {@link #cooperating}, milestones in the third and fourth quarters only, due at the
 * year's end: no reports.</li>
 * </ol>
 * On 30 June item 1 is on schedule (80 %), item 2 overdue (60 %: the mean of its lines), item 3 not yet started.
 */
final class SummaryFixture {

    static final LocalDate MAY = LocalDate.of(TestPlans.YEAR, 5, 1);
    static final LocalDate JUNE = LocalDate.of(TestPlans.YEAR, 6, 1);

    final PlanBuilder plan;
    final long lead;
    final long cooperating;
    final long schoolA;
    final long schoolB;
    final long schoolC;
    final String leadName;
    final String cooperatingName;
    final String schoolAName;
    final String schoolBName;
    final long party;
    final long groups;
    final long training;
    final CurrentUser coordinator;

    private final JdbcClient jdbc;
    private final ProgressReports reports;

    SummaryFixture(TestData data, TestPlans plans, JdbcClient jdbc, ProgressReports reports, TestClock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        clock.today(LocalDate.of(TestPlans.YEAR, 6, 20));
        lead = data.office();
        cooperating = data.office();
        schoolA = data.school();
        schoolB = data.school();
        schoolC = data.school();
        plan = plans.draft();
        coordinator = plan.by();
        long chapter = plan.chapter("党的建设");
        party = plan.item(chapter, ItemSpec.item("加强基层党组织建设。").lead(lead).schools(schoolA, schoolB, schoolC)
                .target("党建示范校", ">=", "2", "所").dueMonthEnd(11).quarters("制定创建标准", "开展创建活动", "中期督导", "评选命名"));
        long teaching = plan.chapter("教育教学");
        long section = plan.section(teaching, "义务教育");
        groups = plan.item(section, ItemSpec.item("推进集团化办学。").lead(lead).cooperating(cooperating).schools(schoolA, schoolB)
                .target("城乡教育集团", ">=", "3", "个").dueMonthEnd(5));
        training = plan.item(teaching, ItemSpec.item("开展教师培训。").lead(cooperating).quarters("", "", "组织暑期培训", "开展培训考核")
                .dueYearEnd());
        plan.publish();
        leadName = name("office", lead);
        cooperatingName = name("office", cooperating);
        schoolAName = name("school", schoolA);
        schoolBName = name("school", schoolB);

        var leadStaff = data.login(data.staffOf(lead));
        var cooperatingStaff = data.login(data.staffOf(cooperating));
        var principalA = data.login(data.user(Role.PRINCIPAL, null, schoolA));
        var principalB = data.login(data.user(Role.PRINCIPAL, null, schoolB));
        var principalC = data.login(data.user(Role.PRINCIPAL, null, schoolC));

        send(party, "school_id", schoolA, MAY, Progress.IN_PROGRESS, 50, "制定党建工作方案。", Map.of(), principalA);
        review(party, "school_id", schoolA, MAY, true, leadStaff);
        send(party, "school_id", schoolA, JUNE, Progress.DONE, 100, "创建党建示范校1所，开展主题党日活动6次。", Map.of(), principalA);
        review(party, "school_id", schoolA, JUNE, true, leadStaff);
        send(party, "school_id", schoolB, JUNE, Progress.IN_PROGRESS, 60, "组织党员教师开展专题学习4次。", Map.of(), principalB);
        review(party, "school_id", schoolB, JUNE, true, leadStaff);
        send(party, "school_id", schoolC, JUNE, Progress.IN_PROGRESS, 40, "制定创建方案。", Map.of(), principalC);
        review(party, "school_id", schoolC, JUNE, false, leadStaff);
        send(party, "office_id", lead, JUNE, Progress.IN_PROGRESS, 80, "全县已创建党建示范校2所，基层党组织标准化建设稳步推进。",
                Map.of(target(party), new BigDecimal("2")), leadStaff);

        send(groups, "school_id", schoolA, JUNE, Progress.IN_PROGRESS, 70, "与城区学校结对开展联合教研3次。",
                Map.of(target(groups), new BigDecimal("2")), principalA);
        review(groups, "school_id", schoolA, JUNE, true, leadStaff);
        send(groups, "school_id", schoolB, JUNE, Progress.IN_PROGRESS, 50, "参与集团教研活动。",
                Map.of(target(groups), new BigDecimal("1")), principalB);
        review(groups, "school_id", schoolB, JUNE, true, leadStaff);
        send(groups, "office_id", cooperating, JUNE, Progress.IN_PROGRESS, 60, "选派骨干教师20名到集团成员校交流。", Map.of(),
                cooperatingStaff);
        review(groups, "office_id", cooperating, JUNE, true, leadStaff);
    }

    private String name(String table, long id) {
        return jdbc.sql("select " + (table.equals("office") ? "short_name" : "name") + " from " + table + " where id = :id")
                .param("id", id).query(String.class).single();
    }

    private long target(long item) {
        return jdbc.sql("select id from plan_item_target where node_id = :item").param("item", item).query(Long.class).single();
    }

    private long line(long item, String column, long party) {
        return jdbc.sql("select id from assignment where item_id = :item and " + column + " = :party")
                .param("item", item).param("party", party).query(Long.class).single();
    }

    private void send(long item, String column, long party, LocalDate period, Progress progress, int percent, String narrative,
            Map<Long, BigDecimal> actuals, CurrentUser user) {
        reports.save(line(item, column, party), period, new ReportData(progress, percent, narrative, actuals, null), List.of(), true, user);
    }

    private void review(long item, String column, long party, LocalDate period, boolean approve, CurrentUser user) {
        var report = jdbc.sql("select id, version from progress_report where assignment_id = :line and period_start = :period")
                .param("line", line(item, column, party)).param("period", period)
                .query((row, n) -> new long[] {row.getLong(1), row.getLong(2)}).single();
        reports.review(report[0], approve, approve ? null : "请补充活动照片。", report[1], user);
    }
}
