package cn.workplan.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.execution.Extensions;
import cn.workplan.execution.Progress;
import cn.workplan.execution.ProgressReports;
import cn.workplan.execution.ReportData;
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
import cn.workplan.support.PlanBuilder;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;
import cn.workplan.system.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every role's to-do list (待办, issue #14): what appears when something waits for the person, with a link to where it is
 * done and its due day, oldest due first, and gone once done. The tests share the database with others: each looks
 * only at the entries of its own plan (by their links).
 */
@IntegrationTest
class ToDoListsTest {

    private static final int YEAR = TestPlans.YEAR;

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    TestPlans testPlans;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ToDoQueries toDos;
    @Autowired
    List<cn.workplan.notification.DigestSource> digestSources;
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
    NoticeService notices;
    @Autowired
    Summaries summaries;
    @Autowired
    SummaryReadings readings;

    long leadOffice;
    long school;
    CurrentUser leader;
    CurrentUser head;
    CurrentUser staff;
    CurrentUser principal;
    CurrentUser inspector;
    PlanBuilder draft;
    long item;

    @BeforeEach
    void aPlanBeingDrafted() {
        clock.today(LocalDate.of(YEAR, 1, 8));
        leadOffice = data.office();
        school = data.school();
        leader = data.login(data.user(Role.LEADER));
        head = headOf(leadOffice, leader.id());
        staff = data.login(data.staffOf(leadOffice));
        principal = data.login(data.user(Role.PRINCIPAL, null, school));
        inspector = data.login(data.user(Role.INSPECTOR));
        draft = testPlans.draft();
        item = draft.item(draft.chapter("教育教学"), ItemSpec.item("推进集团化办学。").lead(leadOffice).schools(school).dueMonthEnd(6)
                .quarters("", "组建集团", "", ""));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void drafting_theLeadersReviewTheGeneralOfficeAnswersAndAssigns() throws Exception {
        long unassigned = draft.item(null, "加强教育督导。");
        var office = draft.by();
        assertThat(entries(office, ToDoKind.ITEM_UNASSIGNED)).containsExactly("/items/" + unassigned + "/edit");

        plans.submit(draft.id(), office);
        assertThat(entries(leader, ToDoKind.PLAN_REVIEW)).containsExactly("/plans/" + draft.id());
        // the same list by account id, written out, for a digest sent without a request of the leader's
        var title = jdbc.sql("select title from plan where id = :id").param("id", draft.id()).query(String.class).single();
        assertThat(toDos.entries(leader.id(), LocalDate.of(YEAR, 1, 8), java.util.Locale.SIMPLIFIED_CHINESE))
                .filteredOn(e -> e.link().equals("/plans/" + draft.id()))
                .singleElement().satisfies(e -> assertThat(e.title()).isEqualTo("审核《" + title + "》"));
        assertThat(toDos.entries(-1, LocalDate.of(YEAR, 1, 8), java.util.Locale.SIMPLIFIED_CHINESE)).as("no such account").isEmpty();
        // the daily digest opens with the same list (the notification module's unread messages follow)
        var digestOpens = digestSources.get(0).itemsFor(leader.id(), LocalDate.of(YEAR, 1, 8).atStartOfDay(clock.getZone()).toInstant());
        assertThat(digestSources.get(0)).isInstanceOf(ToDoDigest.class);
        assertThat(digestOpens).filteredOn(item -> ("/plans/" + draft.id()).equals(item.link()))
                .singleElement().satisfies(item -> assertThat(item.text()).startsWith("审核《" + title + "》"));
        outline.comment(item, "请明确集团数量。", leader);
        long comment = jdbc.sql("select id from plan_comment where node_id = :item").param("item", item).query(Long.class).single();
        assertThat(entries(office, ToDoKind.COMMENT_ANSWER)).containsExactly("/items/" + item + "#comment-" + comment);
        var entry = list(office).of(ToDoKind.COMMENT_ANSWER).stream().filter(e -> e.link().contains("#comment-" + comment)).findFirst().orElseThrow();
        assertThat(entry.from()).isEqualTo(leader.displayName());

        // the text is frozen only once every comment is answered
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> plans.publish(draft.id(), new PublishData("测教〔2030〕3号", LocalDate.of(YEAR, 1, 8)), leader))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("plan.error.openComments"));
        outline.answer(comment, "已明确为3个。", office);
        assertThat(entries(office, ToDoKind.COMMENT_ANSWER)).isEmpty();
        outline.delete(unassigned, office);
        assertThat(entries(office, ToDoKind.ITEM_UNASSIGNED)).isEmpty();

