package cn.workplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** Who may do what with a plan, by role, office and status, checked at the services. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanPermissionsTest {

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

    long officeA;
    long officeB;
    CurrentUser admin;
    CurrentUser leader;
    CurrentUser staffA;
    CurrentUser staffB;
    CurrentUser principal;
    CurrentUser inspector;

    PlanBuilder plan;
    CurrentUser coordinator;
    long chapter;
    long section;
    long itemA;
    long itemB;

    @BeforeAll
    void people() {
        officeA = data.office();
        officeB = data.office();
        admin = plans.person(Role.ADMIN);
        leader = plans.person(Role.LEADER);
        staffA = plans.staffOf(officeA);
        staffB = plans.staffOf(officeB);
        principal = plans.person(Role.PRINCIPAL);
        inspector = plans.person(Role.INSPECTOR);
    }

    @BeforeEach
    void draftPlan() {
        plan = plans.draft();
        coordinator = plan.by();
        chapter = plan.chapter("教育教学");
        section = plan.section(chapter, "基础教育");
        itemA = plan.item(section, ItemSpec.item("甲股任务。").lead(officeA));
        itemB = plan.item(section, ItemSpec.item("乙股任务。").lead(officeB));
    }

    PlanPermissions can(CurrentUser user) {
        return queries.header(plan.id(), user).can();
    }

    ItemData edit(long itemId, CurrentUser user, String headline) {
        var current = items.item(itemId, user).toData();
        return ItemSpec.of(current).headline(headline).data();
    }

    static void denied(Executable action) {
        assertThatThrownBy(action::execute).isInstanceOf(AccessDeniedException.class);
    }

    static void allowed(Executable action) {
        assertThatCode(action::execute).doesNotThrowAnyException();
    }

    @Test
    void theCoordinatorUserIsRecognisedAtLogin() {
        assertThat(coordinator.coordinator()).isTrue();
        assertThat(staffA.coordinator()).isFalse();
        assertThat(admin.coordinator()).isFalse();
    }

    @Test
    void permissionsOfADraftByRole() {
        assertThat(can(coordinator)).isEqualTo(new PlanPermissions(true, true, true, false, true, false, false, false, false, true, true));
        assertThat(can(admin)).isEqualTo(new PlanPermissions(true, true, true, false, true, false, false, false, false, true, true));
        assertThat(can(staffA)).isEqualTo(new PlanPermissions(false, false, true, false, false, false, false, false, false, false, false));
        assertThat(can(leader)).isEqualTo(new PlanPermissions(false, false, false, false, false, false, false, false, false, false, false));
        assertThat(can(inspector)).isEqualTo(new PlanPermissions(false, false, false, false, false, false, false, false, false, false, false));
    }

    @Test
    void permissionsInReviewByRole() {
        plan.submit();
        assertThat(can(coordinator)).isEqualTo(new PlanPermissions(true, true, true, true, false, true, true, false, false, false, true));
        assertThat(can(leader)).isEqualTo(new PlanPermissions(false, false, false, true, false, true, true, false, false, false, false));
        assertThat(can(staffA)).isEqualTo(new PlanPermissions(false, false, false, false, false, false, false, false, false, false, false));
        assertThat(can(inspector)).isEqualTo(new PlanPermissions(false, false, false, false, false, false, false, false, false, false, false));
    }

    @Test
    void permissionsOfAPublishedPlanByRole() {
        plan.publish();
        assertThat(can(coordinator)).isEqualTo(new PlanPermissions(false, false, false, false, false, false, false, true, true, false, true));
        assertThat(can(admin)).isEqualTo(new PlanPermissions(false, false, false, false, false, false, false, true, true, false, true));
        var none = new PlanPermissions(false, false, false, false, false, false, false, false, false, false, false);
        assertThat(can(leader)).isEqualTo(none);
        assertThat(can(staffA)).isEqualTo(none);
        assertThat(can(principal)).isEqualTo(none);
        assertThat(can(inspector)).isEqualTo(none);
    }

    @Test
    void theGeneralOfficeArrangesTheWholePlan() {
        allowed(() -> outline.addHeading(plan.id(), null, NodeKind.CHAPTER, "党的建设", "", coordinator));
        allowed(() -> outline.renameHeading(chapter, "教育教学改革", "", queries.outline(plan.id(), coordinator).nodes().get(0).version(), coordinator));
        allowed(() -> outline.shift(itemB, -1, coordinator));
        allowed(() -> plan.item(section, ItemSpec.item("任意股室牵头。").lead(officeB)));
        allowed(() -> outline.updateItem(itemA, edit(itemA, coordinator, "办公室改写甲股任务。"), coordinator));
        allowed(() -> outline.delete(itemB, coordinator));
    }

    @Test
    void administratorsArrangeToo() {
        allowed(() -> outline.addHeading(plan.id(), null, NodeKind.CHAPTER, "党的建设", "", admin));
        allowed(() -> outline.move(itemA, chapter, 0, admin));
        allowed(() -> outline.addItem(plan.id(), section, ItemSpec.item("管理员添加。").lead(officeA).data(), admin));
        allowed(() -> outline.updateItem(itemB, edit(itemB, admin, "管理员改写。"), admin));
        allowed(() -> planService.submit(plan.id(), admin));
    }

    @Test
    void officeStaffAddItemsOnlyWithTheirOwnOfficeAsLead() {
        long own = outline.addItem(plan.id(), section, ItemSpec.item("甲股新增任务。").lead(officeA).data(), staffA);
        assertThat(items.item(own, staffA).leadOfficeId()).isEqualTo(officeA);
        assertThatThrownBy(() -> outline.addItem(plan.id(), section, ItemSpec.item("替乙股起草。").lead(officeB).data(), staffA))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> outline.addItem(plan.id(), section, ItemSpec.item("不写牵头股室。").data(), staffA))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void officeStaffEditAndDeleteOnlyTheirOfficesItems() {
        allowed(() -> outline.updateItem(itemA, edit(itemA, staffA, "甲股修改自己的任务。"), staffA));
        denied(() -> outline.updateItem(itemB, edit(itemB, staffA, "甲股改乙股的任务。"), staffA));
        denied(() -> outline.delete(itemB, staffA));
        assertThatThrownBy(() -> outline.updateItem(itemA, ItemSpec.of(edit(itemA, staffA, "转给乙股。")).lead(officeB).data(), staffA))
                .isInstanceOf(InvalidInputException.class);
        allowed(() -> outline.delete(itemA, staffA));
        assertThat(queries.outline(plan.id(), coordinator).items()).extracting(OutlineNode::id).containsExactly(itemB);
    }

    @Test
    void officeStaffManageSubPointsOfTheirOwnItemsOnly() {
        long point = outline.addHeading(plan.id(), itemA, NodeKind.POINT, "一是摸底。", "", staffA);
        allowed(() -> outline.renameHeading(point, "一是全面摸底。", "", 0L, staffA));
        denied(() -> outline.addHeading(plan.id(), itemB, NodeKind.POINT, "一是……", "", staffA));
        denied(() -> outline.renameHeading(point, "乙股改甲股子项。", "", 1L, staffB));
        denied(() -> outline.delete(point, staffB));
        allowed(() -> outline.delete(point, staffA));
    }

    @Test
    void officeStaffCannotArrangeHeadingsOrMoveAnything() {
        denied(() -> outline.addHeading(plan.id(), null, NodeKind.CHAPTER, "新章", "", staffA));
        denied(() -> outline.addHeading(plan.id(), chapter, NodeKind.SECTION, "新节", "", staffA));
        denied(() -> outline.renameHeading(chapter, "改章名", "", 0L, staffA));
        denied(() -> outline.delete(section, staffA));
        denied(() -> outline.move(itemA, chapter, 0, staffA));
        denied(() -> outline.shift(itemA, 1, staffA));
    }

    @Test
    void officeStaffCannotChangeTheWorkflow() {
        denied(() -> planService.submit(plan.id(), staffA));
        denied(() -> planService.delete(plan.id(), staffA));
        denied(() -> planService.copy(plan.id(), new CopyData(TestPlans.YEAR + 1, "下一年"), staffA));
        plan.submit();
        denied(() -> planService.returnToDraft(plan.id(), staffA));
        denied(() -> planService.publish(plan.id(), new PublishData("测教〔2030〕2号", LocalDate.of(2030, 2, 1)), staffA));
    }

    @Test
    void officeStaffChangeNothingOnceThePlanIsInReview() {
        plan.submit();
        denied(() -> outline.addItem(plan.id(), section, ItemSpec.item("审阅中新增。").lead(officeA).data(), staffA));
        denied(() -> outline.updateItem(itemA, edit(itemA, staffA, "审阅中修改。"), staffA));
        denied(() -> outline.delete(itemA, staffA));
        denied(() -> outline.comment(itemA, "股室意见", staffA));
    }

    @Test
    void theGeneralOfficeStillArrangesDuringReview() {
        plan.submit();
        allowed(() -> outline.shift(itemB, -1, coordinator));
        allowed(() -> outline.updateItem(itemA, edit(itemA, coordinator, "按领导意见修改。"), coordinator));
        allowed(() -> outline.comment(itemA, "已按意见修改。", coordinator));
    }

    @Test
    void leadersCannotEditButCommentDuringReviewAndReturnThePlan() {
        denied(() -> outline.addItem(plan.id(), section, ItemSpec.item("领导添加。").lead(officeA).data(), leader));
        denied(() -> outline.updateItem(itemA, edit(itemA, leader, "领导改写。"), leader));
        denied(() -> outline.addHeading(plan.id(), null, NodeKind.CHAPTER, "领导加章", "", leader));
        denied(() -> outline.shift(itemA, 1, leader));
        denied(() -> outline.delete(itemA, leader));
        denied(() -> planService.submit(plan.id(), leader));
        plan.submit();
        denied(() -> outline.updateItem(itemA, edit(itemA, leader, "审阅中领导改写。"), leader));
        allowed(() -> outline.comment(itemA, "目标再具体一些。", leader));
        assertThat(items.item(itemA, coordinator).comments()).extracting(ItemView.Comment::body).containsExactly("目标再具体一些。");
        allowed(() -> planService.returnToDraft(plan.id(), leader));
        assertThat(queries.header(plan.id(), leader).status()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void leadersPublish() {
        plan.submit();
        planService.publish(plan.id(), new PublishData("测教〔2030〕3号", LocalDate.of(2030, 2, 1)), leader);
        assertThat(queries.header(plan.id(), leader).status()).isEqualTo(PlanStatus.PUBLISHED);
        denied(() -> planService.close(plan.id(), leader));
    }

    @Test
    void principalsCannotSeeADraftAtAll() {
        assertHiddenFromPrincipal();
        assertThat(queries.list(principal)).extracting(PlanSummary::id).doesNotContain(plan.id());
    }

    @Test
    void principalsCannotSeeAPlanInReview() {
        plan.submit();
        assertHiddenFromPrincipal();
        assertThat(queries.list(principal)).extracting(PlanSummary::id).doesNotContain(plan.id());
    }

    void assertHiddenFromPrincipal() {
        assertThatThrownBy(() -> queries.header(plan.id(), principal)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.outline(plan.id(), principal)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.taskTable(plan.id(), TaskFilter.none(), principal)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> items.item(itemA, principal)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> items.history(itemA, principal)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> outline.shift(itemA, 1, principal)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void principalsReadPublishedPlansOnly() {
        plan.publish();
        var seen = queries.outline(plan.id(), principal);
        assertThat(seen.items()).extracting(OutlineNode::headline).containsExactly("甲股任务。", "乙股任务。");
        assertThat(seen.nodes()).noneMatch(OutlineNode::editable);
        assertThat(items.item(itemA, principal).editable()).isFalse();
        assertThat(queries.list(principal)).extracting(PlanSummary::id).contains(plan.id());
        denied(() -> outline.updateItem(itemA, ItemSpec.of(edit(itemA, principal, "校长改写。")).reason("理由").data(), principal));
        plan.close();
        assertThat(queries.outline(plan.id(), principal).items()).hasSize(2);
    }

    @Test
    void inspectorsReadButChangeNothing() {
        assertThat(queries.outline(plan.id(), inspector).items()).hasSize(2);
        assertThat(queries.outline(plan.id(), inspector).nodes()).noneMatch(OutlineNode::editable);
        denied(() -> outline.addItem(plan.id(), section, ItemSpec.item("督学添加。").data(), inspector));
        denied(() -> outline.updateItem(itemA, edit(itemA, inspector, "督学改写。"), inspector));
        denied(() -> outline.addHeading(plan.id(), null, NodeKind.CHAPTER, "督学加章", "", inspector));
        denied(() -> outline.shift(itemA, 1, inspector));
        denied(() -> outline.delete(itemA, inspector));
        denied(() -> planService.submit(plan.id(), inspector));
        plan.submit();
        denied(() -> outline.comment(itemA, "督学意见", inspector));
        denied(() -> planService.publish(plan.id(), new PublishData("测教〔2030〕4号", LocalDate.of(2030, 2, 1)), inspector));
    }

    @Test
    void theOutlineMarksWhatEachPersonMayEdit() {
        var seenByA = queries.outline(plan.id(), staffA).nodes();
        assertThat(seenByA).filteredOn(OutlineNode::editable).extracting(OutlineNode::id).containsExactly(itemA);
        assertThat(queries.outline(plan.id(), coordinator).nodes()).allMatch(OutlineNode::editable);
        assertThat(queries.outline(plan.id(), leader).nodes()).noneMatch(OutlineNode::editable);
    }
}
