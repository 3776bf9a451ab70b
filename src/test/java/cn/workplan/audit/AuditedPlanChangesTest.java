package cn.workplan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.org.OfficeService;
import cn.workplan.plan.ItemQueries;
import cn.workplan.plan.Numbering;
import cn.workplan.plan.OutlineService;
import cn.workplan.plan.PlanService;
import cn.workplan.plan.PublishData;
import cn.workplan.support.Browsers;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.Page;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the audit log keeps of a plan's life, and how the audit page shows it: the outline's nodes by kind with their
 * place and content, moves, comments, the workflow's steps as what they are (送审, 发布 with the document number), a
 * revision with its reason; statuses, kinds and flags in words, in Chinese and in English.
 */
@IntegrationTest
class AuditedPlanChangesTest {

    @Autowired
    TestPlans plans;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    TestData data;

    @Autowired
    PlanService planService;

    @Autowired
    OutlineService outline;

    @Autowired
    ItemQueries items;

    @Autowired
    AuditQueries audit;

    @Autowired
    Browsers browsers;

    @Autowired
    AuditLabels labels;

    @Autowired
    OfficeService offices;

    @Test
    void theOutlineIsRecordedNodeByNode() {
        long office = data.office();
        var by = signedIn(plans.coordinator());
        var plan = plans.draft(by, TestPlans.YEAR, Numbering.CONTINUOUS);
        long first = plan.chapter("党的建设");
        long second = plan.chapter("教育改革");
        long item = plan.item(first, ItemSpec.item("加强党的政治建设。").body("全面落实。").lead(office).key()
                .dueMonthEnd(6).target("覆盖率", ">=", "95", "%"));

        assertThat(only("CHAPTER", second).changes()).isEqualTo(Map.of(
                "plan", created(title(plan.id(), by)), "position", created("2"), "headline", created("教育改革")));
        var added = only("ITEM", item);
        assertThat(added.action()).isEqualTo(AuditAction.CREATE);
        assertThat(added.actor()).isEqualTo(by.getUsername());
        assertThat(added.entityLabel()).isEqualTo("加强党的政治建设。");
        assertThat(added.changes()).containsEntry("parent", created("党的建设")).containsEntry("position", created("1"))
                .containsEntry("leadOffice", created(officeName(office))).containsEntry("keyItem", created("true"))
                .containsEntry("deadlineKind", created("MONTH_END")).containsEntry("deadline", created(TestPlans.YEAR + "-06-30"))
                .containsEntry("targets", created("覆盖率 ≥ 95%")).containsEntry("body", created("全面落实。"));

        outline.move(item, second, 0, by);
        outline.renameHeading(second, "深化教育改革", "", 0L, by);

        assertThat(history("ITEM", item).get(0)).satisfies(moved -> {
            assertThat(moved.action()).isEqualTo(AuditAction.MOVE);
            assertThat(moved.changes()).isEqualTo(Map.of("parent", new FieldChange("党的建设", "教育改革")));
        });
        assertThat(history("CHAPTER", second).get(0).changes())
                .isEqualTo(Map.of("headline", new FieldChange("教育改革", "深化教育改革")));

        outline.delete(second, by);

        assertThat(history("CHAPTER", second).get(0)).satisfies(deleted -> {
            assertThat(deleted.action()).isEqualTo(AuditAction.DELETE);
            assertThat(deleted.changes()).containsEntry("headline", new FieldChange("深化教育改革", null))
                    .containsEntry("descendants", new FieldChange("1", null));
        });
        assertThat(history("ITEM", item).get(0).action()).as("what stood under it").isEqualTo(AuditAction.DELETE);
    }

