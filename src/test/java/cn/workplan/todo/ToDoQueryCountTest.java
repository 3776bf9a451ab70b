package cn.workplan.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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
import cn.workplan.summary.SummaryReadings;
import cn.workplan.supervision.NoticeData;
import cn.workplan.supervision.NoticeService;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.PlanBuilder;
import cn.workplan.support.SqlStatements;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A to-do list, and the home page it heads, cost the same SQL statements whatever waits (issue #14): each role's list is
 * counted with one thing of each kind waiting, then again with many more — items, lines, reports to review and sent
 * back, overdue lines, notices, extension requests, sign-offs, comments, evidence.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToDoQueryCountTest {

    private static final int YEAR = 2072;

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
    OfficeService offices;
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
    SummaryReadings readings;

    long leadOffice;
    CurrentUser leader;
    CurrentUser head;
    CurrentUser principal;
    CurrentUser inspector;
    CurrentUser general;
    long school;

    @BeforeAll
    void setUp() {
        clock.today(LocalDate.of(YEAR, 1, 5));
        // the lead office is the general office too, so that its head's list takes every path
        leadOffice = data.coordinatorOffice();
        leader = data.login(data.user(Role.LEADER));
        var login = data.staffOf(leadOffice);
        var office = offices.get(leadOffice);
        offices.update(leadOffice, new OfficeData(office.name(), office.shortName(), data.idOf(login), leader.id(), 0, true, office.version()));
        head = data.login(login);
        general = head;
        school = data.school();
        principal = data.login(data.user(Role.PRINCIPAL, null, school));
        inspector = data.login(data.user(Role.INSPECTOR));
    }

    @AfterAll
    void realTime() {
        clock.reset();
    }

    @Test
    void theSameStatementsForOneThingWaitingAsForMany() throws Exception {
        world(1);
        var few = counts();
        var fewEntries = entries();
        world(6);
        var many = counts();
        assertThat(entries()).as("more waits now").allSatisfy((role, count) -> assertThat(count).isGreaterThan(fewEntries.get(role)));
        assertThat(many).isEqualTo(few);
        assertThat(few.get("head of the general office, lead office")).isLessThanOrEqualTo(10);
        assertThat(few.get("leader")).isLessThanOrEqualTo(5);
        assertThat(few.get("principal")).isLessThanOrEqualTo(4);
    }

    /** The plan the last world carried out: closed when the next begins, so that each world has one plan being carried out. */
    private PlanBuilder carriedOut;

    /**
     * A published plan of items led by the office with the school responsible, and something of every kind waiting. (Home
     * pages list the items of each plan being carried out, a few statements per plan: one plan at a time here.)
     */
    private void world(int items) {
        if (carriedOut != null) {
            carriedOut.close();
        }
        clock.today(LocalDate.of(YEAR, 1, 5));
        PlanBuilder draft = testPlans.draft(testPlans.coordinator(), YEAR, cn.workplan.plan.Numbering.CONTINUOUS);
        long chapter = draft.chapter("教育教学");
        var ids = new ArrayList<Long>();
        for (int i = 0; i < items; i++) {
            ids.add(draft.item(chapter, ItemSpec.item("任务" + i + "。").lead(leadOffice).schools(school, data.school()).dueMonthEnd(2)
                    .quarters("启动", "", "", "")));
        }
        draft.item(chapter, "未定牵头股室的任务。");
        draft.submit();
        outline.comment(ids.get(0), "请细化。", leader);
        // a second plan carries the work: published, with lines and reports
        var carried = testPlans.draft(testPlans.coordinator(), YEAR, cn.workplan.plan.Numbering.CONTINUOUS);
        long c = carried.chapter("教育教学");
        var work = new ArrayList<Long>();
        for (int i = 0; i < items; i++) {
            work.add(carried.item(c, ItemSpec.item("落实" + i + "。").lead(leadOffice).schools(school, data.school(), data.school()).dueMonthEnd(2)
                    .quarters("启动", "", "", "")));
        }
        carried.publish();
        carriedOut = carried;
        clock.today(LocalDate.of(YEAR, 3, 22));
        for (long item : work) {
            var lines = jdbc.sql("select id from assignment where item_id = :item and kind = 'SCHOOL' order by id").param("item", item)
                    .query(Long.class).list();
            long ours = lines.get(0);
            long report = reports.save(ours, LocalDate.of(YEAR, 2, 1), new ReportData(Progress.IN_PROGRESS, 40, "推进中。", Map.of(), null),
                    List.of(new Upload("照片.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})), true, principal);
            reports.review(report, false, "请补充。", version("progress_report", report), head);
            var others = data.login(data.user(Role.PRINCIPAL, null, jdbc.sql("select school_id from assignment where id = :id")
                    .param("id", lines.get(1)).query(Long.class).single()));
            reports.save(lines.get(1), LocalDate.of(YEAR, 3, 1), new ReportData(Progress.IN_PROGRESS, 40, "推进中。", Map.of(), null),
                    List.of(new Upload("照片.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})), true, others);
            extensions.request(ours, LocalDate.of(YEAR, 9, 30), "推迟。", principal);
            long request = jdbc.sql("select id from extension_request where assignment_id = :line").param("line", ours).query(Long.class).single();
            extensions.decide(request, true, "", version("extension_request", request), head);
            var third = data.login(data.user(Role.PRINCIPAL, null, jdbc.sql("select school_id from assignment where id = :id")
                    .param("id", lines.get(2)).query(Long.class).single()));
            extensions.request(lines.get(2), LocalDate.of(YEAR, 9, 30), "推迟。", third);
            notices.issue(new NoticeData(item, ours, "请说明。", LocalDate.of(YEAR, 3, 30)), leader);
            notices.issue(new NoticeData(item, null, "请说明。", LocalDate.of(YEAR, 3, 30)), leader);
        }
        long lead = jdbc.sql("select id from assignment where item_id = :item and kind = 'LEAD'").param("item", work.get(0)).query(Long.class).single();
        reports.save(lead, LocalDate.of(YEAR, 3, 1), new ReportData(Progress.DONE, 100, "已完成。", Map.of(), null), List.of(), true, head);
        signOffs.propose(work.get(0), "已完成。", head);
        long summary = jdbc.sql("""
                insert into summary (plan_id, kind, period_start, period_end, title, body, as_of, generated_at, generated_by)
                values (:plan, 'QUARTERLY', :start, :end, :title, '[]', :end, now(), :user) returning id""")
                .param("plan", carried.id()).param("start", LocalDate.of(YEAR, 1, 1)).param("end", LocalDate.of(YEAR, 3, 31))
                .param("title", TestData.unique("季报")).param("user", head.id()).query(Long.class).single();
        readings.ask(summary, head);
    }

    private Map<String, Integer> counts() throws Exception {
        var counts = new LinkedHashMap<String, Integer>();
        for (var person : people().entrySet()) {
            var list = SqlStatements.count(() -> toDos.of(person.getValue()));
            var page = SqlStatements.count(() -> mvc.perform(get("/").with(user(person.getValue()))).andExpect(status().isOk()));
            counts.put(person.getKey(), list.count());
            counts.put(person.getKey() + " (home page)", page.count());
        }
        return counts;
    }

    private Map<String, Integer> entries() {
        var entries = new LinkedHashMap<String, Integer>();
        people().forEach((role, person) -> entries.put(role, toDos.of(person).count()));
        return entries;
    }

    private Map<String, CurrentUser> people() {
        var people = new LinkedHashMap<String, CurrentUser>();
        people.put("head of the general office, lead office", general);
        people.put("leader", leader);
        people.put("principal", principal);
        people.put("inspector", inspector);
        return people;
    }

    private long version(String table, long id) {
        return jdbc.sql("select version from " + table + " where id = :id").param("id", id).query(Long.class).single();
    }
}
