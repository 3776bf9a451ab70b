package cn.workplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.PlanBuilder;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The task table (任务分解表) and its filters, at the service and bound from the URL. */
@IntegrationTest
class TaskTableTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    TestPlans plans;

    @Autowired
    PlanQueries queries;

    long officeA;
    long officeB;
    long officeC;
    List<Long> schools;
    PlanBuilder plan;
    CurrentUser coordinator;
    long partyChapter;
    long teachingChapter;

    /**
     * 一、党的建设 1.党建 (甲 lead, 乙 cooperates, 9/30, key, 党建)
     * 二、教育教学 （一）基础教育 2.安全 (乙, 3/31, 安全) 3.信息化 (丙 lead, 甲 cooperates, no deadline, key, 安全 信息化)
     * 4.课改 (甲, 6/30, four schools)
     */
    @BeforeEach
    void plan() {
        officeA = data.office();
        officeB = data.office();
        officeC = data.office();
        schools = List.of(data.school(), data.school(), data.school(), data.school(), data.school());
        plan = plans.draft(plans.coordinator(), TestPlans.YEAR, Numbering.PER_SECTION);
        coordinator = plan.by();
        partyChapter = plan.chapter("党的建设");
        plan.item(partyChapter, ItemSpec.item("加强党的建设。").lead(officeA).cooperating(officeB)
                .due(LocalDate.of(2030, 9, 30)).key().tags("党建"));
        teachingChapter = plan.chapter("教育教学");
        long basic = plan.section(teachingChapter, "基础教育");
        plan.item(basic, ItemSpec.item("开展校园安全排查。").lead(officeB).due(LocalDate.of(2030, 3, 31)).tags("安全"));
        plan.item(basic, ItemSpec.item("推进教育信息化。").lead(officeC).cooperating(officeA).key().tags("安全，信息化"));
        plan.item(basic, ItemSpec.item("深化课程改革。").lead(officeA).due(LocalDate.of(2030, 6, 30))
                .schools(schools.get(0), schools.get(1), schools.get(2), schools.get(3)));
    }

    TaskTable table(TaskFilter filter) {
        return queries.taskTable(plan.id(), filter, coordinator);
    }

    static List<String> headlines(TaskTable table) {
        return table.rows().stream().map(row -> row.item().headline()).toList();
    }

    @Test
    void withoutFiltersEveryItemInOutlineOrder() {
        var table = table(TaskFilter.none());
        assertThat(headlines(table)).containsExactly("加强党的建设。", "开展校园安全排查。", "推进教育信息化。", "深化课程改革。");
        assertThat(table.rows()).extracting(row -> row.item().fullNumber()).containsExactly("一1", "二（一）1", "二（一）2", "二（一）3");
        assertThat(table.rows()).extracting(TaskTable.Row::chapter)
                .containsExactly("一、党的建设", "二、教育教学", "二、教育教学", "二、教育教学");
        assertThat(table.chapters()).extracting(OutlineNode::id).containsExactly(partyChapter, teachingChapter);
        assertThat(table.tags()).containsExactly("信息化", "党建", "安全");
    }

    @Test
    void anOfficesItemsAreThoseItLeadsOrCooperatesOn() {
        assertThat(headlines(table(TaskFilter.ofOffice(officeA)))).containsExactly("加强党的建设。", "推进教育信息化。", "深化课程改革。");
        assertThat(headlines(table(TaskFilter.ofOffice(officeB)))).containsExactly("加强党的建设。", "开展校园安全排查。");
        assertThat(headlines(table(TaskFilter.ofOffice(officeC)))).containsExactly("推进教育信息化。");
        assertThat(headlines(table(TaskFilter.ofOffice(data.office())))).isEmpty();
    }

    @Test
    void byChapter() {
        assertThat(headlines(table(new TaskFilter(null, teachingChapter, null, null, null))))
                .containsExactly("开展校园安全排查。", "推进教育信息化。", "深化课程改革。");
        assertThat(headlines(table(new TaskFilter(null, partyChapter, null, null, null)))).containsExactly("加强党的建设。");
    }

    @Test
    void keyItemsOnly() {
        assertThat(headlines(table(new TaskFilter(null, null, true, null, null)))).containsExactly("加强党的建设。", "推进教育信息化。");
        assertThat(headlines(table(new TaskFilter(null, null, false, null, null)))).hasSize(4);
    }

    @Test
    void byTag() {
        assertThat(headlines(table(new TaskFilter(null, null, null, "安全", null)))).containsExactly("开展校园安全排查。", "推进教育信息化。");
        assertThat(headlines(table(new TaskFilter(null, null, null, "", null)))).hasSize(4);
    }

    @Test
    void filtersCombine() {
        assertThat(headlines(table(new TaskFilter(officeA, teachingChapter, true, "信息化", null)))).containsExactly("推进教育信息化。");
        assertThat(headlines(table(new TaskFilter(officeA, partyChapter, null, "安全", null)))).isEmpty();
    }

    @Test
    void sortedByDeadlineWithoutDeadlinesLast() {
        assertThat(headlines(table(new TaskFilter(null, null, null, null, "deadline"))))
                .containsExactly("开展校园安全排查。", "深化课程改革。", "加强党的建设。", "推进教育信息化。");
        assertThat(headlines(table(new TaskFilter(null, null, null, null, "DEADLINE")))).startsWith("开展校园安全排查。");
    }

    @Test
    void anUnknownSortKeepsTheOutlineOrder() {
        assertThat(headlines(table(new TaskFilter(null, null, null, null, "id; drop table plan"))))
                .containsExactly("加强党的建设。", "开展校园安全排查。", "推进教育信息化。", "深化课程改革。");
    }

    @Test
    void rowsNameTheFirstResponsibleSchools() {
        var row = table(TaskFilter.none()).rows().get(3);
        assertThat(row.schoolCount()).isEqualTo(4);
        assertThat(row.schoolNames()).hasSize(3).allMatch(name -> name.startsWith("测试小学"));
        assertThat(row.allSchools()).isFalse();
        assertThat(table(TaskFilter.none()).rows().get(0).schoolCount()).isZero();
    }

    /** The task table page with the given URL parameters, as name-value pairs. */
    String tasksPage(String... parameters) throws Exception {
        var request = get("/plans/{id}/tasks", plan.id()).with(user(coordinator));
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theTaskTablePageShowsEveryItem() throws Exception {
        assertThat(tasksPage()).contains("id=\"task-table\"", "加强党的建设。", "开展校园安全排查。", "推进教育信息化。", "深化课程改革。");
    }

    @Test
    void theCellsReadAsPeopleWriteThemInEitherLanguage() throws Exception {
        long safety = plan.chapter("安全稳定");
        plan.item(safety, ItemSpec.item("开展防溺水教育。").lead(officeB).dueMonthEnd(6).quarters("部署", "", "排查", ""));
        plan.item(safety, ItemSpec.item("完善应急预案。").lead(officeC).dueQuarterEnd(3));
        plan.item(safety, ItemSpec.item("总结安全工作。").dueYearEnd());

        var rows = org.jsoup.Jsoup.parse(tasksPage()).select("#task-table tbody tr");
        assertThat(cells(rows.get(0))).containsExactly("一1", "加强党的建设。 重点", name(officeA), name(officeB), "—", "2030年9月30日", "");
        assertThat(cells(rows.get(3)).get(4)).matches("测试小学[^、]+、测试小学[^、]+、测试小学[^、]+等 4 所");
        assertThat(cells(rows.get(4)).subList(5, 7)).containsExactly("6月底", "一季度 部署 三季度 排查");
        assertThat(cells(rows.get(5)).get(5)).isEqualTo("第三季度末");
        assertThat(cells(rows.get(6)).subList(2, 6)).containsExactly("—", "—", "—", "年底前");

        var english = org.jsoup.Jsoup.parse(tasksPage("lang", "en")).select("#task-table tbody tr");
        assertThat(cells(english.get(0)).get(5)).isEqualTo("Sep 30, 2030");
        assertThat(cells(english.get(3)).get(4)).endsWith(" and 4 in all");
        assertThat(cells(english.get(4)).subList(5, 7)).containsExactly("End of month 6", "Q1 部署 Q3 排查");
        assertThat(cells(english.get(5)).get(5)).isEqualTo("End of Q3");
    }

    private static List<String> cells(org.jsoup.nodes.Element row) {
        return row.select("td").stream().map(org.jsoup.nodes.Element::text).toList();
    }

    private String name(long officeId) {
        return queries.outline(plan.id(), coordinator).items().stream()
                .filter(item -> officeId == (item.leadOfficeId() == null ? -1 : item.leadOfficeId()))
                .map(OutlineNode::leadOffice).findFirst().orElseThrow();
    }

    @Test
    void filtersAreBoundFromTheUrl() throws Exception {
        var html = tasksPage("office", Long.toString(officeA), "key", "true");
        assertThat(html).contains("加强党的建设。", "推进教育信息化。").doesNotContain("开展校园安全排查。", "深化课程改革。");
        assertThat(html).containsPattern("value=\"" + officeA + "\"\\s+selected=\"selected\"|selected=\"selected\"\\s+value=\"" + officeA + "\"");

        var byChapter = tasksPage("chapter", Long.toString(partyChapter));
        assertThat(byChapter).contains("加强党的建设。").doesNotContain("开展校园安全排查。");

        var byTag = tasksPage("tag", "信息化");
        assertThat(byTag).contains("推进教育信息化。").doesNotContain("开展校园安全排查。", "加强党的建设。");
    }

    @Test
    void sortingIsBoundFromTheUrl() throws Exception {
        var html = tasksPage("sort", "deadline");
        var table = html.substring(html.indexOf("id=\"task-table\""));
        assertThat(table.indexOf("开展校园安全排查。")).isLessThan(table.indexOf("深化课程改革。"));
        assertThat(table.indexOf("深化课程改革。")).isLessThan(table.indexOf("加强党的建设。"));
        assertThat(table.indexOf("加强党的建设。")).isLessThan(table.indexOf("推进教育信息化。"));
    }

    @Test
    void officeStaffAreSentToTheirOfficesItems() throws Exception {
        var staff = plans.staffOf(officeA);
        var location = mvc.perform(get("/my-items").with(user(staff)))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/plans/\\d+/tasks\\?office=" + officeA);
    }
}