    @Test
    void theWorkflowIsRecordedStepByStep() throws Exception {
        var by = signedIn(plans.coordinator());
        var plan = plans.draft(by, TestPlans.YEAR, Numbering.CONTINUOUS);
        long item = plan.item(plan.chapter("第一章"), ItemSpec.item("推进教育信息化。").body("建成智慧校园10所。"));
        plan.submit();
        var leader = data.login(data.user(Role.LEADER));
        signedIn(leader);
        outline.comment(item, "请细化目标。", leader);
        signedIn(by);
        // a plan is published once its review comments are answered
        long comment = jdbc.sql("select id from plan_comment where node_id = :item").param("item", item).query(Long.class).single();
        outline.answer(comment, "已细化为12所。", by);
        planService.publish(plan.id(), new PublishData("测教〔2030〕8号", LocalDate.of(2030, 1, 20)), by);
        var saved = items.item(item, by);
        outline.updateItem(item, ItemSpec.of(saved.toData()).body("建成智慧校园12所。").reason("根据省厅要求调整").data(), by);

        assertThat(history("PLAN", plan.id())).extracting(AuditEntry::action)
                .containsExactly(AuditAction.PUBLISH, AuditAction.SEND_FOR_REVIEW, AuditAction.CREATE);
        assertThat(history("PLAN", plan.id()).get(0).changes()).isEqualTo(Map.of(
                "status", new FieldChange("IN_REVIEW", "PUBLISHED"), "documentNumber", created("测教〔2030〕8号"),
                "issueDate", created("2030-01-20")));
        assertThat(history("ITEM", item)).extracting(AuditEntry::action)
                .containsExactly(AuditAction.REVISE, AuditAction.REPLY, AuditAction.COMMENT, AuditAction.CREATE);
        assertThat(history("ITEM", item).get(0).changes()).isEqualTo(Map.of(
                "body", new FieldChange("建成智慧校园10所。", "建成智慧校园12所。"), "reason", created("根据省厅要求调整")));
        assertThat(history("ITEM", item).get(1).changes()).isEqualTo(Map.of("answer", created("已细化为12所。")));
        assertThat(history("ITEM", item).get(2).changes()).isEqualTo(Map.of("comment", created("请细化目标。")));

        var admin = browsers.as(data.user(Role.ADMIN));
        var chinese = admin.page("/admin/audit?actor=" + by.getUsername() + "&entityType=PLAN");
        assertThat(rows(chinese)).first().isEqualTo(List.of("发布", "计划 " + title(plan.id(), by),
                "状态: 审阅中 已发布 成文日期: 2030年1月20日 文号: 测教〔2030〕8号"));
        assertThat(rows(chinese)).element(1).isEqualTo(List.of("送审", "计划 " + title(plan.id(), by), "状态: 起草中 审阅中"));
        assertThat(rows(chinese)).element(2).satisfies(row -> assertThat(row.get(2)).contains("类型: 年度工作要点", "任务编号方式: 全文连续编号（1–N）"));
        assertThat(chinese.all("select[name=entityType] option").eachText()).contains("一级标题", "任务", "计划", "佐证材料");
        assertThat(chinese.all("select[name=action] option").eachText()).contains("送审", "发布", "修订", "移动", "批注");

        var revision = rows(admin.page("/admin/audit?actor=" + by.getUsername() + "&entityType=ITEM&action=REVISE")).get(0);
        assertThat(revision).isEqualTo(List.of("修订", "任务 推进教育信息化。", "具体内容: 建成智慧校园10所。 建成智慧校园12所。 理由: 根据省厅要求调整"));

        var english = admin.page("/admin/audit?lang=en&actor=" + by.getUsername() + "&entityType=PLAN");
        assertThat(rows(english)).first().isEqualTo(List.of("Published", "Plan " + title(plan.id(), by),
                "Status: In review Published Issue date: Jan 20, 2030 Document number: 测教〔2030〕8号"));
    }

    @Test
    void codesAreShownInWordsAndWhatIsUnknownAsStored() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(labels.value("PLAN", "status", "IN_REVIEW")).isEqualTo("审阅中");
            assertThat(labels.value("PLAN", "kind", "WORK_POINTS")).isEqualTo("年度工作要点");
            assertThat(labels.value("USER", "role", "PRINCIPAL")).isEqualTo("校长/园长");
            assertThat(labels.value("REPORT", "state", "SUBMITTED")).isEqualTo("已报送，待审核");
            assertThat(labels.value("EVIDENCE", "verification", "QUESTIONED")).isEqualTo("存疑");
            assertThat(labels.value("OFFICE", "coordinator", "true")).isEqualTo("是");
            assertThat(labels.value("SUMMARY", "period", "2026-01-01 – 2026-06-30")).isEqualTo("2026年1月1日 – 2026年6月30日");
            assertThat(labels.field("SUMMARY", "block 3")).isEqualTo("第 3 段");
            assertThat(labels.action(new AuditEntry(1, null, "x", AuditAction.CLOSE, "PLAN", 1L, "", Map.of()))).isEqualTo("关闭");
            assertThat(labels.action(new AuditEntry(1, null, "x", AuditAction.CLOSE, "NOTICE", 1L, "", Map.of()))).isEqualTo("办结");

            assertThat(labels.value("PLAN", "status", "ARCHIVED")).as("a code no longer known").isEqualTo("ARCHIVED");
            assertThat(labels.value("PLAN", "title", "IN_REVIEW")).as("not a coded field").isEqualTo("IN_REVIEW");
            assertThat(labels.type("GONE")).isEqualTo("GONE");
            assertThat(labels.field("PLAN", "gone")).isEqualTo("gone");
            assertThat(labels.value("PLAN", "issueDate", "2026-13-45")).isEqualTo("2026-13-45");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Calls the services as this person, as a request of theirs would: the trail takes the actor from the security context. */
    private static CurrentUser signedIn(CurrentUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return user;
    }

    /** Each row of the audit page: action, record, changes. */
    private static List<List<String>> rows(Page page) {
        return page.all("#audit tbody tr").stream()
                .map(row -> List.of(row.child(2).text(), row.child(3).text(), row.child(4).text())).toList();
    }

    private AuditEntry only(String type, long id) {
        var entries = history(type, id);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private List<AuditEntry> history(String type, long id) {
        return audit.history(type, id, 20);
    }

    private String title(long planId, CurrentUser viewer) {
        return history("PLAN", planId).get(history("PLAN", planId).size() - 1).entityLabel();
    }

    private String officeName(long office) {
        return offices.get(office).name();
    }

    private static FieldChange created(String value) {
        return new FieldChange(null, value);
    }
}
