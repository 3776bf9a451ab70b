package cn.workplan.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.execution.Extensions;
import cn.workplan.execution.Progress;
import cn.workplan.execution.ProgressReports;
import cn.workplan.execution.ReportData;
import cn.workplan.execution.SignOffs;
import cn.workplan.execution.Upload;
import cn.workplan.plan.Numbering;
import cn.workplan.summary.NewSummary;
import cn.workplan.summary.Summaries;
import cn.workplan.summary.SummaryKind;
import cn.workplan.supervision.NoticeData;
import cn.workplan.supervision.NoticeService;
import cn.workplan.supervision.ReplyData;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.PlanBuilder;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;
import cn.workplan.support.TestReports;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The records {@link AuditCoverageTest} calls its endpoints on, made through the real services: plans in each status
 * and a published one with a lead office and a responsible school, reports, evidence, requests, notices, drafted
 * reports. The people are made once and shared (the lead office's staff, the school's principal, a leader, an
 * inspector, the general office, an administrator); every scenario is a plan of its own, so no call finds what
 * another changed. Plans are of the current year, so that its months have begun. Not a bean: it needs the test
 * support of {@code @IntegrationTest}, which other application contexts do not have.
 */
final class AuditScenarios {

    private final TestData data;
    private final TestPlans plans;
    private final JdbcClient jdbc;
    private final TestReports reports;
    private final ProgressReports progressReports;
    private final Extensions extensions;
    private final SignOffs signOffs;
    private final NoticeService notices;
    private final Summaries summaries;
    private final Clock clock;

    private String admin;
    private String leader;
    private String inspector;
    private String coordinator;
    private long leadOffice;
    private String leadStaff;
    private long school;
    private String principal;

    AuditScenarios(TestData data, TestPlans plans, JdbcClient jdbc, TestReports reports, ProgressReports progressReports,
            Extensions extensions, SignOffs signOffs, NoticeService notices, Summaries summaries, Clock clock) {
        this.data = data;
        this.plans = plans;
        this.jdbc = jdbc;
        this.reports = reports;
        this.progressReports = progressReports;
        this.extensions = extensions;
        this.signOffs = signOffs;
        this.notices = notices;
        this.summaries = summaries;
        this.clock = clock;
    }

    /** A draft with two chapters, and a task item in the first. */
    record Draft(long plan, long chapter, long secondChapter, long item) {
    }

    /** A published plan: one item led by the shared lead office, the shared school responsible for it. */
    record Published(long plan, long chapter, long item, long leadLine, long schoolLine) {
    }

    TestData data() {
        return data;
    }

    synchronized String admin() {
        return admin == null ? admin = data.user(Role.ADMIN) : admin;
    }

    synchronized String leader() {
        return leader == null ? leader = data.user(Role.LEADER) : leader;
    }

    synchronized String inspector() {
        return inspector == null ? inspector = data.user(Role.INSPECTOR) : inspector;
    }

    synchronized String coordinator() {
        return coordinator == null ? coordinator = data.coordinator() : coordinator;
    }

    synchronized String leadStaff() {
        if (leadStaff == null) {
            leadOffice = data.office();
            leadStaff = data.staffOf(leadOffice);
        }
        return leadStaff;
    }

