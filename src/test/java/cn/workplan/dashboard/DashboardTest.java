package cn.workplan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.execution.ProgressReports;
import cn.workplan.execution.Progress;
import cn.workplan.execution.ReportData;
import cn.workplan.org.SchoolData;
import cn.workplan.org.SchoolKind;
import cn.workplan.org.SchoolService;
import cn.workplan.supervision.NoticeData;
import cn.workplan.supervision.NoticeService;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboards' figures on a known plan, each checked against a count written out here from the reports
 * themselves (not from the standing the dashboard reads): tiles, chapters, offices, the school and township grid,
 * the months, the targets, the chase list, the notices; the drill-down's filters, and who sees what.
 */
@IntegrationTest
class DashboardTest {

    static final LocalDate TODAY = LocalDate.of(TestPlans.YEAR, 5, 10);
    static final LocalDate APRIL = LocalDate.of(TestPlans.YEAR, 4, 1);
    static final LocalDate MAY = LocalDate.of(TestPlans.YEAR, 5, 1);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProgressReports reports;
    @Autowired
    SchoolService schools;
    @Autowired
    NoticeService notices;
    @Autowired
    DashboardQueries dashboards;
    @Autowired
    DrilldownQueries drilldowns;

    long planId;
    long lead;
    long other;
    long s1;
    long s2;
    long s3;
    long i1;
    long i2;
    long i3;
    long i4;
    long target;
    String eastTownship;
    CurrentUser leader;
    CurrentUser leadStaff;
    CurrentUser principal1;

    @BeforeEach
    void knownPlan() {
        clock.today(TODAY);
        lead = data.office();
        other = data.office();
        eastTownship = TestData.unique("东镇");
        s1 = schools.create(new SchoolData(TestData.unique("东镇一小"), SchoolKind.PRIMARY, eastTownship, null, null));
        s2 = schools.create(new SchoolData(TestData.unique("东镇二小"), SchoolKind.PRIMARY, eastTownship, null, null));
        s3 = schools.create(new SchoolData(TestData.unique("西镇中学"), SchoolKind.PRIMARY, TestData.unique("西镇"), null, null));
        var plan = plans.draft();
        long teaching = plan.chapter("教育教学");
        long safety = plan.chapter("安全稳定");
        i1 = plan.item(teaching, ItemSpec.item("推进智慧校园建设。").lead(lead).schools(s1, s2).dueMonthEnd(11)
                .target("覆盖率", ">=", "95", "%"));
        i2 = plan.item(teaching, ItemSpec.item("完成校舍排查。").lead(lead).schools(s1).dueMonthEnd(4));
        i3 = plan.item(safety, ItemSpec.item("筹备秋季招生。").lead(other).quarters("", "", "发布方案", "完成招生"));
        i4 = plan.item(safety, ItemSpec.item("开展消防演练。").lead(other).schools(s3).dueMonthEnd(12));
        plan.publish();
        planId = plan.id();
        target = jdbc.sql("select id from plan_item_target where node_id = :item").param("item", i1).query(Long.class).single();
        leader = data.login(data.user(Role.LEADER));
        leadStaff = data.login(data.staffOf(lead));
        var otherStaff = data.login(data.staffOf(other));
        principal1 = data.login(data.user(Role.PRINCIPAL, null, s1));
        var principal2 = data.login(data.user(Role.PRINCIPAL, null, s2));

        send(i1, s1, null, APRIL, 40, Progress.IN_PROGRESS, "90", principal1);
        review(i1, s1, APRIL, true);
        send(i1, s1, null, MAY, 70, Progress.IN_PROGRESS, "96", principal1);
        send(i1, null, lead, MAY, 55, Progress.IN_PROGRESS, "93", leadStaff);
        send(i1, s2, null, MAY, 100, Progress.DONE, "97", principal2);
        send(i2, s1, null, MAY, 80, Progress.IN_PROGRESS, null, principal1);
        review(i2, s1, MAY, false);
        send(i4, null, other, MAY, 100, Progress.DONE, null, otherStaff);
        notices.issue(new NoticeData(i2, null, "请于五日内完成校舍排查并报告。", TODAY.plusDays(3)), leader);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void tilesAgreeWithTheReports() {
        var tiles = dashboards.leaders(planId, null, null, leader).tiles();
        assertThat(tiles.items()).isEqualTo(count("select count(*) from plan_node where plan_id = :plan and kind = 'ITEM'")).isEqualTo(4);
        // i4: the lead office reported it done; i1: on schedule; i2: past its deadline; i3: its schedule starts in July
        assertThat(List.of(tiles.finished(), tiles.onSchedule(), tiles.behind(), tiles.overdue(), tiles.notStarted()))
                .containsExactly(1, 1, 0, 1, 1);
        assertThat(tiles.lines()).isEqualTo(count("select count(*) from assignment where plan_id = :plan")).isEqualTo(8);
        assertThat(tiles.reported()).isEqualTo(count("""
                select count(*) from progress_report where plan_id = :plan and period_start = '2030-05-01'
                and state in ('SUBMITTED', 'APPROVED')""")).isEqualTo(4);
        assertThat(tiles.reportingRate()).isEqualTo(50);
        assertThat(tiles.openNotices()).isEqualTo(count("select count(*) from notice where plan_id = :plan and state <> 'CLOSED'")).isEqualTo(1);
        assertThat(tiles.unansweredNotices()).isZero();
    }

    @Test
    void chaptersOfficesAndTheChaseList() {
        var dashboard = dashboards.leaders(planId, null, null, leader);
        assertThat(dashboard.chapters()).extracting(Dashboard.Group::name, Dashboard.Group::items, Dashboard.Group::finished,
                Dashboard.Group::onSchedule, Dashboard.Group::overdue, Dashboard.Group::notStarted, Dashboard.Group::meanPercent)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("一、教育教学", 2, 0, 1, 1, 0, 28),
                        org.assertj.core.groups.Tuple.tuple("二、安全稳定", 2, 1, 0, 0, 1, 50));
        assertThat(dashboard.offices()).extracting(Dashboard.Group::id, Dashboard.Group::finishedRate)
                .as("ranked by the share finished").containsExactly(
                        org.assertj.core.groups.Tuple.tuple(other, 50), org.assertj.core.groups.Tuple.tuple(lead, 0));
        assertThat(dashboard.chase()).extracting(Dashboard.ChaseRow::itemId, Dashboard.ChaseRow::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(i2, Status.OVERDUE));
        assertThat(dashboard.chase().get(0).leadLine()).isEqualTo(line(i2, null, lead));
        assertThat(dashboard.chase().get(0).remindable()).as("leaders remind").isTrue();
        assertThat(dashboard.notices()).extracting(notice -> notice.itemId()).containsExactly(i2);
    }

