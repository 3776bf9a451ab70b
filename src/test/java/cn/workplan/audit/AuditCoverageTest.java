package cn.workplan.audit;

import static cn.workplan.audit.AuditAction.ACKNOWLEDGE;
import static cn.workplan.audit.AuditAction.APPROVE;
import static cn.workplan.audit.AuditAction.CHANGE_PASSWORD;
import static cn.workplan.audit.AuditAction.CLOSE;
import static cn.workplan.audit.AuditAction.COMMENT;
import static cn.workplan.audit.AuditAction.COPY;
import static cn.workplan.audit.AuditAction.CREATE;
import static cn.workplan.audit.AuditAction.DEACTIVATE;
import static cn.workplan.audit.AuditAction.DELETE;
import static cn.workplan.audit.AuditAction.IMPORT;
import static cn.workplan.audit.AuditAction.ISSUE;
import static cn.workplan.audit.AuditAction.LOCK;
import static cn.workplan.audit.AuditAction.MOVE;
import static cn.workplan.audit.AuditAction.PUBLISH;
import static cn.workplan.audit.AuditAction.READ;
import static cn.workplan.audit.AuditAction.REGENERATE;
import static cn.workplan.audit.AuditAction.REJECT;
import static cn.workplan.audit.AuditAction.REMIND;
import static cn.workplan.audit.AuditAction.REOPEN;
import static cn.workplan.audit.AuditAction.REPLY;
import static cn.workplan.audit.AuditAction.REQUEST;
import static cn.workplan.audit.AuditAction.RESET_PASSWORD;
import static cn.workplan.audit.AuditAction.RETURN;
import static cn.workplan.audit.AuditAction.SEND_FOR_REVIEW;
import static cn.workplan.audit.AuditAction.SUBMIT;
import static cn.workplan.audit.AuditAction.UNLOCK;
import static cn.workplan.audit.AuditAction.UPDATE;
import static cn.workplan.audit.AuditAction.VERIFY;
import static cn.workplan.audit.AuditAction.WITHDRAW;
import static cn.workplan.support.ImportPreviews.token;
import static cn.workplan.support.Spreadsheets.csv;
import static cn.workplan.support.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import cn.workplan.account.Role;
import cn.workplan.alignment.NewUpperDocument;
import cn.workplan.alignment.UpperDocuments;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Numbering;
import cn.workplan.execution.Extensions;
import cn.workplan.execution.ProgressReports;
import cn.workplan.execution.SignOffs;
import cn.workplan.summary.Summaries;
import cn.workplan.supervision.NoticeService;
import cn.workplan.support.Browsers;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;
import cn.workplan.support.TestReports;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * 全程留痕: every endpoint that changes data, called successfully by someone allowed to, leaves an audit entry of the
 * expected kind and action under the caller's login. The table names every state-changing handler mapping of the
 * application (POST, PUT, DELETE, PATCH, or any method); a new endpoint fails {@link #everyStateChangingEndpointIsClassified}
 * until it gets a row here, either a call or a reason why it changes nothing the audit log keeps.
 *
 * <p>That the entry is written in the change's own transaction is {@link AuditTrail}'s {@code Propagation.MANDATORY}
 * (a call outside a transaction fails) and is shown end to end by {@link AuditTransactionTest}.
 */
@IntegrationTest
class AuditCoverageTest {

    /** Endpoints that change nothing the audit log keeps, and why. */
    static final Map<String, String> UNAUDITED = Map.ofEntries(
            Map.entry("POST /notifications/read-all", "marks the person's own notifications read: a reading mark, no record changes"),
            Map.entry("POST /api/plans/import/preview", "reads a document and answers its outline as JSON; saves nothing"),
            Map.entry("POST /plans/import", "reads a document into the import preview; nothing is saved before the confirmation"),
            Map.entry("POST /plans/import/{token}/plans/{plan}", "edits the unsaved import preview"),
            Map.entry("POST /plans/import/{token}/plans/{plan}/accept-all", "edits the unsaved import preview"),
            Map.entry("POST /plans/import/{token}/nodes/{node}/kind", "edits the unsaved import preview"),
            Map.entry("POST /plans/import/{token}/nodes/{node}/merge", "edits the unsaved import preview"),
            Map.entry("POST /plans/import/{token}/nodes/{node}/split", "edits the unsaved import preview"),
            Map.entry("POST /plans/import/{token}/nodes/{node}/drop", "edits the unsaved import preview"),
            Map.entry("POST /plans/import/{token}/nodes/{node}/suggestions", "edits the unsaved import preview"),
            Map.entry("POST /plans/import/{token}/residue/{line}", "edits the unsaved import preview"),
            Map.entry("POST /admin/schools/import", "checks the file and shows the preview; the confirmation creates (and audits) the schools"),
            Map.entry("POST /admin/users/import", "checks the file and shows the preview; the confirmation creates (and audits) the accounts"),
            Map.entry("POST /admin/backups", "writes a backup file of the database and changes no record; the 数据备份 page lists each backup with its time"),
            Map.entry("POST /admin/robots/{id}/test", "posts a test message to the group robot while the administrator waits; changes no record"));

    private static final Set<RequestMethod> CHANGING = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE,
            RequestMethod.PATCH);

    @Autowired
    MockMvc mvc;

    @Autowired
    Browsers browsers;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLabels labels;

    @Autowired
    UpperDocuments upperDocuments;

    AuditScenarios scenarios;

    @BeforeEach
    void scenarios(@Autowired TestData data, @Autowired TestPlans plans, @Autowired TestReports reports,
            @Autowired ProgressReports progressReports, @Autowired Extensions extensions, @Autowired SignOffs signOffs,
            @Autowired NoticeService notices, @Autowired Summaries summaries, @Autowired Clock clock) {
        scenarios = new AuditScenarios(data, plans, jdbc, reports, progressReports, extensions, signOffs, notices, summaries, clock);
    }

    /** A request ready to be sent, and who sends it. */
    record Call(String actor, Callable<ResultActions> request) {
    }

    /** Builds what an endpoint needs (outside the measured request) and returns the request to send. */
    interface Setup {
        Call prepare() throws Exception;
    }

    /** An endpoint's row: how to call it, and the entry the call must leave. */
    record Row(String entityType, AuditAction action, Setup setup) {
    }

    /** Every audited state-changing endpoint, by "METHOD pattern" as the handler mapping declares it. */
    private Map<String, Row> table() {
        var s = scenarios;
        var rows = new LinkedHashMap<String, Row>();
        // offices, schools, accounts (the administrator)
        rows.put("POST /admin/offices", new Row("OFFICE", CREATE, () -> {
            var name = unique("留痕股");
            return post(s.admin(), "/admin/offices", "name", name, "shortName", name, "displayOrder", "0");
        }));
        rows.put("POST /admin/offices/{id}", new Row("OFFICE", UPDATE,
                () -> submitForm(s.admin(), "/admin/offices/" + s.data().office() + "/edit", "shortName", unique("留股"))));
        rows.put("POST /admin/offices/{id}/active", new Row("OFFICE", DEACTIVATE,
                () -> post(s.admin(), "/admin/offices/" + s.data().office() + "/active", "active", "false")));
        rows.put("POST /admin/schools", new Row("SCHOOL", CREATE,
                () -> post(s.admin(), "/admin/schools", "name", unique("留痕小学"), "kind", "PRIMARY", "township", "留痕镇")));
        rows.put("POST /admin/schools/{id}", new Row("SCHOOL", UPDATE,
                () -> submitForm(s.admin(), "/admin/schools/" + s.data().school() + "/edit", "township", "另一镇")));
        rows.put("POST /admin/schools/{id}/active", new Row("SCHOOL", DEACTIVATE,
                () -> post(s.admin(), "/admin/schools/" + s.data().school() + "/active", "active", "false")));
        rows.put("POST /admin/schools/import/confirm", new Row("SCHOOL", CREATE, () -> {
            var browser = browsers.as(s.admin());
            var preview = browser.upload("/admin/schools/import", "学校.csv",
                    csv("学校名称,学校类型,所属乡镇", unique("导入小学") + ",小学,留痕镇"));
            var token = token(preview);
            return new Call(s.admin(), () -> browser.post("/admin/schools/import/confirm", "token", token));
        }));
        rows.put("POST /api/schools", new Row("SCHOOL", CREATE, () -> new Call(s.admin(), () -> mvc.perform(MockMvcRequestBuilders.post("/api/schools")
                .with(user(users.loadUserByUsername(s.admin()))).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + unique("接口留痕小学") + "\",\"kind\":\"PRIMARY\",\"township\":\"留痕镇\"}")))));
        rows.put("POST /admin/users", new Row("USER", CREATE, () -> post(s.admin(), "/admin/users", "username", unique("liuhen"),
                "password", "chushi-mima-1", "displayName", "留痕人", "role", "INSPECTOR", "officeId", "", "schoolId", "",
                "phone", "", "email", "")));
        rows.put("POST /admin/users/{id}", new Row("USER", UPDATE, () -> submitForm(s.admin(),
                "/admin/users/" + s.data().idOf(s.data().user(Role.INSPECTOR)) + "/edit", "displayName", "改名")));
        rows.put("POST /admin/users/{id}/active", new Row("USER", DEACTIVATE, () -> post(s.admin(),
                "/admin/users/" + s.data().idOf(s.data().user(Role.INSPECTOR)) + "/active", "active", "false")));
        rows.put("POST /admin/users/{id}/password", new Row("USER", RESET_PASSWORD, () -> post(s.admin(),
                "/admin/users/" + s.data().idOf(s.data().user(Role.INSPECTOR)) + "/password",
                "newPassword", "xin-mima-2026")));
        rows.put("POST /admin/users/import/confirm", new Row("USER", CREATE, () -> {
            var browser = browsers.as(s.admin());
            var preview = browser.upload("/admin/users/import", "账号.csv",
                    csv("姓名,登录名,角色,所属股室,所属学校,手机,邮箱,初始密码", "留痕," + unique("daoru") + ",督学,,,,,"),
                    "defaultPassword", "chushi-mima-1");
            var token = token(preview);
            return new Call(s.admin(), () -> browser.post("/admin/users/import/confirm", "token", token));
        }));
        rows.put("POST /account/password", new Row("USER", CHANGE_PASSWORD, () -> {
            var own = s.data().user(Role.INSPECTOR);
            return post(own, "/account/password", "currentPassword", TestData.PASSWORD,
                    "newPassword", "xin-mima-2026", "confirmPassword", "xin-mima-2026");
        }));
        // notification channels (the administrator) and everyone's own notification settings
        rows.put("POST /admin/robots", new Row("NOTIFICATION_ROBOT", CREATE, () -> post(s.admin(), "/admin/robots", "scope", "SCHOOL",
                "schoolId", Long.toString(s.data().school()), "platform", "WECOM", "webhook", WECOM_WEBHOOK + UUID.randomUUID())));
        rows.put("POST /admin/robots/{id}", new Row("NOTIFICATION_ROBOT", UPDATE,
                () -> submitForm(s.admin(), "/admin/robots/" + robot(s) + "/edit", "webhook", WECOM_WEBHOOK + UUID.randomUUID())));
        rows.put("POST /admin/robots/{id}/delete", new Row("NOTIFICATION_ROBOT", DELETE,
                () -> post(s.admin(), "/admin/robots/" + robot(s) + "/delete", "version", "0")));
        rows.put("POST /admin/deliveries/{id}/retry", new Row("NOTIFICATION_DELIVERY", UPDATE,
                () -> post(s.admin(), "/admin/deliveries/" + givenUp(s) + "/retry")));
        rows.put("POST /account/notifications", new Row("NOTIFICATION_SETTINGS", UPDATE, () -> post(s.data().user(Role.PRINCIPAL),
                "/account/notifications", "email", "REMINDERS", "robot", "NOTICES", "digest", "PLANS", "digestByEmail", "true")));
        // plans and their workflow (the general office)
        rows.put("POST /plans", new Row("PLAN", CREATE, () -> post(s.coordinator(), "/plans", "year", Integer.toString(s.year()),
                "title", unique("留痕工作要点"), "kind", "WORK_POINTS", "numbering", "CONTINUOUS", "preamble", "指导思想。")));
        rows.put("POST /plans/{id}", new Row("PLAN", UPDATE,
                () -> submitForm(s.coordinator(), "/plans/" + s.draft().plan() + "/edit", "title", unique("改过的工作要点"))));
        rows.put("POST /plans/{id}/submit", new Row("PLAN", SEND_FOR_REVIEW,
                () -> post(s.coordinator(), "/plans/" + s.draft().plan() + "/submit")));
        rows.put("POST /plans/{id}/return", new Row("PLAN", RETURN,
                () -> post(s.coordinator(), "/plans/" + s.inReview().plan() + "/return")));
        rows.put("POST /plans/{id}/publish", new Row("PLAN", PUBLISH, () -> post(s.coordinator(),
                "/plans/" + s.inReview().plan() + "/publish", "documentNumber", "留教〔2026〕9号", "issueDate", s.today().toString())));
        rows.put("POST /plans/{id}/close", new Row("PLAN", CLOSE, () -> post(s.coordinator(), "/plans/" + s.published().plan() + "/close")));
        rows.put("POST /plans/{id}/delete", new Row("PLAN", DELETE, () -> post(s.coordinator(), "/plans/" + s.draft().plan() + "/delete")));
        rows.put("POST /plans/{id}/copy", new Row("PLAN", COPY, () -> post(s.coordinator(), "/plans/" + s.published().plan() + "/copy",
                "year", Integer.toString(s.year() + 1), "title", unique("下年度工作要点"))));
        rows.put("POST /plans/import/confirm", new Row("PLAN", IMPORT, () -> {
            var browser = browsers.as(s.coordinator());
            var read = browser.post("/plans/import", "text", unique("留痕") + "县教育局" + s.year() + "年工作要点\n一、第一章\n1.推进留痕工作。于3月31日前完成。")
                    .andReturn().getResponse().getRedirectedUrl();
            assertThat(read).as("the preview").startsWith("/plans/import/");
            var token = read.substring("/plans/import/".length());
            return new Call(s.coordinator(), () -> browser.post("/plans/import/confirm", "token", token, "plan", "0"));
        }));
        rows.put("POST /plans/{id}/reporting", new Row("PLAN", UPDATE, () -> {
            var plan = s.published().plan();
            int dueDay = jdbc.sql("select report_due_day from plan where id = :id").param("id", plan).query(Integer.class).single();
            return post(s.coordinator(), "/plans/" + plan + "/reporting", "cycle", "MONTHLY", "dueDay", Integer.toString(dueDay % 28 + 1));
        }));
        // the outline
        rows.put("POST /plans/{planId}/nodes", new Row("CHAPTER", CREATE,
                () -> post(s.coordinator(), "/plans/" + s.draft().plan() + "/nodes", "kind", "CHAPTER", "headline", "新的一章")));
        rows.put("POST /plans/{planId}/nodes/{nodeId}/rename", new Row("CHAPTER", UPDATE, () -> {
            var draft = s.draft();
            return post(s.coordinator(), "/plans/" + draft.plan() + "/nodes/" + draft.chapter() + "/rename", "headline", "改名的一章",
                    "version", Long.toString(s.version("plan_node", draft.chapter())));
        }));
        rows.put("POST /plans/{planId}/nodes/{nodeId}/move", new Row("CHAPTER", MOVE, () -> {
            var draft = s.draft();
            return post(s.coordinator(), "/plans/" + draft.plan() + "/nodes/" + draft.secondChapter() + "/move", "index", "0");
        }));
        rows.put("POST /plans/{planId}/nodes/{nodeId}/up", new Row("CHAPTER", MOVE, () -> {
            var draft = s.draft();
            return post(s.coordinator(), "/plans/" + draft.plan() + "/nodes/" + draft.secondChapter() + "/up");
        }));
        rows.put("POST /plans/{planId}/nodes/{nodeId}/down", new Row("CHAPTER", MOVE, () -> {
            var draft = s.draft();
            return post(s.coordinator(), "/plans/" + draft.plan() + "/nodes/" + draft.chapter() + "/down");
        }));
        rows.put("POST /plans/{planId}/nodes/{nodeId}/delete", new Row("CHAPTER", DELETE, () -> {
            var draft = s.draft();
            return post(s.coordinator(), "/plans/" + draft.plan() + "/nodes/" + draft.secondChapter() + "/delete");
        }));
        rows.put("POST /plans/{planId}/items", new Row("ITEM", CREATE, () -> {
            var draft = s.draft();
            return submitForm(s.coordinator(), "/plans/" + draft.plan() + "/items/new?parentId=" + draft.chapter(),
                    "headline", "新增的任务。");
        }));
        rows.put("POST /items/{id}", new Row("ITEM", UPDATE,
                () -> submitForm(s.coordinator(), "/items/" + s.draft().item() + "/edit", "body", "改过的具体内容。")));
        rows.put("POST /items/{id}/comments", new Row("ITEM", COMMENT,
                () -> post(s.leader(), "/items/" + s.inReview().item() + "/comments", "comment", "请细化目标。")));
        rows.put("POST /comments/{id}/answer", new Row("ITEM", REPLY,
                () -> post(s.coordinator(), "/comments/" + s.comment() + "/answer", "answer", "已细化为三项指标。")));
        // carrying out: lines, reports, evidence, reminders, extensions, sign-off (the lead office, the school, leaders)
        rows.put("POST /items/{id}/lines", new Row("ASSIGNMENT", CREATE, () -> post(s.leadStaff(),
                "/items/" + s.published().item() + "/lines", "schoolId", Long.toString(s.data().school()))));
        rows.put("POST /lines/{line}", new Row("ASSIGNMENT", UPDATE, () -> {
            var plan = s.published();
            return post(s.leadStaff(), "/lines/" + plan.schoolLine(), "itemId", Long.toString(plan.item()),
                    "deadline", s.today().plusDays(5).toString(), "milestone", "先完成排查",
                    "version", Long.toString(s.version("assignment", plan.schoolLine())));
        }));
        rows.put("POST /lines/{line}/delete", new Row("ASSIGNMENT", DELETE, () -> {
            var plan = s.published();
            return post(s.leadStaff(), "/lines/" + plan.schoolLine() + "/delete", "itemId", Long.toString(plan.item()));
        }));
        rows.put("POST /lines/{line}/remind", new Row("ASSIGNMENT", REMIND,
                () -> post(s.leadStaff(), "/lines/" + s.published().schoolLine() + "/remind")));
        rows.put("POST /lines/{line}/reports/{period}", new Row("REPORT", SUBMIT, () -> post(s.principal(),
                "/lines/" + s.published().schoolLine() + "/reports/" + s.month(), "progress", "IN_PROGRESS", "percent", "30",
                "narrative", "已完成排查。", "action", "send")));
        rows.put("POST /reports/{id}/review", new Row("REPORT", APPROVE, () -> {
            var plan = s.published();
            long report = s.sentReport(plan);
            return post(s.leadStaff(), "/reports/" + report + "/review", "line", Long.toString(plan.schoolLine()),
                    "period", s.month(), "decision", "approve", "version", Long.toString(s.version("progress_report", report)));
        }));
        rows.put("POST /evidence/{id}/delete", new Row("EVIDENCE", DELETE, () -> {
            var plan = s.published();
            return post(s.principal(), "/evidence/" + s.evidence(plan, false) + "/delete", "line", Long.toString(plan.schoolLine()),
                    "period", s.month());
        }));
        rows.put("POST /evidence/{id}/verification", new Row("EVIDENCE", VERIFY, () -> {
            var plan = s.published();
            return post(s.inspector(), "/evidence/" + s.evidence(plan, true) + "/verification",
                    "line", Long.toString(plan.schoolLine()), "period", s.month(), "verdict", "VERIFIED");
        }));
        rows.put("POST /lines/{line}/extensions", new Row("EXTENSION", REQUEST, () -> {
            var plan = s.published();
            return post(s.principal(), "/lines/" + plan.schoolLine() + "/extensions", "itemId", Long.toString(plan.item()),
                    "proposedDeadline", s.today().plusDays(20).toString(), "reason", "设备未到货");
        }));
        rows.put("POST /extensions/{id}/decision", new Row("EXTENSION", REJECT, () -> {
            var plan = s.published();
            long request = s.extension(plan);
            return post(s.leader(), "/extensions/" + request + "/decision", "itemId", Long.toString(plan.item()),
                    "decision", "reject", "comment", "请按原定时限完成", "version", Long.toString(s.version("extension_request", request)));
        }));
        rows.put("POST /extensions/{id}/withdraw", new Row("EXTENSION", WITHDRAW, () -> {
            var plan = s.published();
            return post(s.principal(), "/extensions/" + s.extension(plan) + "/withdraw", "itemId", Long.toString(plan.item()));
        }));
        rows.put("POST /items/{id}/sign-off", new Row("SIGN_OFF", REQUEST, () -> {
            var plan = s.published();
            s.consolidatedDone(plan);
            return post(s.leadStaff(), "/items/" + plan.item() + "/sign-off", "note", "任务全部完成");
        }));
        rows.put("POST /items/{id}/sign-off/decision", new Row("SIGN_OFF", APPROVE, () -> {
            var plan = s.published();
            s.proposeSignOff(plan);
            return post(s.leader(), "/items/" + plan.item() + "/sign-off/decision", "decision", "confirm", "comment", "",
                    "version", Long.toString(s.signOffVersion(plan)));
        }));
        rows.put("POST /items/{id}/sign-off/reopen", new Row("SIGN_OFF", REOPEN, () -> {
            var plan = s.published();
            s.signOff(plan);
            return post(s.leader(), "/items/" + plan.item() + "/sign-off/reopen", "reason", "督查发现问题");
        }));
        // supervision notices (a leader issues to the lead office)
        rows.put("POST /notices", new Row("NOTICE", ISSUE, () -> post(s.leader(), "/notices",
                "itemId", Long.toString(s.published().item()), "matter", "请加快进度。", "replyBy", s.today().plusDays(7).toString())));
        rows.put("POST /notices/{id}/acknowledge", new Row("NOTICE", ACKNOWLEDGE,
                () -> post(s.leadStaff(), "/notices/" + s.notice(s.published(), false, false) + "/acknowledge")));
        rows.put("POST /notices/{id}/reply", new Row("NOTICE", REPLY, () -> {
            long notice = s.notice(s.published(), true, false);
            return post(s.leadStaff(), "/notices/" + notice + "/reply", "reply", "已整改。",
                    "version", Long.toString(s.version("notice", notice)));
        }));
        rows.put("POST /notices/{id}/close", new Row("NOTICE", CLOSE, () -> {
            long notice = s.notice(s.published(), true, true);
            return post(s.leader(), "/notices/" + notice + "/close", "comment", "", "version", Long.toString(s.version("notice", notice)));
        }));
        rows.put("POST /notices/{id}/return", new Row("NOTICE", RETURN, () -> {
            long notice = s.notice(s.published(), true, true);
            return post(s.leader(), "/notices/" + notice + "/return", "comment", "请补充材料",
                    "version", Long.toString(s.version("notice", notice)));
        }));
        // drafted reports (the administrator, as the general office would)
        rows.put("POST /plans/{planId}/summaries", new Row("SUMMARY", CREATE,
                () -> post(s.admin(), "/plans/" + s.published().plan() + "/summaries", "kind", "MID_YEAR")));
        rows.put("POST /summaries/{id}", new Row("SUMMARY", UPDATE,
                () -> submitForm(s.admin(), "/summaries/" + s.summary(false), "#summary-form", "title", "改过的标题")));
        rows.put("POST /summaries/{id}/regenerate", new Row("SUMMARY", REGENERATE, () -> {
            long summary = s.summary(false);
            return post(s.admin(), "/summaries/" + summary + "/regenerate", "version", Long.toString(s.version("summary", summary)));
        }));
        rows.put("POST /summaries/{id}/readers", new Row("SUMMARY", REQUEST, () -> post(s.admin(), "/summaries/" + s.summary(false) + "/readers")));
        rows.put("POST /summaries/{id}/read", new Row("SUMMARY", READ, () -> {
            long summary = s.summary(false);
            jdbc.sql("""
                    insert into summary_reading (summary_id, user_id, requested_by, requested_at) values (:summary, :leader, :admin, now())""")
                    .param("summary", summary).param("leader", s.data().idOf(s.leader())).param("admin", s.data().idOf(s.admin())).update();
            return post(s.leader(), "/summaries/" + summary + "/read");
        }));
        rows.put("POST /summaries/{id}/lock", new Row("SUMMARY", LOCK, () -> {
            long summary = s.summary(false);
            return post(s.admin(), "/summaries/" + summary + "/lock", "version", Long.toString(s.version("summary", summary)));
        }));
        rows.put("POST /summaries/{id}/unlock", new Row("SUMMARY", UNLOCK, () -> {
            long summary = s.summary(true);
            return post(s.admin(), "/summaries/" + summary + "/unlock", "reason", "补充数据",
                    "version", Long.toString(s.version("summary", summary)));
        }));
        // upper-level documents, alignment (对标) and the public page (the general office)
        rows.put("POST /upper-documents/{id}", new Row("UPPER_DOCUMENT", UPDATE,
                () -> submitForm(s.coordinator(), "/upper-documents/" + upperDocument(), "#upper-form", "issuer", "改过的发文机关")));
        rows.put("POST /upper-documents/{id}/delete", new Row("UPPER_DOCUMENT", DELETE, () -> {
            long document = upperDocument();
            return post(s.coordinator(), "/upper-documents/" + document + "/delete", "version",
                    Long.toString(s.version("upper_document", document)));
        }));
        rows.put("POST /plans/{planId}/alignment/links", new Row("ALIGNMENT", CREATE, () -> {
            var draft = s.draft();
            return post(s.coordinator(), "/plans/" + draft.plan() + "/alignment/links", "pointId", Long.toString(point(upperDocument())),
                    "itemId", Long.toString(draft.item()));
        }));
        rows.put("POST /plans/{planId}/alignment/links/delete", new Row("ALIGNMENT", DELETE, () -> {
            var draft = s.draft();
            long point = point(upperDocument());
            jdbc.sql("insert into alignment (point_id, item_id, plan_id, created_by) values (:point, :item, :plan, 'test')")
                    .param("point", point).param("item", draft.item()).param("plan", draft.plan()).update();
            return post(s.coordinator(), "/plans/" + draft.plan() + "/alignment/links/delete", "pointId", Long.toString(point),
                    "itemId", Long.toString(draft.item()));
        }));
        rows.put("POST /plans/{planId}/alignment/items", new Row("ITEM", CREATE, () -> {
            var draft = s.draft();
            return post(s.coordinator(), "/plans/" + draft.plan() + "/alignment/items", "pointId", Long.toString(point(upperDocument())),
                    "parentId", Long.toString(draft.chapter()));
        }));
        rows.put("POST /plans/{planId}/publication", new Row("PUBLICATION", PUBLISH, () -> post(s.coordinator(),
                "/plans/" + s.published().plan() + "/publication", "indexNumber", "留痕-1", "publisher", "留痕县教育局", "subject", "教育",
                "showProgress", "true")));
        rows.put("POST /plans/{planId}/publication/withdraw", new Row("PUBLICATION", WITHDRAW, () -> {
            long plan = s.published().plan();
            jdbc.sql("insert into publication (plan_id, public, updated_by) values (:plan, true, 'test')").param("plan", plan).update();
            return post(s.coordinator(), "/plans/" + plan + "/publication/withdraw", "version", "0");
        }));
        return rows;
    }

    /** A new upper-level document with one point, stored as the demo stores one. */
    private long upperDocument() {
        return upperDocuments.store(new NewUpperDocument(scenarios.year(), unique("留痕市教育局工作要点"), "留痕市教育局", null, null, "",
                Numbering.CONTINUOUS, "", List.of(new NewUpperDocument.Node(NodeKind.CHAPTER, "党建", ""),
                        new NewUpperDocument.Node(NodeKind.ITEM, "加强党的建设", "具体要求。")))).id();
    }

    private long point(long document) {
        return jdbc.sql("select id from upper_point where document_id = :document and linkable").param("document", document)
                .query(Long.class).single();
    }

    @Test
    void everyStateChangingEndpointIsClassified(@Autowired List<RequestMappingInfoHandlerMapping> mappings) {
        var endpoints = new TreeSet<String>();
        for (var mapping : mappings) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                if (isSpringErrorController(handler)) {
                    return;
                }
                var methods = info.getMethodsCondition().getMethods();
                for (var pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add("ANY " + pattern);
                    }
                    methods.stream().filter(CHANGING::contains).forEach(method -> endpoints.add(method + " " + pattern));
                }
            });
        }
        var classified = new TreeSet<String>(table().keySet());
        assertThat(classified).as("endpoints both audited and exempt").doesNotContainAnyElementsOf(UNAUDITED.keySet());
        classified.addAll(UNAUDITED.keySet());
        assertThat(endpoints).as("state-changing endpoints without a row (audited, or why not)").isSubsetOf(classified);
        assertThat(classified).as("rows for endpoints that no longer exist").isSubsetOf(endpoints);
    }

    @TestFactory
    Stream<DynamicTest> everySuccessfulCallLeavesAnAuditEntry() {
        long first = lastEntry();
        var tests = new ArrayList<DynamicTest>();
        table().forEach((endpoint, row) -> tests.add(DynamicTest.dynamicTest(endpoint + " → " + row.entityType() + " " + row.action(),
                () -> callAndCheck(endpoint, row))));
        tests.add(DynamicTest.dynamicTest("what was recorded reads as words in both languages", () -> readable(first)));
        return tests.stream();
    }

    private void callAndCheck(String endpoint, Row row) throws Exception {
        var call = row.setup().prepare();
        long before = lastEntry();
        var result = call.request().call().andReturn();
        succeeded(endpoint, result);
        var entries = jdbc.sql("select entity_type, action, actor from audit_event where id > :before order by id")
                .param("before", before).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
        assertThat(entries).as("%s: the audit entries it left", endpoint)
                .contains(row.entityType() + " " + row.action() + " " + call.actor());
    }

    /** Answered without an error: no error status, no login page, no message of refusal, no form sent back with errors. */
    private static void succeeded(String endpoint, MvcResult result) {
        var response = result.getResponse();
        assertThat(response.getStatus()).as("%s: status", endpoint).isLessThan(400);
        if (response.getRedirectedUrl() != null) {
            assertThat(response.getRedirectedUrl()).as("%s: redirect", endpoint).doesNotContain("/login");
        }
        assertThat(result.getFlashMap().keySet()).as("%s: flash attributes %s", endpoint, result.getFlashMap())
                .noneMatch(key -> key.toLowerCase(Locale.ROOT).contains("error"));
        var view = result.getModelAndView();
        if (view != null) {
            view.getModel().forEach((key, value) -> {
                assertThat(key.toLowerCase(Locale.ROOT)).as("%s: model", endpoint).doesNotContain("error");
                if (value instanceof BindingResult binding) {
                    assertThat(binding.getAllErrors()).as("%s: form errors", endpoint).isEmpty();
                }
            });
        }
    }

    /**
     * The kinds of record, actions and fields of every entry the calls above left (their fixtures' included) have
     * words of their own in Chinese and in English: none is shown as its code.
     */
    private void readable(long first) {
        var entries = jdbc.sql("""
                select distinct e.entity_type, e.action, f.field from audit_event e
                left join lateral jsonb_object_keys(e.changes) as f (field) on true where e.id > :first""")
                .param("first", first).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        assertThat(entries).hasSizeGreaterThan(50);
        for (var locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            LocaleContextHolder.setLocale(locale);
            try {
                var unnamed = new TreeSet<String>();
                for (var entry : entries) {
                    var type = entry[0];
                    if (labels.type(type).equals(type)) {
                        unnamed.add("kind " + type);
                    }
                    var action = AuditAction.valueOf(entry[1]);
                    if (labels.action(action).equals(action.name())) {
                        unnamed.add("action " + action);
                    }
                    if (entry[2] != null && labels.field(type, entry[2]).equals(entry[2])) {
                        unnamed.add("field " + type + "." + entry[2]);
                    }
                }
                assertThat(unnamed).as("shown as codes in %s", locale).isEmpty();
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
        }
    }

    private static final String WECOM_WEBHOOK = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=";

    /** A school's group robot (the school has nobody to post to). */
    private long robot(AuditScenarios s) {
        return jdbc.sql("insert into notification_robot (scope, school_id, platform, webhook) values ('SCHOOL', :school, 'WECOM', :webhook) returning id")
                .param("school", s.data().school()).param("webhook", WECOM_WEBHOOK + UUID.randomUUID()).query(Long.class).single();
    }

    /** A message to a school's robot, given up. */
    private long givenUp(AuditScenarios s) {
        long robot = robot(s);
        long person = s.data().idOf(s.data().user(Role.PRINCIPAL));
        long notification = jdbc.sql("""
                insert into notification (user_id, message_key, args) values (:user, 'notification.reminder.line', '["留痕", "留痕任务。"]') returning id""")
                .param("user", person).query(Long.class).single();
        return jdbc.sql("""
                insert into notification_delivery (channel, robot_id, notification_id, state, attempts, next_attempt_at, last_error, queued_at)
                values ('ROBOT', :robot, :notification, 'FAILED', 24, now(), 'HTTP 502', now() - interval '1 day') returning id""")
                .param("robot", robot).param("notification", notification).query(Long.class).single();
    }

    private long lastEntry() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
    }

    private Call post(String login, String url, String... fields) {
        var browser = browsers.as(login);
        return new Call(login, () -> browser.post(url, fields));
    }

    /** Opens the page's form (the main one, or the one the selector names), changes the fields given and prepares to send it. */
    private Call submitForm(String login, String page, String... changes) throws Exception {
        var browser = browsers.as(login);
        var selector = changes.length % 2 == 1 ? changes[0] : null;
        var loaded = browser.page(page);
        var form = selector == null ? loaded.form() : loaded.form(selector);
        for (int i = selector == null ? 0 : 1; i < changes.length; i += 2) {
            form.set(changes[i], changes[i + 1]);
        }
        return new Call(login, () -> browser.submit(form));
    }

    private static boolean isSpringErrorController(HandlerMethod handler) {
        return org.springframework.boot.web.servlet.error.ErrorController.class.isAssignableFrom(handler.getBeanType());
    }
}