    synchronized String principal() {
        if (principal == null) {
            school = data.school();
            principal = data.user(Role.PRINCIPAL, null, school);
        }
        return principal;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    int year() {
        return today().getYear();
    }

    /** The current month as the reporting pages write it (2026-12): begun, in the plans' year. */
    String month() {
        return YearMonth.now(clock).toString();
    }

    private LocalDate period() {
        return YearMonth.now(clock).atDay(1);
    }

    Draft draft() {
        var plan = plans.draft(login(coordinator()), year(), Numbering.CONTINUOUS);
        long chapter = plan.chapter("第一章");
        long second = plan.chapter("第二章");
        return new Draft(plan.id(), chapter, second, plan.item(chapter, "起草中的任务。"));
    }

    Draft inReview() {
        var plan = plans.draft(login(coordinator()), year(), Numbering.CONTINUOUS);
        long chapter = plan.chapter("第一章");
        long item = plan.item(chapter, "审阅中的任务。");
        plan.submit();
        return new Draft(plan.id(), chapter, 0, item);
    }

    /** A leader's open comment on an item of a plan in review; returns its id. */
    long comment() {
        long item = inReview().item();
        return jdbc.sql("""
                insert into plan_comment (plan_id, node_id, author_id, body)
                select n.plan_id, n.id, :leader, '请细化目标。' from plan_node n where n.id = :item returning id""")
                .param("leader", data.idOf(leader())).param("item", item).query(Long.class).single();
    }

    Published published() {
        leadStaff();
        principal();
        PlanBuilder plan = plans.draft(login(coordinator()), year(), Numbering.CONTINUOUS);
        long chapter = plan.chapter("第一章");
        long item = plan.item(chapter, ItemSpec.item("推进留痕工作。").lead(leadOffice).schools(school)
                .due(today().plusDays(10)).target("覆盖率", ">=", "90", "%"));
        plan.publish();
        return new Published(plan.id(), chapter, item, line(item, "kind = 'LEAD'"), line(item, "school_id is not null"));
    }

    long version(String table, long id) {
        // the table names come from the test's own code, never from input
        return jdbc.sql("select version from " + table + " where id = :id").param("id", id).query(Long.class).single();
    }

    /** The school's report of this month, sent; returns its id. */
    long sentReport(Published plan) {
        reports.send(plan.schoolLine(), period(), Progress.IN_PROGRESS, 40, "排查过半。", Map.of(), login(principal()));
        return report(plan.schoolLine());
    }

    /** A photo on the school's report of this month (a draft, or sent); returns the file's id. */
    long evidence(Published plan, boolean sent) {
        long report = progressReports.save(plan.schoolLine(), period(), new ReportData(Progress.IN_PROGRESS, 20, "现场照片。", Map.of(), null),
                List.of(new Upload("照片.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})), sent, login(principal()));
        return jdbc.sql("select id from evidence where report_id = :report").param("report", report).query(Long.class).single();
    }

    /** The school's request for a later deadline, waiting; returns its id. */
    long extension(Published plan) {
        return extensions.request(plan.schoolLine(), today().plusDays(20), "设备未到货", login(principal()));
    }

    /** The lead office's consolidated report says the item is done. */
    void consolidatedDone(Published plan) {
        reports.send(plan.leadLine(), period(), Progress.DONE, 100, "全部完成。", Map.of(), login(leadStaff()));
    }

    void proposeSignOff(Published plan) {
        consolidatedDone(plan);
        signOffs.propose(plan.item(), "任务全部完成", login(leadStaff()));
    }

    long signOffVersion(Published plan) {
        return jdbc.sql("select version from sign_off where item_id = :item").param("item", plan.item()).query(Long.class).single();
    }

    void signOff(Published plan) {
        proposeSignOff(plan);
        signOffs.decide(plan.item(), true, "", signOffVersion(plan), login(leader()));
    }

    /** A notice to the lead office on the item, acknowledged and replied to as asked; returns its id. */
    long notice(Published plan, boolean acknowledged, boolean replied) {
        long id = notices.issue(new NoticeData(plan.item(), null, "请加快进度。", today().plusDays(7)), login(leader()));
        if (acknowledged) {
            notices.acknowledge(id, login(leadStaff()));
        }
        if (replied) {
            notices.reply(id, new ReplyData("已整改。", version("notice", id)), login(leadStaff()));
        }
        return id;
    }

    /** The mid-year summary of a published plan, drafted by the administrator and locked as asked; returns its id. */
    long summary(boolean locked) {
        long id = summaries.create(published().plan(), new NewSummary(SummaryKind.MID_YEAR, null, null), login(admin())).id();
        if (locked) {
            summaries.lock(id, version("summary", id), login(admin()));
        }
        return id;
    }

    private long report(long line) {
        return jdbc.sql("select id from progress_report where assignment_id = :line and period_start = :period")
                .param("line", line).param("period", period()).query(Long.class).single();
    }

    private long line(long item, String which) {
        return jdbc.sql("select id from assignment where item_id = :item and " + which).param("item", item).query(Long.class).single();
    }

    private CurrentUser login(String login) {
        return data.login(login);
    }
}