    @Test
    void theSchoolGridAndTheTownships() {
        var dashboard = dashboards.leaders(planId, eastTownship, null, leader);
        int teaching = 0;
        int safety = 1;
        var east = dashboard.townships().stream().filter(row -> row.name().equals(eastTownship)).findFirst().orElseThrow();
        // three lines of the two schools under 教育教学: latest sent 70 and 100, and one returned (0)
        assertThat(east.cells().get(teaching)).isEqualTo(new Dashboard.Cell(3, 57, 1));
        assertThat(east.cells().get(safety).isEmpty()).isTrue();
        var first = dashboard.schools().stream().filter(row -> row.id() == s1).findFirst().orElseThrow();
        assertThat(first.cells().get(teaching)).isEqualTo(new Dashboard.Cell(2, 35, 1));
        assertThat(first.total()).isEqualTo(new Dashboard.Cell(2, 35, 1));
        var third = dashboard.schools().stream().filter(row -> row.id() == s3).findFirst().orElseThrow();
        assertThat(third.cells().get(safety)).isEqualTo(new Dashboard.Cell(1, 0, 0));
        assertThat(dashboard.schools()).extracting(Dashboard.GridRow::id).containsExactlyInAnyOrder(s1, s2, s3);
        assertThat(count("""
                select count(*) from assignment a join school s on s.id = a.school_id
                where a.plan_id = :plan and s.township = '%s'""".formatted(eastTownship))).isEqualTo(east.total().lines());
    }

