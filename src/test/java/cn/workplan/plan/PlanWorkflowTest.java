package cn.workplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.PlanBuilder;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** DRAFT → IN_REVIEW → PUBLISHED → CLOSED, the ways back, and what each status forbids. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanWorkflowTest {

    static final PublishData DOCUMENT = new PublishData("测教〔2030〕1号", LocalDate.of(2030, 1, 15));

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    TestPlans plans;

    @Autowired
    PlanService planService;

    @Autowired
    OutlineService outline;

    @Autowired
    PlanQueries queries;

    @Autowired
    ItemQueries items;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    long officeA;
    long officeB;
    CurrentUser admin;
    CurrentUser leader;
    CurrentUser staffA;

    PlanBuilder plan;
    CurrentUser coordinator;
    long chapter;
    long item;

    @BeforeAll
    void people() {
        officeA = data.office();
        officeB = data.office();
        admin = plans.person(Role.ADMIN);
        leader = plans.person(Role.LEADER);
        staffA = plans.staffOf(officeA);
    }

    @BeforeEach
    void draftPlan() {
        plan = plans.draft();
        coordinator = plan.by();
        chapter = plan.chapter("教育教学");
        item = plan.item(chapter, ItemSpec.item("推进教育信息化建设。").body("建成智慧校园10所。").lead(officeA)
                .due(LocalDate.of(2030, 6, 30)));
    }

    PlanHeader header() {
        return queries.header(plan.id(), coordinator);
    }

    PlanStatus planStatus() {
        return header().status();
    }

    static void denied(Executable action) {
        assertThatThrownBy(action::execute).isInstanceOf(AccessDeniedException.class);
    }

    /** The item's saved details, changed as a test says. */
    ItemSpec edit() {
        return ItemSpec.of(items.item(item, coordinator).toData());
    }

    @Test
    void theFullCycle() {
        assertThat(planStatus()).isEqualTo(PlanStatus.DRAFT);
        planService.submit(plan.id(), coordinator);
        assertThat(planStatus()).isEqualTo(PlanStatus.IN_REVIEW);
        planService.returnToDraft(plan.id(), coordinator);
        assertThat(planStatus()).isEqualTo(PlanStatus.DRAFT);
        planService.submit(plan.id(), coordinator);
        planService.publish(plan.id(), DOCUMENT, leader);
        var published = header();
        assertThat(published.status()).isEqualTo(PlanStatus.PUBLISHED);
        assertThat(published.documentNumber()).isEqualTo("测教〔2030〕1号");
        assertThat(published.issueDate()).isEqualTo(LocalDate.of(2030, 1, 15));
        planService.close(plan.id(), coordinator);
        assertThat(planStatus()).isEqualTo(PlanStatus.CLOSED);
    }

    @Test
    void administratorsSubmitPublishAndClose() {
        planService.submit(plan.id(), admin);
        planService.publish(plan.id(), DOCUMENT, admin);
        planService.close(plan.id(), admin);
        assertThat(planStatus()).isEqualTo(PlanStatus.CLOSED);
    }

    @Test
    void theGeneralOfficePublishesToo() {
        plan.submit();
        planService.publish(plan.id(), new PublishData("  测教〔2030〕7号 ", LocalDate.of(2030, 3, 1)), coordinator);
        assertThat(header().documentNumber()).as("stripped").isEqualTo("测教〔2030〕7号");
    }

    @Test
    void aPlanWithoutItemsCannotBeSubmitted() {
        var empty = plans.draft();
        empty.chapter("只有标题");
        assertThatThrownBy(() -> planService.submit(empty.id(), empty.by())).isInstanceOf(InvalidInputException.class)
                .hasMessage("plan.error.noItems");
        assertThat(queries.header(empty.id(), empty.by()).status()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void aDraftCannotBePublishedDirectly() {
        denied(() -> planService.publish(plan.id(), DOCUMENT, coordinator));
        denied(() -> planService.publish(plan.id(), DOCUMENT, leader));
        assertThat(planStatus()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void officeStaffCannotPublish() {
        plan.submit();
        denied(() -> planService.publish(plan.id(), DOCUMENT, staffA));
        assertThat(planStatus()).isEqualTo(PlanStatus.IN_REVIEW);
    }

    @Test
    void onlyAPublishedPlanCanBeClosed() {
        denied(() -> planService.close(plan.id(), coordinator));
        plan.submit();
        denied(() -> planService.close(plan.id(), coordinator));
        assertThat(planStatus()).isEqualTo(PlanStatus.IN_REVIEW);
    }

    @Test
    void noStepBackOncePublished() {
        plan.publish();
        denied(() -> planService.returnToDraft(plan.id(), leader));
        denied(() -> planService.submit(plan.id(), coordinator));
        plan.close();
        denied(() -> planService.publish(plan.id(), DOCUMENT, coordinator));
        assertThat(planStatus()).isEqualTo(PlanStatus.CLOSED);
    }

    @Test
    void aDraftCanBeDeletedButAPublishedPlanCannot() {
        var other = plans.draft();
        other.item(null, "草稿任务。");
        planService.delete(other.id(), other.by());
        assertThatThrownBy(() -> queries.header(other.id(), other.by())).isInstanceOf(NotFoundException.class);

        plan.publish();
        denied(() -> planService.delete(plan.id(), coordinator));
        denied(() -> planService.delete(plan.id(), admin));
        plan.close();
        denied(() -> planService.delete(plan.id(), coordinator));
        assertThat(planStatus()).isEqualTo(PlanStatus.CLOSED);
    }

    @Test
    void aPlanInReviewCannotBeDeleted() {
        plan.submit();
        denied(() -> planService.delete(plan.id(), coordinator));
    }

    @Test
    void commentsOnlyDuringReview() {
        denied(() -> outline.comment(item, "太早。", leader));
        plan.submit();
        outline.comment(item, "请细化目标。", leader);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> planService.publish(plan.id(), DOCUMENT, leader))
                .as("published only once every comment is answered").isInstanceOf(cn.workplan.system.InvalidInputException.class);
        long comment = jdbc.queryForObject("select id from plan_comment where node_id = ?", Long.class, item);
        denied(() -> outline.answer(comment, "已细化。", leader));
        outline.answer(comment, "已细化。", coordinator);
        planService.publish(plan.id(), DOCUMENT, leader);
        denied(() -> outline.comment(item, "太晚。", leader));
        assertThat(items.item(item, coordinator).comments()).extracting(ItemView.Comment::body, ItemView.Comment::answer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("请细化目标。", "已细化。"));
    }

    @Test
    void theOutlineCannotChangeShapeOncePublished() {
        long section = plan.section(chapter, "信息化");
        long point = plan.point(item, "一是建设。");
        plan.publish();
        var before = plans.numbered(plan.id(), coordinator);
        denied(() -> outline.addHeading(plan.id(), null, NodeKind.CHAPTER, "新章", "", coordinator));
        denied(() -> outline.addHeading(plan.id(), chapter, NodeKind.SECTION, "新节", "", coordinator));
        denied(() -> outline.addHeading(plan.id(), item, NodeKind.POINT, "二是……", "", coordinator));
        denied(() -> outline.addItem(plan.id(), chapter, ItemSpec.item("新任务。").lead(officeA).data(), coordinator));
        denied(() -> outline.addItem(plan.id(), chapter, ItemSpec.item("新任务。").lead(officeA).data(), admin));
        denied(() -> outline.move(item, section, 0, coordinator));
        denied(() -> outline.shift(item, 1, coordinator));
        denied(() -> outline.renameHeading(chapter, "改章名", "", 0L, coordinator));
        denied(() -> outline.delete(item, coordinator));
        denied(() -> outline.delete(point, coordinator));
        denied(() -> outline.delete(chapter, admin));
        assertThat(plans.numbered(plan.id(), coordinator)).isEqualTo(before);
    }

    @Test
    void afterPublishingAnEditNeedsAReason() {
        plan.publish();
        assertThatThrownBy(() -> outline.updateItem(item, edit().headline("改写。").reason(" ").data(), coordinator))
                .isInstanceOf(InvalidInputException.class).hasMessage("item.error.reasonRequired");
        assertThat(items.item(item, coordinator).headline()).isEqualTo("推进教育信息化建设。");
    }

    @Test
    void aRevisionAfterPublishingIsRecordedWithWhatChanged() {
        plan.publish();
        outline.updateItem(item, edit().headline("加快推进教育信息化建设。").lead(officeB).due(LocalDate.of(2030, 9, 30))
                .reason("局长办公会决定调整牵头股室").data(), coordinator);

        var history = items.history(item, coordinator);
        assertThat(history).extracting(RevisionView::number).containsExactly(2, 1);
        var revision = history.get(0);
        assertThat(revision.reason()).isEqualTo("局长办公会决定调整牵头股室");
        assertThat(revision.changedBy()).isEqualTo(coordinator.getUsername());
        assertThat(revision.changes()).extracting(RevisionView.Change::field)
                .containsExactlyInAnyOrder("headline", "leadOfficeId", "deadline");
        assertThat(revision.changes()).contains(
                new RevisionView.Change("headline", "推进教育信息化建设。", "加快推进教育信息化建设。"),
                new RevisionView.Change("deadline", "2030-06-30", "2030-09-30"));
        var lead = revision.changes().stream().filter(change -> change.field().equals("leadOfficeId")).findFirst().orElseThrow();
        assertThat(lead.from()).startsWith("测试股");
        assertThat(lead.to()).startsWith("测试股").isNotEqualTo(lead.from());
        assertThat(history.get(1).reason()).as("the first version needs no reason").isNull();
    }

    @Test
    void editsOfADraftAreKeptInTheHistoryWithoutAReason() {
        outline.updateItem(item, edit().body("建成智慧校园12所。").data(), staffA);
        var history = items.history(item, coordinator);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).reason()).isNull();
        assertThat(history.get(0).changes()).containsExactly(new RevisionView.Change("body", "建成智慧校园10所。", "建成智慧校园12所。"));
    }

    @Test
    void aClosedPlanIsFrozenEvenForTheGeneralOffice() {
        plan.publish().close();
        denied(() -> outline.updateItem(item, edit().headline("关闭后修改。").reason("理由").data(), coordinator));
        denied(() -> outline.updateItem(item, edit().headline("关闭后修改。").reason("理由").data(), admin));
    }

    @Test
    void theRevisionFormAsksForAReasonAndTheHistoryPageListsTheRevision() throws Exception {
        plan.publish();
        var version = items.item(item, coordinator).version();
        var form = mvc.perform(post("/items/{id}", item).with(user(coordinator)).with(csrf())
                        .param("headline", "加快推进教育信息化建设。").param("body", "建成智慧校园10所。")
                        .param("leadOfficeId", Long.toString(officeA)).param("version", Long.toString(version)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("计划已发布，请填写修订理由。");
        assertThat(items.item(item, coordinator).headline()).isEqualTo("推进教育信息化建设。");

        mvc.perform(post("/items/{id}", item).with(user(coordinator)).with(csrf())
                        .param("headline", "加快推进教育信息化建设。").param("body", "建成智慧校园10所。")
                        .param("leadOfficeId", Long.toString(officeA)).param("version", Long.toString(version))
                        .param("reason", "根据省厅要求调整表述"))
                .andExpect(redirectedUrl("/items/" + item));

        var history = mvc.perform(get("/items/{id}/history", item).with(user(leader)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(history).contains("根据省厅要求调整表述", "推进教育信息化建设。", "加快推进教育信息化建设。",
                coordinator.getUsername());
    }

    @Test
    void theWorkflowOverHttp() throws Exception {
        mvc.perform(post("/plans/{id}/publish", plan.id()).with(user(coordinator)).with(csrf())
                        .param("documentNumber", "测教〔2030〕1号").param("issueDate", "2030-01-15"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/plans/{id}/submit", plan.id()).with(user(coordinator)).with(csrf()))
                .andExpect(redirectedUrl("/plans/" + plan.id()));
        mvc.perform(post("/plans/{id}/publish", plan.id()).with(user(leader)).with(csrf())
                        .param("documentNumber", "").param("issueDate", "2030-01-15"))
                .andExpect(status().isOk());
        assertThat(planStatus()).as("no document number, not published").isEqualTo(PlanStatus.IN_REVIEW);
        mvc.perform(post("/plans/{id}/publish", plan.id()).with(user(staffA)).with(csrf())
                        .param("documentNumber", "测教〔2030〕1号").param("issueDate", "2030-01-15"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/plans/{id}/publish", plan.id()).with(user(leader)).with(csrf())
                        .param("documentNumber", "测教〔2030〕1号").param("issueDate", "2030-01-15"))
                .andExpect(redirectedUrl("/plans/" + plan.id()));
        mvc.perform(post("/plans/{id}/delete", plan.id()).with(user(coordinator)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/plans/{p}/nodes/{n}/delete", plan.id(), item).with(user(coordinator)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/plans/{id}/close", plan.id()).with(user(coordinator)).with(csrf()))
                .andExpect(redirectedUrl("/plans/" + plan.id()));
        assertThat(header().status()).isEqualTo(PlanStatus.CLOSED);
        assertThat(header().documentNumber()).isEqualTo("测教〔2030〕1号");
    }

    @Test
    void submittingAnEmptyPlanOverHttpShowsWhy() throws Exception {
        var empty = plans.draft();
        mvc.perform(post("/plans/{id}/submit", empty.id()).with(user(empty.by())).with(csrf()))
                .andExpect(redirectedUrl("/plans/" + empty.id()));
        assertThat(queries.header(empty.id(), empty.by()).status()).isEqualTo(PlanStatus.DRAFT);
    }
}
