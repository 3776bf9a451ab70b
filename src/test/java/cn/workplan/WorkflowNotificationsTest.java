package cn.workplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.audit.AuditTrail;
import cn.workplan.execution.AssignmentService;
import cn.workplan.execution.Extensions;
import cn.workplan.execution.LineData;
import cn.workplan.execution.LineReminders;
import cn.workplan.execution.Progress;
import cn.workplan.execution.ProgressReports;
import cn.workplan.execution.ReportData;
import cn.workplan.execution.Reminders;
import cn.workplan.execution.SignOffs;
import cn.workplan.execution.Upload;
import cn.workplan.org.OfficeData;
import cn.workplan.org.OfficeService;
import cn.workplan.plan.OutlineService;
import cn.workplan.plan.PlanService;
import cn.workplan.plan.PublishData;
import cn.workplan.summary.NewSummary;
import cn.workplan.summary.Summaries;
import cn.workplan.summary.SummaryKind;
import cn.workplan.summary.SummaryReadings;
import cn.workplan.supervision.NoticeData;
import cn.workplan.supervision.NoticeService;
import cn.workplan.supervision.ReplyData;
import cn.workplan.supervision.ReviewData;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A notification for every workflow step (issue #14). The workflow steps are found in the code, not listed by hand: every
 * public method of every bean of the plan, execution, supervision and summary modules that writes the audit log (a bean
 * that changes what people work on). Each is either a transition, which this test takes on one plan from drafting to
 * closing and which must tell the person who must act or who asked, or named below as no transition, with the reason. A
 * new public method of such a bean fails the first test until it is placed; a transition that tells nobody fails the
 * second.
 */
@IntegrationTest
class WorkflowNotificationsTest {

    /** The modules whose beans carry the workflow. */
    private static final List<String> WORKFLOW_PACKAGES = List.of("cn.workplan.plan", "cn.workplan.execution", "cn.workplan.supervision",
            "cn.workplan.summary");

    /** Public methods of the workflow beans that are no step anyone must hear of, and why. */
    private static final Map<String, String> NO_TRANSITION = new LinkedHashMap<>();

    static {
        for (var method : List.of("create", "createFromDocument", "update", "delete", "copy", "canCreate", "checkCanCreate")) {
            NO_TRANSITION.put("PlanService." + method, "drafting a plan, or a check: no step of its workflow");
        }
        for (var method : List.of("addHeading", "addItem", "renameHeading", "delete", "move", "shift", "itemOfComment")) {
            NO_TRANSITION.put("OutlineService." + method, "drafting the outline, or a look-up: the workflow steps are the plan's");
        }
        NO_TRANSITION.put("ProgressReports.save", "saving a draft tells nobody; a sent report is on its reviewer's to-do list (报送 is "
                + "not notified: a county's schools would bury the lead office), the review is notified");
        NO_TRANSITION.put("ProgressReports.removeEvidence", "editing a report not yet sent");
        NO_TRANSITION.put("ProgressReports.download", "reading a file");
        NO_TRANSITION.put("Extensions.withdraw", "the request leaves its decider's to-do list; nobody has anything to do");
        NO_TRANSITION.put("LineReminders.allows", "a check");
        NO_TRANSITION.put("ReportingSettings.of", "reading the settings");
        NO_TRANSITION.put("ReportingSettings.update", "a setting of the plan, no step: every report form shows the due day, "
                + "and the reminders carry it");
        NO_TRANSITION.put("NoticeService.acknowledge", "签收 is the recipient's receipt: the issuer waits for the reply, which is notified");
        for (var method : List.of("create", "regenerate", "save", "lock", "unlock")) {
            NO_TRANSITION.put("Summaries." + method, "the general office drafting its report; the leaders hear of it when it is sent "
                    + "to them to read (SummaryReadings.ask)");
        }
    }

    /** The transitions this test takes, each with the notification it must send. */
    private static final Set<String> TRANSITIONS = new TreeSet<>(List.of(
            "PlanService.submit", "PlanService.returnToDraft", "PlanService.publish", "PlanService.close",
            "OutlineService.comment", "OutlineService.answer", "OutlineService.updateItem",
            "ProgressReports.review", "ProgressReports.verify",
            "Extensions.request", "Extensions.decide",
            "SignOffs.propose", "SignOffs.decide", "SignOffs.reopen",
            "AssignmentService.addSchool", "AssignmentService.remove", "AssignmentService.update",
            "LineReminders.remind", "Reminders.remindDueReports",
            "NoticeService.issue", "NoticeService.reply", "NoticeService.sendBack", "NoticeService.close", "NoticeService.escalateOverdue",
            "SummaryReadings.ask", "SummaryReadings.read"));

    @Autowired
    TestData data;
    @Autowired
    TestPlans testPlans;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OfficeService offices;
    @Autowired
    PlanService plans;
    @Autowired
    OutlineService outline;
    @Autowired
    ProgressReports reports;
    @Autowired
    Extensions extensions;
    @Autowired
    SignOffs signOffs;
    @Autowired
    AssignmentService assignments;
    @Autowired
    LineReminders lineReminders;
    @Autowired
    Reminders reminders;
    @Autowired
    NoticeService notices;
    @Autowired
    Summaries summaries;
    @Autowired
    SummaryReadings readings;

    /** What each transition sent to whom, as the walk below found it. */
    private final Map<String, List<String>> sent = new LinkedHashMap<>();

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void everyPublicMethodOfTheWorkflowBeansIsATransitionOrSaysWhyNot() throws Exception {
        var found = new TreeSet<String>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        for (var pkg : WORKFLOW_PACKAGES) {
            for (var candidate : scanner.findCandidateComponents(pkg)) {
                var type = Class.forName(candidate.getBeanClassName());
                if (!type.getPackageName().equals(pkg) || !writesTheAuditLog(type)) {
                    continue;
                }
                Arrays.stream(type.getDeclaredMethods())
                        .filter(method -> Modifier.isPublic(method.getModifiers()) && !method.isSynthetic())
                        .forEach(method -> found.add(type.getSimpleName() + "." + method.getName()));
            }
        }
        assertThat(found).as("the workflow beans' public methods").contains("PlanService.publish", "NoticeService.issue",
                "SummaryReadings.ask");
        var unplaced = new TreeSet<>(found);
        unplaced.removeAll(TRANSITIONS);
        unplaced.removeAll(NO_TRANSITION.keySet());
        assertThat(unplaced).as("public methods of workflow beans that are neither a notified transition nor said to be none "
                + "(place each in TRANSITIONS, with a step below, or in NO_TRANSITION with the reason)").isEmpty();
        var gone = new TreeSet<>(TRANSITIONS);
        gone.addAll(NO_TRANSITION.keySet());
        gone.removeAll(found);
        assertThat(gone).as("listed here but no longer in the code").isEmpty();
    }

    /** A bean that writes the audit log changes what people work on: its public methods are the workflow's. */
    private static boolean writesTheAuditLog(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .anyMatch(field -> field.getType() == AuditTrail.class || field.getType().getSimpleName().equals("OutlineAudit"));
    }

    @Test
    void everyTransitionTellsWhoMustActOrWhoAsked() {
        int year = TestPlans.YEAR;
        clock.today(LocalDate.of(year, 1, 10));
        long leadOffice = data.office();
        long schoolId = data.school();
        long otherSchool = data.school();
        var leader = data.login(data.user(Role.LEADER));
        var head = headOf(leadOffice, leader.id());
        var principal = data.login(data.user(Role.PRINCIPAL, null, schoolId));
        var otherPrincipal = data.login(data.user(Role.PRINCIPAL, null, otherSchool));
        var inspector = data.login(data.user(Role.INSPECTOR));
        var draft = testPlans.draft();
        var office = draft.by();
        long planId = draft.id();
        long item = draft.item(draft.chapter("教育教学"), ItemSpec.item("推进集团化办学。").lead(leadOffice).schools(schoolId).dueMonthEnd(6)
                .quarters("", "组建集团", "", ""));

        step("PlanService.submit", leader, "notification.plan.submitted", () -> plans.submit(planId, office));
        step("OutlineService.comment", office, "notification.plan.commented", () -> outline.comment(item, "请明确集团数量。", leader));
        step("PlanService.returnToDraft", office, "notification.plan.returned", () -> plans.returnToDraft(planId, leader));
        long comment = jdbc.sql("select id from plan_comment where node_id = :item").param("item", item).query(Long.class).single();
        step("OutlineService.answer", leader, "notification.plan.commentAnswered", () -> outline.answer(comment, "已明确为3个。", office));
        plans.submit(planId, office);
        step("PlanService.publish", principal, "notification.plan.published",
                () -> plans.publish(planId, new PublishData("测教〔2030〕9号", LocalDate.of(year, 1, 10)), leader));
        step("OutlineService.updateItem", principal, "notification.plan.revised", () -> outline.updateItem(item,
                ItemSpec.item("推进集团化办学。").lead(leadOffice).schools(schoolId).dueMonthEnd(6).quarters("", "组建3个集团", "", "")
                        .reason("明确集团数量").version(version("plan_node", item)).data(), office));

        long line = line(item, "school_id", schoolId);
        long leadLine = line(item, "office_id", leadOffice);
        step("AssignmentService.addSchool", otherPrincipal, "notification.line.added", () -> assignments.addSchool(item, otherSchool, head));
        long otherLine = line(item, "school_id", otherSchool);
        step("AssignmentService.update", otherPrincipal, "notification.line.changed",
                () -> assignments.update(otherLine, new LineData(LocalDate.of(year, 5, 31), "先行试点", version("assignment", otherLine)), head));
        step("AssignmentService.remove", otherPrincipal, "notification.line.removed", () -> assignments.remove(otherLine, head));

        clock.today(LocalDate.of(year, 3, 23));
        step("Reminders.remindDueReports", principal, "notification.reminder.due", () -> reminders.remindDueReports(LocalDate.of(year, 3, 23)));
        step("LineReminders.remind", principal, "notification.reminder.line", () -> lineReminders.remind(line, head));
        var march = LocalDate.of(year, 3, 1);
        long report = reports.save(line, march, new ReportData(Progress.IN_PROGRESS, 30, "组建集团筹备组。", Map.of(), null),
                List.of(new Upload("照片.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})), true, principal);
        step("ProgressReports.review", principal, "notification.report.returned",
                () -> reports.review(report, false, "请补充成员校名单。", version("progress_report", report), head));
        reports.save(line, march, new ReportData(Progress.IN_PROGRESS, 30, "组建集团筹备组，成员校5所。", Map.of(), version("progress_report", report)),
                List.of(), true, principal);
        step("ProgressReports.review", principal, "notification.report.approved",
                () -> reports.review(report, true, "", version("progress_report", report), head));
        long evidence = jdbc.sql("select id from evidence where report_id = :report").param("report", report).query(Long.class).single();
        step("ProgressReports.verify", principal, "notification.report.evidenceQuestioned",
                () -> reports.verify(evidence, false, "照片看不清。", inspector));

        step("Extensions.request", head, "notification.extension.requested",
                () -> extensions.request(line, LocalDate.of(year, 8, 31), "场地改造推迟。", principal));
        long request = jdbc.sql("select id from extension_request where assignment_id = :line").param("line", line).query(Long.class).single();
        step("Extensions.decide", principal, "notification.extension.approved",
                () -> extensions.decide(request, true, "", version("extension_request", request), head));

        step("NoticeService.issue", head, "notification.notice.issued",
                () -> notices.issue(new NoticeData(item, null, "请说明集团化办学进展。", LocalDate.of(year, 3, 30)), leader));
        long notice = jdbc.sql("select id from notice where item_id = :item").param("item", item).query(Long.class).single();
        notices.acknowledge(notice, head);
        step("NoticeService.reply", leader, "notification.notice.replied",
                () -> notices.reply(notice, new ReplyData("已组建筹备组。", version("notice", notice)), head));
        step("NoticeService.sendBack", head, "notification.notice.returned",
                () -> notices.sendBack(notice, new ReviewData("请附时间表。", version("notice", notice)), leader));
        notices.reply(notice, new ReplyData("已组建筹备组，4月底前挂牌。", version("notice", notice)), head);
        step("NoticeService.close", head, "notification.notice.closed",
                () -> notices.close(notice, new ReviewData("", version("notice", notice)), leader));
        notices.issue(new NoticeData(item, line, "请报送集团成员校名单。", LocalDate.of(year, 3, 25)), leader);
        step("NoticeService.escalateOverdue", leader, "notification.notice.escalated", () -> notices.escalateOverdue(LocalDate.of(year, 3, 26)));

        clock.today(LocalDate.of(year, 4, 10));
        reports.save(leadLine, LocalDate.of(year, 4, 1), new ReportData(Progress.DONE, 100, "三个教育集团均已挂牌运行。", Map.of(), null),
                List.of(), true, head);
        step("SignOffs.propose", leader, "notification.signOff.proposed", () -> signOffs.propose(item, "三个集团均已挂牌。", head));
        step("SignOffs.decide", head, "notification.signOff.returned",
                () -> signOffs.decide(item, false, "请补充挂牌照片。", version("sign_off", item), leader));
        signOffs.propose(item, "三个集团均已挂牌，照片见进度报告。", head);
        step("SignOffs.decide", head, "notification.signOff.confirmed", () -> signOffs.decide(item, true, "", version("sign_off", item), leader));
        step("SignOffs.reopen", head, "notification.signOff.reopened", () -> signOffs.reopen(item, "成员校调整，需重新评估。", leader));

        long summary = summaries.create(planId, new NewSummary(SummaryKind.MONTHLY, 3, null), office).id();
        step("SummaryReadings.ask", leader, "notification.summary.readingRequested", () -> readings.ask(summary, office));
        step("SummaryReadings.read", office, "notification.summary.read", () -> readings.read(summary, leader));

        step("PlanService.close", principal, "notification.plan.closed", () -> plans.close(planId, office));

        assertThat(sent.keySet()).as("every transition taken").containsExactlyInAnyOrderElementsOf(TRANSITIONS);
        assertThat(sent.values()).allSatisfy(keys -> assertThat(keys).allMatch(key -> key.startsWith("notification.")));
    }

    /** Takes the step and checks that the person got the notification it must send. */
    private void step(String transition, CurrentUser toldPerson, String key, Runnable action) {
        long before = jdbc.sql("select coalesce(max(id), 0) from notification").query(Long.class).single();
        action.run();
        var keys = jdbc.sql("select message_key from notification where id > :before and user_id = :user order by id")
                .param("before", before).param("user", toldPerson.id()).query(String.class).list();
        assertThat(keys).as("%s tells %s", transition, toldPerson.displayName()).contains(key);
        sent.computeIfAbsent(transition, name -> new ArrayList<>()).addAll(keys);
    }

    private CurrentUser headOf(long officeId, long leaderId) {
        var login = data.staffOf(officeId);
        var office = offices.get(officeId);
        offices.update(officeId, new OfficeData(office.name(), office.shortName(), data.idOf(login), leaderId, 0, false, office.version()));
        return data.login(login);
    }

    private long line(long item, String column, long party) {
        return jdbc.sql("select id from assignment where item_id = :item and " + column + " = :party")
                .param("item", item).param("party", party).query(Long.class).single();
    }

    private long version(String table, long id) {
        var key = table.equals("sign_off") ? "item_id" : "id";
        return jdbc.sql("select version from " + table + " where " + key + " = :id").param("id", id).query(Long.class).single();
    }
}