    @Test
    void theMonthsAgreeWithTheReports() {
        var months = dashboards.leaders(planId, null, null, leader).months();
        assertThat(months).extracting(Dashboard.Month::start).containsExactly(LocalDate.of(TestPlans.YEAR, 1, 1),
                LocalDate.of(TestPlans.YEAR, 2, 1), LocalDate.of(TestPlans.YEAR, 3, 1), APRIL, MAY);
        for (var month : months) {
            var counted = jdbc.sql("""
                    select count(*) filter (where state in ('SUBMITTED', 'APPROVED')), count(*) filter (where state = 'APPROVED'),
                           count(*) filter (where state = 'RETURNED'),
                           coalesce(round(avg(percent) filter (where state in ('SUBMITTED', 'APPROVED'))), 0)
                    from progress_report where plan_id = :plan and period_start = :period""")
                    .param("plan", planId).param("period", month.start())
                    .query((row, n) -> List.of(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4))).single();
            assertThat(List.of(month.sent(), month.approved(), month.returned(), month.meanPercent())).as("%s", month.start())
                    .isEqualTo(counted);
        }
        assertThat(months.get(4)).extracting(Dashboard.Month::sent, Dashboard.Month::approved, Dashboard.Month::returned,
                Dashboard.Month::meanPercent).containsExactly(4, 2, 1, 81);
    }

    @Test
    void targetsFromEachLinesLatestReport() {
        var dashboard = dashboards.leaders(planId, null, null, leader);
        assertThat(dashboard.targets()).hasSize(1);
        var row = dashboard.target();
        assertThat(row.id()).isEqualTo(target);
        assertThat(row.county()).as("the lead office's consolidated figure").isEqualByComparingTo("93");
        assertThat(row.basis()).isEqualTo(Dashboard.CountyBasis.LEAD_OFFICE);
        assertThat(row.met()).isFalse();
        assertThat(row.schools()).isEqualTo(2);
        assertThat(row.reached()).isEqualTo(2);
        assertThat(dashboard.targetSchools()).extracting(Dashboard.SchoolValue::id, value -> value.actual().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(s2, "97"), org.assertj.core.groups.Tuple.tuple(s1, "96"));
    }

    @Test
    void withoutTheLeadOfficesFigureTheCountyWeighsTheSchoolsByEnrolment() {
        // the lead office's value withdrawn: the plain mean of the schools' 96 and 97
        jdbc.sql("delete from line_target_value where target_id = :target and kind = 'LEAD'").param("target", target).update();
        var row = dashboards.leaders(planId, null, null, leader).target();
        assertThat(row.basis()).isEqualTo(Dashboard.CountyBasis.MEAN);
        assertThat(row.county()).isEqualByComparingTo("96.5");

        // 300 pupils at 96 and 100 at 97: 96.25, as the schools' values weighted afresh by their enrolments
        schools.update(s1, withEnrolment(s1, 300));
        schools.update(s2, withEnrolment(s2, 100));
        row = dashboards.leaders(planId, null, null, leader).target();
        assertThat(row.basis()).isEqualTo(Dashboard.CountyBasis.WEIGHTED);
        assertThat(row.county()).isEqualByComparingTo("96.25").isEqualByComparingTo(jdbc.sql("""
                select round(sum(v.actual * s.enrolment) / sum(s.enrolment), 2) from line_target_value v join school s on s.id = v.school_id
                where v.target_id = :target and v.kind = 'SCHOOL' and s.enrolment is not null""")
                .param("target", target).query(java.math.BigDecimal.class).single());
        assertThat(row.met()).as("against the target's 95").isTrue();

        // an enrolment corrected: the figure follows
        schools.update(s1, withEnrolment(s1, 100));
        assertThat(dashboards.leaders(planId, null, null, leader).target().county()).isEqualByComparingTo("96.5");
    }

    private SchoolData withEnrolment(long school, int enrolment) {
        var data = schools.get(school).toData();
        return new SchoolData(data.name(), data.kind(), data.township(), enrolment, data.version());
    }

    @Test
    void theDrilldownFilters() {
        var base = DrilldownFilter.ofPlan(planId);
        assertThat(itemsOf(base.withOffice(lead), leader)).containsExactly(i1, i2);
        assertThat(itemsOf(base.withStatus(Status.OVERDUE), leader)).containsExactly(i2);
        assertThat(itemsOf(new DrilldownFilter(planId, null, null, null, null, null, true), leader)).containsExactly(i2, i3, i4);
        var lines = drilldowns.drilldown(base.withSchool(s1), false, leader);
        assertThat(lines.lines()).isTrue();
        assertThat(lines.rows()).extracting(Drilldown.Row::lineId).containsExactly(line(i1, s1, null), line(i2, s1, null));
        assertThat(drilldowns.drilldown(base.withTownship(eastTownship).withStatus(Status.FINISHED), false, leader).rows())
                .extracting(Drilldown.Row::lineId).containsExactly(line(i1, s2, null));
        // an office sees only the items it leads, a principal only the school's lines, whatever they ask for
        assertThat(itemsOf(base.withOffice(other), leadStaff)).containsExactly(i1, i2);
        assertThat(drilldowns.drilldown(base.withSchool(s2), false, principal1).rows()).extracting(Drilldown.Row::lineId)
                .containsExactly(line(i1, s1, null), line(i2, s1, null));
    }

    @Test
    void aSchoolsOwnDashboardAndReportingRecord() {
        var mine = drilldowns.mine(planId, principal1);
        assertThat(mine.lines()).extracting(Drilldown.Row::lineId).containsExactly(line(i1, s1, null), line(i2, s1, null));
        assertThat(mine.count(Status.ON_SCHEDULE)).isEqualTo(1);
        assertThat(mine.count(Status.OVERDUE)).isEqualTo(1);
        var may = mine.record().get(0);
        assertThat(may.period().start()).isEqualTo(MAY);
        assertThat(List.of(may.expected(), may.onTime(), may.late(), may.missing())).containsExactly(2, 1, 0, 1);
        var april = mine.record().get(1);
        assertThat(List.of(april.expected(), april.onTime(), april.late(), april.missing())).as("April's report came in May")
                .containsExactly(2, 0, 1, 1);
        var office = drilldowns.mine(planId, leadStaff);
        assertThat(office.led()).extracting(Drilldown.Row::itemId).containsExactly(i1, i2);
        assertThat(office.lines()).extracting(Drilldown.Row::lineId).containsExactly(line(i1, null, lead), line(i2, null, lead));
    }

    @Test
    void thePagesAndTheWorkbook() throws Exception {
        var page = Jsoup.parse(mvc.perform(get("/dashboard?plan=" + planId).with(user(leader))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#tile-OVERDUE .tile-value").text()).isEqualTo("1");
        assertThat(page.select("#tile-reporting .tile-value").text()).isEqualTo("50%");
        assertThat(page.select("#tile-OVERDUE").attr("href")).isEqualTo("/dashboard/items?plan=" + planId + "&status=OVERDUE");
        assertThat(page.select("#tile-reporting").attr("href")).isEqualTo("/dashboard/items?plan=" + planId + "&unreported=true");
        assertThat(page.select("#chart-chapters").attr("data-chart")).contains("一、教育教学", "/dashboard/items?plan=" + planId + "&chapter=");
        assertThat(page.select("#chart-offices").attr("data-chart")).contains("&office=" + other);
        assertThat(page.select(".chase-row")).hasSize(1);
        assertThat(page.select(".chase-row form").attr("action")).isEqualTo("/lines/" + line(i2, null, lead) + "/remind");

        var items = Jsoup.parse(mvc.perform(get("/dashboard/items?plan=" + planId + "&office=" + lead).with(user(leader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(items.select("#items-xlsx").attr("href")).isEqualTo("/dashboard/items.xlsx?plan=" + planId + "&office=" + lead);
        assertThat(items.select(".dashboard-row a[href^=/items/]").eachAttr("href"))
                .containsExactly("/items/" + i1 + "/lines", "/items/" + i2 + "/lines");

        var bytes = mvc.perform(get("/dashboard/export.xlsx?plan=" + planId).with(user(leader))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(7);
            var chapters = book.getSheetAt(1);
            assertThat(chapters.getRow(1).getCell(0).getStringCellValue()).isEqualTo("一、教育教学");
            assertThat(chapters.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(2);
            assertThat(book.getSheetAt(6).getRow(1).getCell(1).getStringCellValue()).isEqualTo("完成校舍排查。");
        }

        mvc.perform(get("/dashboard").with(user(principal1))).andExpect(redirectedUrl("/dashboard/mine"));
        mvc.perform(get("/dashboard/export.xlsx?plan=" + planId).with(user(principal1))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/mine").with(user(leader))).andExpect(redirectedUrl("/dashboard"));
    }

    private List<Long> itemsOf(DrilldownFilter filter, CurrentUser viewer) {
        return drilldowns.drilldown(filter, false, viewer).rows().stream().map(Drilldown.Row::itemId).toList();
    }

    private int count(String sql) {
        return jdbc.sql(sql).param("plan", planId).query(Integer.class).single();
    }

    private long line(long item, Long school, Long office) {
        return jdbc.sql("select id from assignment where item_id = :item and (school_id = :school or office_id = :office)")
                .param("item", item).param("school", school == null ? -1 : school).param("office", office == null ? -1 : office)
                .query(Long.class).single();
    }

    private void send(long item, Long school, Long office, LocalDate period, int percent, Progress progress, String actual, CurrentUser user) {
        var values = actual == null ? Map.<Long, BigDecimal>of() : Map.of(target, new BigDecimal(actual));
        reports.save(line(item, school, office), period, new ReportData(progress, percent, "按计划推进", values, null), List.of(), true, user);
    }

    private void review(long item, long school, LocalDate period, boolean approve) {
        var report = jdbc.sql("select id, version from progress_report where assignment_id = :line and period_start = :period")
                .param("line", line(item, school, null)).param("period", period).query((row, n) -> new long[] {row.getLong(1), row.getLong(2)})
                .single();
        reports.review(report[0], approve, approve ? null : "请补充", report[1], leadStaff);
    }
}
