package cn.workplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

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
import org.springframework.test.web.servlet.MockMvc;

/** What saving a task item keeps, and the document view that prints the numbered plan. */
@IntegrationTest
class ItemDetailsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    TestPlans plans;

    @Autowired
    OutlineService outline;

    @Autowired
    ItemQueries items;

    @Autowired
    PlanQueries queries;

    long officeA;
    long officeB;
    PlanBuilder plan;
    CurrentUser coordinator;
    long chapter;

    @BeforeEach
    void setUp() {
        officeA = data.office();
        officeB = data.office();
        plan = plans.draft();
        coordinator = plan.by();
        chapter = plan.chapter("教育教学");
    }

    ItemView save(ItemSpec item) {
        return items.item(plan.item(chapter, item), coordinator);
    }

    /** Regression: a TreeSet refused remove(null), so no item without a lead office could be saved. */
    @Test
    void anItemMayHaveNoLeadOffice() {
        var item = save(ItemSpec.item("各股室共同推进。").cooperating(officeA, officeB));
        assertThat(item.leadOfficeId()).isNull();
        assertThat(item.cooperatingOfficeIds()).containsExactlyInAnyOrder(officeA, officeB);
        outline.updateItem(item.id(), ItemSpec.of(item.toData()).body("补充正文。").data(), coordinator);
        assertThat(items.item(item.id(), coordinator).body()).isEqualTo("补充正文。");
    }

    @Test
    void theNewItemFormAcceptsAnEmptyLeadOffice() throws Exception {
        mvc.perform(post("/plans/{id}/items", plan.id()).with(user(coordinator)).with(csrf())
                        .param("parentId", Long.toString(chapter)).param("headline", "无牵头股室的任务。").param("body", "")
                        .param("leadOfficeId", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(queries.outline(plan.id(), coordinator).items()).extracting(OutlineNode::headline).containsExactly("无牵头股室的任务。");
    }

    @Test
    void theLeadOfficeIsNotAlsoACooperatingOffice() {
        var item = save(ItemSpec.item("推进课程改革。").lead(officeA).cooperating(officeA, officeB));
        assertThat(item.cooperatingOfficeIds()).containsExactly(officeB);
    }

    @Test
    void deadlinesAreDatesInThePlansYear() {
        assertThat(save(ItemSpec.item("按日。").due(LocalDate.of(2030, 1, 31))).deadline()).isEqualTo(LocalDate.of(2030, 1, 31));
        assertThat(save(ItemSpec.item("2月底。").dueMonthEnd(2)).deadline()).isEqualTo(LocalDate.of(2030, 2, 28));
        assertThat(save(ItemSpec.item("二季度末。").dueQuarterEnd(2)).deadline()).isEqualTo(LocalDate.of(2030, 6, 30));
        assertThat(save(ItemSpec.item("年内完成。").dueYearEnd()).deadline()).isEqualTo(LocalDate.of(2030, 12, 31));
    }

    @Test
    void aDateDeadlineNeedsADate() {
        assertThatThrownBy(() -> save(ItemSpec.item("按日。").due(null))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void targetsAreKeptInOrder() {
        var item = save(ItemSpec.item("巩固义务教育成果。").target("入学率", ">=", "95", "%").target("辍学率", "<", "1", "%"));
        assertThat(item.targets()).extracting(Target::text).containsExactly("入学率 ≥ 95%", "辍学率 < 1%");
    }

    @Test
    void anUnknownOfficeIsRefused() {
        assertThatThrownBy(() -> save(ItemSpec.item("未知股室。").lead(-1L))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> save(ItemSpec.item("未知配合。").cooperating(-1L))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theDocumentViewPrintsTheComputedNumbers() throws Exception {
        plan.item(chapter, "第一项任务。");
        for (int i = 2; i <= 12; i++) {
            long next = plan.chapter("第" + i + "章");
            plan.item(next, "任务" + i + "。");
        }
        var html = mvc.perform(get("/plans/{id}/document", plan.id()).with(user(coordinator)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("一、教育教学", "1.第一项任务。", "十、第10章", "十一、第11章", "十二、第12章", "12.任务12。");
    }
}
