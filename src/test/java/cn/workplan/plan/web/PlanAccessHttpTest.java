package cn.workplan.plan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.plan.ItemQueries;
import cn.workplan.plan.OutlineNode;
import cn.workplan.plan.PlanQueries;
import cn.workplan.plan.PlanStatus;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.PlanBuilder;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The same rules at the HTTP level: pages answer 404 to those who may not see a plan, 403 to forbidden posts. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanAccessHttpTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    TestPlans plans;

    @Autowired
    PlanQueries queries;

    @Autowired
    ItemQueries items;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    long officeA;
    long officeB;
    CurrentUser admin;
    CurrentUser leader;
    CurrentUser staffA;
    CurrentUser principal;
    CurrentUser inspector;

    PlanBuilder plan;
    CurrentUser coordinator;
    long chapter;
    long itemA;
    long itemB;

    @BeforeAll
    void people() {
        officeA = data.office();
        officeB = data.office();
        admin = plans.person(Role.ADMIN);
        leader = plans.person(Role.LEADER);
        staffA = plans.staffOf(officeA);
        principal = plans.person(Role.PRINCIPAL);
        inspector = plans.person(Role.INSPECTOR);
    }

    @BeforeEach
    void draftPlan() {
        plan = plans.draft();
        coordinator = plan.by();
        chapter = plan.chapter("教育教学");
        itemA = plan.item(chapter, ItemSpec.item("甲股任务。").lead(officeA));
        itemB = plan.item(chapter, ItemSpec.item("乙股任务。").lead(officeB));
    }

    /** The pages that show a plan or its items. */
    List<String> pages() {
        return List.of("/plans/" + plan.id(), "/plans/" + plan.id() + "/tasks", "/plans/" + plan.id() + "/document",
                "/items/" + itemA, "/items/" + itemA + "/history");
    }

    int statusOf(String url, CurrentUser who) throws Exception {
        return mvc.perform(get(url).with(user(who))).andReturn().getResponse().getStatus();
    }

    String page(String url, CurrentUser who) throws Exception {
        return mvc.perform(get(url).with(user(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** A form post with the CSRF token a real form carries. */
    static MockHttpServletRequestBuilder form(CurrentUser who, String url, Object... variables) {
        return post(url, variables).with(user(who)).with(csrf());
    }

    /** The fields of the item form as a browser sends them. */
    static MockHttpServletRequestBuilder itemFields(MockHttpServletRequestBuilder request, String headline, Long leadOfficeId,
            Long version) {
        request.param("headline", headline).param("body", "正文").param("leadOfficeId", leadOfficeId == null ? "" : leadOfficeId.toString());
        if (version != null) {
            request.param("version", version.toString());
        }
        return request;
    }

    long versionOf(long itemId) {
        return items.item(itemId, coordinator).version();
    }

    List<String> headlines() {
        return queries.outline(plan.id(), coordinator).nodes().stream().map(OutlineNode::headline).toList();
    }

    PlanStatus planStatus() {
        return queries.header(plan.id(), coordinator).status();
    }

    @Test
    void principalsGetNotFoundForEveryPageOfADraft() throws Exception {
        for (var url : pages()) {
            assertThat(statusOf(url, principal)).as(url).isEqualTo(404);
        }
    }

    @Test
    void principalsGetNotFoundForEveryPageOfAPlanInReview() throws Exception {
        plan.submit();
        for (var url : pages()) {
            assertThat(statusOf(url, principal)).as(url).isEqualTo(404);
        }
        assertThat(page("/plans", principal)).doesNotContain(queries.header(plan.id(), coordinator).title());
    }

    @Test
    void principalsReadAPublishedPlanWithoutAnyEditingControl() throws Exception {
        plan.publish();
        for (var url : pages()) {
            assertThat(statusOf(url, principal)).as(url).isEqualTo(200);
        }
        var outline = page("/plans/" + plan.id(), principal);
        assertThat(outline).contains("甲股任务。", "乙股任务。")
                .doesNotContain("/items/" + itemA + "/edit", "id=\"add-chapter\"", "data-action=\"delete\"", "data-action=\"up\"");
        var item = page("/items/" + itemA, principal);
        assertThat(item).contains("甲股任务。").doesNotContain("id=\"edit-item\"", "/items/" + itemA + "/comments");
        assertThat(page("/plans", principal)).contains(queries.header(plan.id(), coordinator).title());
    }

    @Test
    void everyoneElseReadsTheDraft() throws Exception {
        for (var who : List.of(coordinator, admin, leader, staffA, inspector)) {
            for (var url : pages()) {
                assertThat(statusOf(url, who)).as(who + " " + url).isEqualTo(200);
            }
        }
    }

    @Test
    void theGeneralOfficeAddsAChapterAndSubmits() throws Exception {
        mvc.perform(form(coordinator, "/plans/{id}/nodes", plan.id()).param("kind", "CHAPTER").param("headline", "党的建设"))
                .andExpect(redirectedUrl("/plans/" + plan.id()));
        assertThat(plans.numbered(plan.id(), coordinator)).containsExactly("一、教育教学", "1.甲股任务。", "2.乙股任务。", "二、党的建设");
        mvc.perform(form(coordinator, "/plans/{id}/submit", plan.id())).andExpect(redirectedUrl("/plans/" + plan.id()));
        assertThat(planStatus()).isEqualTo(PlanStatus.IN_REVIEW);
    }

    @Test
    void officeStaffSeeEditControlsForTheirOwnItemsOnly() throws Exception {
        var outline = page("/plans/" + plan.id(), staffA);
        assertThat(outline).contains("/items/" + itemA + "/edit").doesNotContain("/items/" + itemB + "/edit")
                .doesNotContain("id=\"add-chapter\"", "id=\"submit-review\"", "data-action=\"up\"");
    }

    @Test
    void officeStaffAddItemsLedByTheirOwnOffice() throws Exception {
        mvc.perform(itemFields(form(staffA, "/plans/{id}/items", plan.id()).param("parentId", Long.toString(chapter)),
                        "甲股新增任务。", officeA, null))
                .andExpect(status().is3xxRedirection());
        var html = mvc.perform(itemFields(form(staffA, "/plans/{id}/items", plan.id()).param("parentId", Long.toString(chapter)),
                        "替乙股起草。", officeB, null))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("股室人员只能起草本股室牵头的任务");
        assertThat(headlines()).contains("甲股新增任务。").doesNotContain("替乙股起草。");
    }

    @Test
    void officeStaffEditTheirOwnItemsButNotOthers() throws Exception {
        mvc.perform(itemFields(form(staffA, "/items/{id}", itemA), "甲股改写。", officeA, versionOf(itemA)))
                .andExpect(redirectedUrl("/items/" + itemA));
        mvc.perform(itemFields(form(staffA, "/items/{id}", itemB), "甲股改乙股。", officeB, versionOf(itemB)))
                .andExpect(status().isForbidden());
        mvc.perform(form(staffA, "/plans/{p}/nodes/{n}/delete", plan.id(), itemB)).andExpect(status().isForbidden());
        assertThat(headlines()).contains("甲股改写。", "乙股任务。");
        mvc.perform(form(staffA, "/plans/{p}/nodes/{n}/delete", plan.id(), itemA)).andExpect(status().is3xxRedirection());
        assertThat(headlines()).doesNotContain("甲股改写。");
    }

    @Test
    void officeStaffCannotArrangeOrChangeTheWorkflow() throws Exception {
        mvc.perform(form(staffA, "/plans/{id}/nodes", plan.id()).param("kind", "CHAPTER").param("headline", "新章"))
                .andExpect(status().isForbidden());
        mvc.perform(form(staffA, "/plans/{p}/nodes/{n}/rename", plan.id(), chapter).param("headline", "改名").param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(form(staffA, "/plans/{p}/nodes/{n}/down", plan.id(), itemA)).andExpect(status().isForbidden());
        mvc.perform(form(staffA, "/plans/{p}/nodes/{n}/move", plan.id(), itemA).param("parentId", Long.toString(chapter)).param("index", "5"))
                .andExpect(status().isForbidden());
        mvc.perform(form(staffA, "/plans/{id}/submit", plan.id())).andExpect(status().isForbidden());
        mvc.perform(form(staffA, "/plans/{id}/delete", plan.id())).andExpect(status().isForbidden());
        assertThat(plans.numbered(plan.id(), coordinator)).containsExactly("一、教育教学", "1.甲股任务。", "2.乙股任务。");
        assertThat(planStatus()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void leadersCommentDuringReviewReturnAndPublishButCannotEdit() throws Exception {
        plan.submit();
        assertThat(page("/items/" + itemA, leader)).contains("/items/" + itemA + "/comments");
        mvc.perform(form(leader, "/items/{id}/comments", itemA).param("comment", "请明确完成时限。"))
                .andExpect(redirectedUrl("/items/" + itemA + "#comments"));
        assertThat(items.item(itemA, coordinator).comments()).extracting(c -> c.body()).containsExactly("请明确完成时限。");
        mvc.perform(itemFields(form(leader, "/items/{id}", itemA), "领导改写。", officeA, versionOf(itemA)))
                .andExpect(status().isForbidden());

        mvc.perform(form(leader, "/plans/{id}/return", plan.id())).andExpect(redirectedUrl("/plans/" + plan.id()));
        assertThat(planStatus()).isEqualTo(PlanStatus.DRAFT);
        // the general office answers the comment (a leader may not), then sends the plan again
        long comment = jdbc.sql("select id from plan_comment where node_id = :item").param("item", itemA).query(Long.class).single();
        mvc.perform(form(leader, "/comments/{id}/answer", comment).param("answer", "已明确。")).andExpect(status().isForbidden());
        mvc.perform(form(coordinator, "/comments/{id}/answer", comment).param("answer", "已明确为6月底。"))
                .andExpect(redirectedUrl("/items/" + itemA + "#comment-" + comment));
        assertThat(page("/items/" + itemA, leader)).contains("已明确为6月底。");
        plan.submit();
        mvc.perform(form(leader, "/plans/{id}/publish", plan.id()).param("documentNumber", "测教〔2030〕9号").param("issueDate", "2030-02-01"))
                .andExpect(redirectedUrl("/plans/" + plan.id()));
        var header = queries.header(plan.id(), leader);
        assertThat(header.status()).isEqualTo(PlanStatus.PUBLISHED);
        assertThat(header.documentNumber()).isEqualTo("测教〔2030〕9号");
    }

    @Test
    void commentingOnADraftIsRefused() throws Exception {
        assertThat(page("/items/" + itemA, leader)).doesNotContain("/items/" + itemA + "/comments");
        mvc.perform(form(leader, "/items/{id}/comments", itemA).param("comment", "太早了。")).andExpect(status().isForbidden());
        assertThat(items.item(itemA, coordinator).comments()).isEmpty();
    }

    @Test
    void inspectorsReadOnly() throws Exception {
        assertThat(page("/plans/" + plan.id(), inspector)).doesNotContain("/items/" + itemA + "/edit", "id=\"add-chapter\"");
        mvc.perform(form(inspector, "/plans/{id}/nodes", plan.id()).param("kind", "CHAPTER").param("headline", "督学加章"))
                .andExpect(status().isForbidden());
        mvc.perform(itemFields(form(inspector, "/items/{id}", itemA), "督学改写。", officeA, versionOf(itemA)))
                .andExpect(status().isForbidden());
        mvc.perform(form(inspector, "/plans/{id}/submit", plan.id())).andExpect(status().isForbidden());
        assertThat(headlines()).containsExactly("教育教学", "甲股任务。", "乙股任务。");
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/plans/{id}/nodes", plan.id()).with(user(coordinator)).param("kind", "CHAPTER").param("headline", "无令牌"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/plans/{id}/submit", plan.id()).with(user(coordinator))).andExpect(status().isForbidden());
        mvc.perform(itemFields(post("/items/{id}", itemA).with(user(coordinator)), "无令牌改写。", officeA, versionOf(itemA)))
                .andExpect(status().isForbidden());
        assertThat(headlines()).containsExactly("教育教学", "甲股任务。", "乙股任务。");
        assertThat(planStatus()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void pagesNeedALogin() throws Exception {
        mvc.perform(get("/plans/{id}", plan.id())).andExpect(status().is3xxRedirection());
    }
}