        plans.publish(draft.id(), new PublishData("测教〔2030〕3号", LocalDate.of(YEAR, 1, 8)), leader);
        assertThat(entries(leader, ToDoKind.PLAN_REVIEW)).isEmpty();
        // publishing puts the school's task on its principal's list, due on the period's due day
        var due = list(principal).of(ToDoKind.REPORT_DUE);
        assertThat(due).extracting(ToDo::link).containsExactly("/lines/" + line("school_id", school) + "/reports/2030-01");
        assertThat(due.get(0).due()).isEqualTo(LocalDate.of(YEAR, 1, 25));
        assertThat(entries(staff, ToDoKind.CONSOLIDATED_DUE)).containsExactly("/lines/" + line("office_id", leadOffice) + "/reports/2030-01");
    }

    @Test
    void reporting_sentReturnedCorrectedApproved() {
        publish();
        long line = line("school_id", school);
        clock.today(LocalDate.of(YEAR, 3, 10));
        assertThat(entries(principal, ToDoKind.REPORT_DUE)).containsExactly("/lines/" + line + "/reports/2030-03");
        long report = reports.save(line, LocalDate.of(YEAR, 3, 1), new ReportData(Progress.IN_PROGRESS, 30, "组建筹备组。", Map.of(), null),
                List.of(new Upload("照片.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})), true, principal);
        assertThat(entries(principal, ToDoKind.REPORT_DUE)).isEmpty();
        assertThat(list(staff).of(ToDoKind.REPORT_REVIEW)).filteredOn(e -> e.link().equals("/lines/" + line + "/reports/2030-03"))
                .singleElement().satisfies(e -> assertThat(e.count()).isEqualTo(1));
        assertThat(list(inspector).of(ToDoKind.EVIDENCE_VERIFY)).anySatisfy(e -> assertThat(e.link()).isEqualTo("/lines/" + line + "/reports/2030-03"));

        reports.review(report, false, "请补充成员校名单。", version("progress_report", report), staff);
        assertThat(entries(staff, ToDoKind.REPORT_REVIEW)).doesNotContain("/lines/" + line + "/reports/2030-03");
        var returned = list(principal).of(ToDoKind.REPORT_RETURNED);
        assertThat(returned).extracting(ToDo::link).containsExactly("/lines/" + line + "/reports/2030-03");
        assertThat(returned.get(0).args()).contains("请补充成员校名单。");
        reports.save(line, LocalDate.of(YEAR, 3, 1), new ReportData(Progress.IN_PROGRESS, 30, "成员校5所。", Map.of(), version("progress_report", report)),
                List.of(), true, principal);
        assertThat(entries(principal, ToDoKind.REPORT_RETURNED)).isEmpty();
        reports.review(report, true, "", version("progress_report", report), staff);
        assertThat(entries(staff, ToDoKind.REPORT_REVIEW)).doesNotContain("/lines/" + line + "/reports/2030-03");

        long evidence = jdbc.sql("select id from evidence where report_id = :report").param("report", report).query(Long.class).single();
        reports.verify(evidence, true, "", inspector);
        assertThat(list(inspector).of(ToDoKind.EVIDENCE_VERIFY)).noneSatisfy(e -> assertThat(e.link()).contains("/lines/" + line + "/"));
    }

    @Test
    void leadOffice_linesOverdueAndLagging_extensions_signOff() {
        publish();
        long line = line("school_id", school);
        clock.today(LocalDate.of(YEAR, 7, 5));
        var lagging = list(staff).of(ToDoKind.LINES_LAGGING);
        assertThat(lagging).extracting(ToDo::link).containsExactly("/items/" + item + "/lines");
        assertThat(lagging.get(0).args()).containsExactly("推进集团化办学。", 1, 0);
        assertThat(lagging.get(0).due()).as("the deadline the line missed").isEqualTo(LocalDate.of(YEAR, 6, 30));

        extensions.request(line, LocalDate.of(YEAR, 9, 30), "场地改造推迟。", principal);
        long request = jdbc.sql("select id from extension_request where assignment_id = :line").param("line", line).query(Long.class).single();
        assertThat(entries(head, ToDoKind.EXTENSION_DECIDE)).containsExactly("/approvals#extension-" + request);
        assertThat(entries(staff, ToDoKind.EXTENSION_DECIDE)).as("only the head decides").isEmpty();
        extensions.decide(request, true, "", version("extension_request", request), head);
        assertThat(entries(head, ToDoKind.EXTENSION_DECIDE)).isEmpty();
        assertThat(entries(principal, ToDoKind.EXTENSION_DECIDED)).containsExactly("/items/" + item + "/lines");
        assertThat(list(staff).of(ToDoKind.LINES_LAGGING)).as("no longer overdue, still behind its schedule (Q2's milestone)")
                .singleElement().satisfies(e -> assertThat(e.args()).containsExactly("推进集团化办学。", 0, 1));
        clock.today(LocalDate.of(YEAR, 7, 20));
        assertThat(entries(principal, ToDoKind.EXTENSION_DECIDED)).as("told for a week").isEmpty();

        reports.save(line("office_id", leadOffice), LocalDate.of(YEAR, 7, 1), new ReportData(Progress.DONE, 100, "三个集团均已挂牌。", Map.of(), null),
                List.of(), true, staff);
        signOffs.propose(item, "三个集团均已挂牌。", staff);
        assertThat(entries(leader, ToDoKind.SIGN_OFF)).containsExactly("/approvals#sign-off-" + item);
        signOffs.decide(item, true, "", version("sign_off", item), leader);
        assertThat(entries(leader, ToDoKind.SIGN_OFF)).isEmpty();
        assertThat(entries(principal, ToDoKind.REPORT_DUE)).as("a signed-off item reports no more").isEmpty();
    }

    @Test
    void notices_signAnswerReviewEscalate() {
        publish();
        clock.today(LocalDate.of(YEAR, 3, 10));
        long toSchool = notices.issue(new NoticeData(item, line("school_id", school), "请报送成员校名单。", LocalDate.of(YEAR, 3, 20)), leader);
        var entry = list(principal).of(ToDoKind.NOTICE_ACKNOWLEDGE);
        assertThat(entry).extracting(ToDo::link).containsExactly("/notices/" + toSchool);
        assertThat(entry.get(0).due()).isEqualTo(LocalDate.of(YEAR, 3, 20));
        notices.acknowledge(toSchool, principal);
        assertThat(entries(principal, ToDoKind.NOTICE_ACKNOWLEDGE)).isEmpty();
        assertThat(entries(principal, ToDoKind.NOTICE_REPLY)).containsExactly("/notices/" + toSchool);
        notices.reply(toSchool, new ReplyData("名单已报送。", version("notice", toSchool)), principal);
        assertThat(entries(principal, ToDoKind.NOTICE_REPLY)).isEmpty();
        assertThat(entries(leader, ToDoKind.NOTICE_REPLY_REVIEW)).containsExactly("/notices/" + toSchool);
        notices.sendBack(toSchool, new ReviewData("请附名单。", version("notice", toSchool)), leader);
        assertThat(entries(principal, ToDoKind.NOTICE_REPLY)).as("answered again").containsExactly("/notices/" + toSchool);
        notices.reply(toSchool, new ReplyData("名单附后。", version("notice", toSchool)), principal);
        notices.close(toSchool, new ReviewData("", version("notice", toSchool)), leader);
        assertThat(entries(leader, ToDoKind.NOTICE_REPLY_REVIEW)).isEmpty();

        long toOffice = notices.issue(new NoticeData(item, null, "请说明进展。", LocalDate.of(YEAR, 3, 12)), data.login(data.user(Role.LEADER)));
        assertThat(entries(staff, ToDoKind.NOTICE_ACKNOWLEDGE)).containsExactly("/notices/" + toOffice);
        notices.escalateOverdue(LocalDate.of(YEAR, 3, 13));
        assertThat(entries(leader, ToDoKind.NOTICE_ESCALATED)).as("the leader in charge of the office").containsExactly("/notices/" + toOffice);
        notices.acknowledge(toOffice, staff);
        notices.reply(toOffice, new ReplyData("已推进。", version("notice", toOffice)), staff);
        assertThat(entries(leader, ToDoKind.NOTICE_ESCALATED)).isEmpty();
    }

    @Test
    void theGeneralOffice_lowRateAndReportsToDraft_theLeadersRead() {
        publish();
        var office = draft.by();
        clock.today(LocalDate.of(YEAR, 2, 22));
        var low = list(office).of(ToDoKind.PERIOD_LOW_RATE).stream().filter(e -> e.args().get(0).equals(title())).toList();
        assertThat(low).extracting(ToDo::link).containsExactly("/dashboard/items?plan=" + draft.id() + "&unreported=true");
        assertThat(low.get(0).due()).isEqualTo(LocalDate.of(YEAR, 2, 25));
        clock.today(LocalDate.of(YEAR, 2, 10));
        assertThat(list(office).of(ToDoKind.PERIOD_LOW_RATE)).as("not closing yet").noneMatch(e -> e.args().get(0).equals(title()));

        clock.today(LocalDate.of(YEAR, 4, 3));
        var link = "/plans/" + draft.id() + "/summaries/new?kind=MONTHLY&month=3";
        assertThat(entries(office, ToDoKind.SUMMARY_DRAFT)).contains(link);
        long summary = summaries.create(draft.id(), new NewSummary(SummaryKind.MONTHLY, 3, null), office).id();
        assertThat(entries(office, ToDoKind.SUMMARY_DRAFT)).doesNotContain(link);

        readings.ask(summary, office);
        assertThat(entries(leader, ToDoKind.SUMMARY_READ)).containsExactly("/summaries/" + summary);
        readings.read(summary, leader);
        assertThat(entries(leader, ToDoKind.SUMMARY_READ)).isEmpty();
    }

    @Test
    void theListIsOldestDueFirstOnTheHomePageAndCountedInTheNavbar() throws Exception {
        publish();
        clock.today(LocalDate.of(YEAR, 3, 10));
        long toSchool = notices.issue(new NoticeData(item, line("school_id", school), "请报送成员校名单。", LocalDate.of(YEAR, 3, 15)), leader);
        var list = list(principal);
        assertThat(list.entries()).extracting(ToDo::kind).containsSubsequence(ToDoKind.NOTICE_ACKNOWLEDGE, ToDoKind.REPORT_DUE);
        assertThat(list.entries()).extracting(ToDo::due).isSortedAccordingTo(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));

        var home = Jsoup.parse(mvc.perform(get("/").with(user(principal))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        var rows = home.select("#todo .todo-entry");
        assertThat(rows).hasSize(list.count());
        assertThat(rows.get(0).attr("href")).isEqualTo("/notices/" + toSchool);
        assertThat(rows.get(0).text()).contains("签收", "推进集团化办学", "2030年3月15日前", leader.displayName());
        assertThat(home.select("#todo").first().previousElementSibling().previousElementSibling().id())
                .as("first on the page, after the greeting").isEqualTo("school-name");

        var count = Jsoup.parse(mvc.perform(get("/todo/count").with(user(principal))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(count.select("#todo-count .badge").text()).isEqualTo(Integer.toString(list.count()));
        assertThat(count.select("#todo-count").attr("href")).isEqualTo("/todo");
        var all = Jsoup.parse(mvc.perform(get("/todo").with(user(principal))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(all.select("#todo .todo-entry").eachAttr("href")).isEqualTo(rows.eachAttr("href"));
    }

    @Test
    void theHomePageWritesOutTwelveAndTheWholeListIsOnItsPage() throws Exception {
        publish();
        clock.today(LocalDate.of(YEAR, 3, 10));
        for (int i = 0; i < 13; i++) {
            notices.issue(new NoticeData(item, line("school_id", school), "请报送材料" + i + "。", LocalDate.of(YEAR, 3, 15 + i)), leader);
        }
        var list = list(principal);
        assertThat(list.count()).isGreaterThan(13);

        var home = Jsoup.parse(mvc.perform(get("/").with(user(principal))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(home.select("#todo .todo-entry")).hasSize(12);
        assertThat(home.select("#todo-total").text()).isEqualTo(Integer.toString(list.count()));
        assertThat(home.select("#todo-more").attr("href")).isEqualTo("/todo");
        assertThat(home.select("#todo-more").text()).isEqualTo("还有 " + (list.count() - 12) + " 项，查看全部");
        var all = Jsoup.parse(mvc.perform(get("/todo").with(user(principal))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(all.select("#todo .todo-entry").eachAttr("href"))
                .containsExactlyElementsOf(list.entries().stream().map(ToDo::link).toList())
                .startsWith(home.select("#todo .todo-entry").eachAttr("href").toArray(String[]::new));
    }

    private void publish() {
        draft.publish();
    }

    private String title() {
        return jdbc.sql("select title from plan where id = :id").param("id", draft.id()).query(String.class).single();
    }

    private ToDoList list(CurrentUser user) {
        return toDos.of(user);
    }

    /** The links of the person's entries of the kind that are about this test's plan. */
    private List<String> entries(CurrentUser user, ToDoKind kind) {
        return list(user).of(kind).stream().map(ToDo::link).filter(this::ours).toList();
    }

    private boolean ours(String link) {
        var id = link.replaceAll("^/[a-z-]+/(\\d+).*$", "$1");
        if (link.startsWith("/plans/")) {
            return id.equals(Long.toString(draft.id()));
        }
        if (link.startsWith("/items/")) {
            return jdbc.sql("select count(*) from plan_node where id = :id and plan_id = :plan").param("id", Long.parseLong(id))
                    .param("plan", draft.id()).query(Integer.class).single() > 0;
        }
        if (link.startsWith("/lines/")) {
            return jdbc.sql("select count(*) from assignment where id = :id and plan_id = :plan").param("id", Long.parseLong(id))
                    .param("plan", draft.id()).query(Integer.class).single() > 0;
        }
        if (link.startsWith("/notices/")) {
            return jdbc.sql("select count(*) from notice where id = :id and plan_id = :plan").param("id", Long.parseLong(id))
                    .param("plan", draft.id()).query(Integer.class).single() > 0;
        }
        if (link.startsWith("/summaries/")) {
            return jdbc.sql("select count(*) from summary where id = :id and plan_id = :plan").param("id", Long.parseLong(id))
                    .param("plan", draft.id()).query(Integer.class).single() > 0;
        }
        if (link.startsWith("/approvals#extension-")) {
            return jdbc.sql("select count(*) from extension_request e join plan_node n on n.id = e.item_id where e.id = :id and n.plan_id = :plan")
                    .param("id", Long.parseLong(link.substring(link.lastIndexOf('-') + 1))).param("plan", draft.id()).query(Integer.class).single() > 0;
        }
        if (link.startsWith("/approvals#sign-off-")) {
            return link.endsWith("-" + item);
        }
        return true;
    }

    private CurrentUser headOf(long officeId, long leaderId) {
        var login = data.staffOf(officeId);
        var office = offices.get(officeId);
        offices.update(officeId, new OfficeData(office.name(), office.shortName(), data.idOf(login), leaderId, 0, false, office.version()));
        return data.login(login);
    }

    private long line(String column, long party) {
        return jdbc.sql("select id from assignment where item_id = :item and " + column + " = :party")
                .param("item", item).param("party", party).query(Long.class).single();
    }

    private long version(String table, long id) {
        var key = table.equals("sign_off") ? "item_id" : "id";
        return jdbc.sql("select version from " + table + " where " + key + " = :id").param("id", id).query(Long.class).single();
    }
}
