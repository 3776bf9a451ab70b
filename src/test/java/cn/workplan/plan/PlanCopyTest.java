package cn.workplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.PlanBuilder;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;
import cn.workplan.system.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Next year's plan from this year's: the same outline, unfinished items carried over (结转). */
@IntegrationTest
class PlanCopyTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    TestPlans plans;

    @Autowired
    PlanService planService;

    @Autowired
    PlanQueries queries;

    @Autowired
    ItemQueries items;

    @Autowired
    JdbcTemplate jdbc;

    long officeA;
    long officeB;
    long school;
    PlanBuilder origin;
    CurrentUser coordinator;
    long unfinished;
    long finished;
    long noDeadline;

    @BeforeEach
    void lastYearsPlan() {
        officeA = data.office();
        officeB = data.office();
        school = data.school();
        origin = plans.draft(plans.coordinator(), 2030, Numbering.PER_SECTION);
        coordinator = origin.by();
        long party = origin.chapter("党的建设");
        long politics = origin.section(party, "政治建设");
        unfinished = origin.item(politics, ItemSpec.item("推进教育信息化建设。").body("建成智慧校园10所。")
                .lead(officeA).cooperating(officeB).schools(school).target("智慧校园", ">=", "10", "所")
                .due(LocalDate.of(2030, 6, 30)).quarters("调研", "建设", "验收", "总结").key().tags("信息化，校园"));
        origin.point(unfinished, "一是摸底。");
        origin.point(unfinished, "二是建设。");
        finished = origin.item(politics, ItemSpec.item("完成校舍安全排查。").lead(officeB).due(LocalDate.of(2030, 3, 31)));
        long teaching = origin.chapter("教育教学");
        noDeadline = origin.item(teaching, ItemSpec.item("深化课程改革。").lead(officeA));
        origin.publish();
        jdbc.update("update plan_node set completed_at = now() where id = ?", finished);
    }

    long copyTo(int year) {
        return planService.copy(origin.id(), new CopyData(year, TestData.unique(year + "年教育工作要点")), coordinator);
    }

    /** The copy's items by headline. */
    Map<String, ItemView> itemsOf(long planId) {
        return queries.outline(planId, coordinator).items().stream().map(node -> items.item(node.id(), coordinator))
                .collect(Collectors.toMap(ItemView::headline, Function.identity()));
    }

    @Test
    void theCopyHasTheSameOutlineInTheSameOrderAndNumbering() {
        long copy = copyTo(2031);
        assertThat(plans.numbered(copy, coordinator)).isEqualTo(plans.numbered(origin.id(), coordinator))
                .containsExactly("一、党的建设", "（一）政治建设", "1.推进教育信息化建设。", "（1）一是摸底。", "（2）二是建设。",
                        "2.完成校舍安全排查。", "二、教育教学", "1.深化课程改革。");
        var header = queries.header(copy, coordinator);
        assertThat(header.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(header.year()).isEqualTo(2031);
        assertThat(header.numbering()).isEqualTo(Numbering.PER_SECTION);
        assertThat(header.preamble()).isEqualTo(queries.header(origin.id(), coordinator).preamble());
        assertThat(header.originPlanId()).isEqualTo(origin.id());
        assertThat(header.originTitle()).isEqualTo(queries.header(origin.id(), coordinator).title());
        assertThat(header.documentNumber()).isNull();
    }

    @Test
    void unfinishedItemsAreCarriedOverAndFinishedOnesAreNot() {
        var copied = itemsOf(copyTo(2031));
        assertThat(copied.get("推进教育信息化建设。").carriedFromId()).isEqualTo(unfinished);
        assertThat(copied.get("深化课程改革。").carriedFromId()).isEqualTo(noDeadline);
        assertThat(copied.get("完成校舍安全排查。").carriedFromId()).isNull();
        assertThat(queries.outline(copied.get("完成校舍安全排查。").planId(), coordinator).nodes())
                .noneMatch(OutlineNode::completed);
        var carried = copied.get("推进教育信息化建设。");
        assertThat(carried.carriedFromPlanId()).isEqualTo(origin.id());
        assertThat(carried.carriedFromPlanTitle()).isEqualTo(queries.header(origin.id(), coordinator).title());
    }

    @Test
    void itemsKeepTheirDetailsAndDeadlinesMoveByTheYearDifference() {
        var copied = itemsOf(copyTo(2031));
        var item = copied.get("推进教育信息化建设。");
        assertThat(item.body()).isEqualTo("建成智慧校园10所。");
        assertThat(item.leadOfficeId()).isEqualTo(officeA);
        assertThat(item.cooperatingOfficeIds()).containsExactly(officeB);
        assertThat(item.schoolIds()).containsExactly(school);
        assertThat(item.targets()).extracting(Target::text).containsExactly("智慧校园 ≥ 10所");
        assertThat(item.quarters()).containsExactly("调研", "建设", "验收", "总结");
        assertThat(item.keyItem()).isTrue();
        assertThat(item.tags()).containsExactly("信息化", "校园");
        assertThat(item.deadline()).isEqualTo(LocalDate.of(2031, 6, 30));
        assertThat(copied.get("完成校舍安全排查。").deadline()).isEqualTo(LocalDate.of(2031, 3, 31));
        assertThat(copied.get("深化课程改革。").deadline()).isNull();

        assertThat(itemsOf(copyTo(2033)).get("推进教育信息化建设。").deadline()).isEqualTo(LocalDate.of(2033, 6, 30));
    }

    @Test
    void theOriginIsUntouched() {
        var before = plans.numbered(origin.id(), coordinator);
        copyTo(2031);
        assertThat(plans.numbered(origin.id(), coordinator)).isEqualTo(before);
        assertThat(queries.header(origin.id(), coordinator).status()).isEqualTo(PlanStatus.PUBLISHED);
        assertThat(items.item(unfinished, coordinator).carriedFromId()).isNull();
    }

    @Test
    void everyCopiedItemStartsItsOwnHistory() {
        var copied = itemsOf(copyTo(2031));
        assertThat(items.history(copied.get("推进教育信息化建设。").id(), coordinator)).extracting(RevisionView::number).containsExactly(1);
    }

    @Test
    void aMonthEndDeadlineStaysAtTheMonthsEndInALeapYear() {
        var plan = plans.draft(coordinator, 2027, Numbering.CONTINUOUS);
        long item = plan.item(null, ItemSpec.item("完成年度预算。").lead(officeA).dueMonthEnd(2));
        assertThat(items.item(item, coordinator).deadline()).isEqualTo(LocalDate.of(2027, 2, 28));
        long copy = planService.copy(plan.id(), new CopyData(2028, TestData.unique("2028年计划")), coordinator);
        var copied = items.item(queries.outline(copy, coordinator).items().get(0).id(), coordinator);
        assertThat(copied.deadlineKind()).isEqualTo(DeadlineKind.MONTH_END);
        assertThat(copied.deadline()).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void copyingToAnEarlierYearIsRefused() {
        assertThatThrownBy(() -> copyTo(2029)).isInstanceOf(InvalidInputException.class).hasMessage("plan.error.copyYear");
    }

    @Test
    void overHttpTheCopyLinksToItsOriginAndMarksCarriedItems() throws Exception {
        var response = mvc.perform(post("/plans/{id}/copy", origin.id()).with(user(coordinator)).with(csrf())
                        .param("year", "2031").param("title", TestData.unique("2031年教育工作要点")))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse();
        var location = response.getRedirectedUrl();
        assertThat(location).matches("/plans/\\d+");
        var html = mvc.perform(get(location).with(user(coordinator))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("href=\"/plans/" + origin.id() + "\"", "href=\"/items/" + unfinished + "\"", "结转");
    }

    @Test
    void overHttpAnEarlierYearIsShownOnTheForm() throws Exception {
        var html = mvc.perform(post("/plans/{id}/copy", origin.id()).with(user(coordinator)).with(csrf())
                        .param("year", "2029").param("title", "2029年计划"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("新计划的年度不能早于 2030 年");
        assertThat(queries.list(coordinator)).extracting(PlanSummary::title).doesNotContain("2029年计划");
    }

    @Test
    void aPlanCanBeCopiedIntoTheSameYear() {
        long copy = copyTo(2030);
        assertThat(queries.header(copy, coordinator).year()).isEqualTo(2030);
        assertThat(itemsOf(copy).get("推进教育信息化建设。").deadline()).isEqualTo(LocalDate.of(2030, 6, 30));
        assertThat(copy).isNotEqualTo(origin.id());
    }
}
