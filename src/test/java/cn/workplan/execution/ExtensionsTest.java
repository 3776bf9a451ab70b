package cn.workplan.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.org.OfficeService;
import cn.workplan.support.AtOnce;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Extension requests (延期申请): a school or office asks for a later deadline of its own line; the head of the
 * item's lead office or a leader approves it (the lead office's own line, which moves the item's deadline: a
 * leader only) or rejects it with a comment. The first deadline stays as the baseline over successive extensions;
 * the item's change is in its history. Nobody asks for or decides another's line, whatever ids they try; two
 * leaders deciding one request at once: one decision counts.
 */
@IntegrationTest
class ExtensionsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    OfficeService offices;
    @Autowired
    Extensions extensions;

    long lead;
    long item;
    long lineA;
    long lineB;
    long leadLine;
    CurrentUser head;
    CurrentUser leadStaff;
    CurrentUser otherHead;
    CurrentUser cooperatingStaff;
    CurrentUser principalA;
    CurrentUser principalB;
    CurrentUser leader;

    @BeforeEach
    void publishedItem() {
        clock.today(LocalDate.of(TestPlans.YEAR, 3, 10));
        lead = data.office();
        long cooperating = data.office();
        long schoolA = data.school();
        long schoolB = data.school();
        var plan = plans.draft();
        item = plan.item(plan.chapter("教育教学"), ItemSpec.item("推进集团化办学。").lead(lead).cooperating(cooperating)
                .schools(schoolA, schoolB).dueMonthEnd(6));
        plan.publish();
        lineA = line("school_id", schoolA);
        lineB = line("school_id", schoolB);
        leadLine = line("office_id", lead);
        head = headOf(lead);
        leadStaff = data.login(data.staffOf(lead));
        otherHead = headOf(data.office());
        cooperatingStaff = data.login(data.staffOf(cooperating));
        principalA = data.login(data.user(Role.PRINCIPAL, null, schoolA));
        principalB = data.login(data.user(Role.PRINCIPAL, null, schoolB));
        leader = data.login(data.user(Role.LEADER));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aSchoolAsksTheLeadOfficesHeadApprovesAndTheFirstDeadlineStaysTheBaselineOverTwoExtensions() throws Exception {
        assertThat(page(principalA).select("#extension-request form").attr("action")).isEqualTo("/lines/" + lineA + "/extensions");
        ask(principalA, lineA, "2030-08-31", "校舍改造工期延后，需顺延两个月").andExpect(flash().attribute("message", "extension.requested"));
        assertThat(page(principalA).select("#line-" + lineA + " .line-pending").text()).isEqualTo("延期待审批");
        assertThat(page(principalA).select("#extension-request")).as("one open request per line").isEmpty();
        ask(principalA, lineA, "2030-09-30", "再申请").andExpect(flash().attribute("error", "extension.error.open"));

        var waiting = page(head, "/approvals").select("#pending-extensions .extension");
        assertThat(waiting.text()).contains("推进集团化办学", "2030年6月30日", "2030年8月31日", "校舍改造工期延后");
        assertThat(page(head, "/reports").select("#pending-extensions-link").text()).isEqualTo("1 份延期申请待您审批");
        assertThat(page(otherHead, "/approvals").select("#pending-extensions")).as("another office's head").isEmpty();
        assertThat(page(leadStaff, "/approvals").select("#approvals-none")).as("not the head").isNotEmpty();
        long first = requestOn(lineA);
        decide(head, first, "approve", "", version(first), "approvals")
                .andExpect(redirectedUrl("/approvals")).andExpect(flash().attribute("message", "extension.approved"));
        assertThat(deadline(lineA)).isEqualTo(LocalDate.of(TestPlans.YEAR, 8, 31));
        assertThat(baseline(lineA)).isEqualTo(LocalDate.of(TestPlans.YEAR, 6, 30));
        var row = page(principalA).select("#line-" + lineA);
        assertThat(row.text()).contains("2030年8月31日", "原定 2030年6月30日").doesNotContain("延期待审批");
        assertThat(page(principalA).select("#extension-" + first).text()).contains("已批准", "校舍改造工期延后");

        ask(principalA, lineA, "2030-10-31", "设备供货再次推迟").andExpect(flash().attribute("message", "extension.requested"));
        long second = requestOn(lineA);
        assertThat(second).isNotEqualTo(first);
        decide(leader, second, "approve", "同意", version(second), null).andExpect(flash().attribute("message", "extension.approved"));
        assertThat(deadline(lineA)).isEqualTo(LocalDate.of(TestPlans.YEAR, 10, 31));
        assertThat(baseline(lineA)).as("the deadline before the first extension").isEqualTo(LocalDate.of(TestPlans.YEAR, 6, 30));
        assertThat(page(head).select("#line-" + lineA).text()).contains("原定 2030年6月30日");
        assertThat(deadline(lineB)).as("other lines keep the item's deadline").isNull();
        assertThat(audited(first)).containsExactly("REQUEST", "APPROVE");
        assertThat(notified(head)).containsExactly("notification.extension.requested", "notification.extension.requested");
        assertThat(notified(principalA)).containsExactly("notification.extension.approved", "notification.extension.approved");
    }

    @Test
    void aRejectionNeedsACommentAndLeavesTheDeadline() throws Exception {
        long line = line("office_id", cooperatingStaff.officeId());
        ask(cooperatingStaff, line, "2030-07-31", "配合材料尚未收齐").andExpect(flash().attribute("message", "extension.requested"));
        long request = requestOn(line);
        decide(head, request, "reject", "  ", version(request), null).andExpect(flash().attribute("error", "extension.error.commentRequired"));
        assertThat(state(request)).isEqualTo("PENDING");
        decide(head, request, "reject", "请按原时限完成", version(request), null).andExpect(flash().attribute("message", "extension.rejected"));
        assertThat(state(request)).isEqualTo("REJECTED");
        assertThat(deadline(line)).isNull();
        assertThat(baseline(line)).isNull();
        assertThat(page(cooperatingStaff).select("#extension-" + request).text()).contains("不予批准", "请按原时限完成");
        assertThat(page(cooperatingStaff).select("#extension-request")).as("may ask again").isNotEmpty();
        assertThat(notified(cooperatingStaff)).containsExactly("notification.extension.rejected");
    }

    @Test
    void theLeadOfficesRequestMovesTheItemsDeadlineWhichItsHistoryShows() throws Exception {
        ask(leadStaff, leadLine, "2030-09-30", "上级政策调整，需延至三季度末").andExpect(flash().attribute("message", "extension.requested"));
        long request = requestOn(leadLine);
        assertThat(page(head, "/approvals").select("#pending-extensions")).as("the item's deadline is a leader's").isEmpty();
        decide(head, request, "approve", "", version(request), null).andExpect(status().isForbidden());
        assertThat(page(leader, "/approvals").select("#extension-" + request).text()).contains("任务完成时限", "2030年9月30日");
        decide(leader, request, "approve", "", version(request), null).andExpect(flash().attribute("message", "extension.approved"));

        assertThat(jdbc.sql("select deadline_kind || ' ' || deadline || ' ' || baseline_deadline from plan_node where id = :item")
                .param("item", item).query(String.class).single()).isEqualTo("DATE 2030-09-30 2030-06-30");
        assertThat(deadline(leadLine)).as("the line has no deadline of its own").isNull();
        var history = page(leader, "/items/" + item + "/history").select("#revisions li").first();
        assertThat(history.text()).contains("延期：上级政策调整，需延至三季度末", "2030年6月30日", "2030年9月30日");
        assertThat(page(principalA, "/items/" + item).select("#item-baseline").text()).isEqualTo("（原定 2030年6月30日）");
        assertThat(page(principalA).select("#item-baseline").text()).isEqualTo("（原定 2030年6月30日）");

        ask(leadStaff, leadLine, "2030-11-30", "再次顺延").andExpect(flash().attribute("message", "extension.requested"));
        long again = requestOn(leadLine);
        decide(leader, again, "approve", "", version(again), null).andExpect(flash().attribute("message", "extension.approved"));
        assertThat(jdbc.sql("select deadline || ' ' || baseline_deadline from plan_node where id = :item")
                .param("item", item).query(String.class).single()).isEqualTo("2030-11-30 2030-06-30");
    }

    @Test
    void theRequestedDayAndReasonAreChecked() throws Exception {
        ask(principalA, lineA, "2030-08-31", " ").andExpect(flash().attribute("error", "extension.error.reasonRequired"))
                .andExpect(flash().attribute("extensionReason", " "));
        ask(principalA, lineA, "", "理由").andExpect(flash().attribute("error", "extension.error.dateRequired"));
        ask(principalA, lineA, "2030-06-30", "理由").andExpect(flash().attribute("error", "extension.error.notLater"));
        ask(principalA, lineA, "2032-01-01", "理由").andExpect(flash().attribute("error", "extension.error.tooFar"));
        ask(principalA, lineA, "x".repeat(3), "理由").andExpect(status().isBadRequest());
        ask(principalA, lineA, "2030-07-01", "理".repeat(1001)).andExpect(flash().attribute("error", "execution.error.textTooLong"));
        clock.today(LocalDate.of(TestPlans.YEAR, 7, 20));
        ask(principalA, lineA, "2030-07-15", "已逾期，申请延至上周").andExpect(flash().attribute("error", "extension.error.past"));
        assertThat(jdbc.sql("select count(*) from extension_request where item_id = :item").param("item", item).query(Long.class).single())
                .isZero();
        ask(principalA, lineA, "2031-12-31", "跨年完成").andExpect(flash().attribute("message", "extension.requested"));
    }

    @Test
    void anApprovalThatWouldNoLongerExtendAndRequestsOnASignedOffItemAreRefused() throws Exception {
        ask(principalA, lineA, "2030-08-31", "施工延期").andExpect(flash().attribute("message", "extension.requested"));
        long request = requestOn(lineA);
        mvc.perform(post("/lines/{line}", lineA).param("itemId", Long.toString(item)).param("deadline", "2030-09-30").param("milestone", "")
                .param("version", "0").with(csrf()).with(user(leadStaff))).andExpect(flash().attribute("message", "assignment.saved"));
        decide(head, request, "approve", "", version(request), null).andExpect(flash().attribute("error", "extension.error.outdated"));
        assertThat(state(request)).as("nothing of the approval stays").isEqualTo("PENDING");
        assertThat(deadline(lineA)).isEqualTo(LocalDate.of(TestPlans.YEAR, 9, 30));
        assertThat(baseline(lineA)).isNull();

        jdbc.sql("update plan_node set completed_at = now() where id = :item").param("item", item).update();
        decide(head, request, "approve", "", version(request), null).andExpect(flash().attribute("error", "extension.error.signedOff"));
        ask(principalB, lineB, "2030-08-31", "施工延期").andExpect(flash().attribute("error", "extension.error.signedOff"));
        assertThat(page(principalB).select("#extension-request")).isEmpty();
        decide(head, request, "reject", "任务已办结", version(request), null).andExpect(flash().attribute("message", "extension.rejected"));
    }

    @Test
    void nobodyAsksForOrDecidesAnothersLineWhateverIdTheyTry() throws Exception {
        ask(principalA, lineA, "2030-08-31", "甲校的理由").andExpect(flash().attribute("message", "extension.requested"));
        long request = requestOn(lineA);
        for (var someone : List.of(principalB, cooperatingStaff, leadStaff, head, leader, data.login(data.user(Role.INSPECTOR)),
                data.login(data.user(Role.ADMIN)))) {
            ask(someone, lineA, "2030-09-30", "冒充").andExpect(status().isForbidden());
            mvc.perform(post("/extensions/{id}/withdraw", request).param("itemId", Long.toString(item)).with(csrf()).with(user(someone)))
                    .andExpect(status().isForbidden());
        }
        for (var someone : List.of(principalA, principalB, cooperatingStaff, leadStaff, otherHead, data.login(data.user(Role.INSPECTOR)),
                data.login(data.user(Role.ADMIN)))) {
            decide(someone, request, "approve", "", version(request), null).andExpect(status().isForbidden());
        }
        assertThat(state(request)).isEqualTo("PENDING");
        assertThat(deadline(lineA)).isNull();
        assertThat(page(principalB).text()).doesNotContain("甲校的理由");
        assertThat(page(cooperatingStaff).text()).doesNotContain("甲校的理由");
        assertThat(page(leader).select("#extension-" + request).text()).contains("甲校的理由");

        mvc.perform(post("/extensions/{id}/withdraw", request).param("itemId", Long.toString(item)).with(csrf()).with(user(principalA)))
                .andExpect(flash().attribute("message", "extension.withdrawn"));
        assertThat(state(request)).isEqualTo("WITHDRAWN");
        decide(head, request, "approve", "", version(request), null).andExpect(flash().attribute("error", "extension.error.decided"));
        assertThat(deadline(lineA)).isNull();
    }

    @Test
    void aSecondDecisionIsToldTheFirstCounted() throws Exception {
        ask(principalA, lineA, "2030-08-31", "施工延期").andExpect(flash().attribute("message", "extension.requested"));
        long request = requestOn(lineA);
        long seen = version(request);
        decide(head, request, "approve", "", seen, null).andExpect(flash().attribute("message", "extension.approved"));
        decide(leader, request, "reject", "不同意", seen, null).andExpect(flash().attribute("error", "extension.error.decided"));
        assertThat(state(request)).isEqualTo("APPROVED");
        assertThat(deadline(lineA)).isEqualTo(LocalDate.of(TestPlans.YEAR, 8, 31));
    }

    @Test
    void twoLeadersApprovingAtOnceMoveTheDeadlineOnce() throws Exception {
        ask(leadStaff, leadLine, "2030-09-30", "延至三季度末").andExpect(flash().attribute("message", "extension.requested"));
        long request = requestOn(leadLine);
        long seen = version(request);
        assertThat(AtOnce.run(List.of(leader, data.login(data.user(Role.LEADER))),
                someone -> extensions.decide(request, true, "", seen, someone)))
                .containsExactlyInAnyOrder("done", "extension.error.decided");
        assertThat(jdbc.sql("select count(*) from plan_node_revision where node_id = :item and reason like '延期：%'")
                .param("item", item).query(Long.class).single()).isOne();
        assertThat(audited(request)).containsExactly("REQUEST", "APPROVE");
    }

    private ResultActions ask(CurrentUser who, long line, String date, String reason) throws Exception {
        return mvc.perform(post("/lines/{line}/extensions", line).param("itemId", Long.toString(item)).param("proposedDeadline", date)
                .param("reason", reason).with(csrf()).with(user(who)));
    }

    private ResultActions decide(CurrentUser who, long request, String decision, String comment, long version, String back)
            throws Exception {
        var form = post("/extensions/{id}/decision", request).param("itemId", Long.toString(item)).param("decision", decision)
                .param("comment", comment).param("version", Long.toString(version));
        if (back != null) {
            form.param("back", back);
        }
        return mvc.perform(form.with(csrf()).with(user(who)));
    }

    private Document page(CurrentUser viewer) throws Exception {
        return page(viewer, "/items/" + item + "/lines");
    }

    private Document page(CurrentUser viewer, String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user(viewer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** A new member of the office's staff, made its head (负责人), logged in. */
    private CurrentUser headOf(long officeId) {
        var login = data.staffOf(officeId);
        var office = offices.get(officeId);
        offices.update(officeId, new cn.workplan.org.OfficeData(office.name(), office.shortName(), data.idOf(login), null, 0, false,
                office.version()));
        var user = data.login(login);
        assertThat(user.officeHead()).isTrue();
        return user;
    }

    private long line(String column, long party) {
        return jdbc.sql("select id from assignment where item_id = :item and " + column + " = :party")
                .param("item", item).param("party", party).query(Long.class).single();
    }

    private long requestOn(long line) {
        return jdbc.sql("select max(id) from extension_request where assignment_id = :line").param("line", line).query(Long.class).single();
    }

    private long version(long request) {
        return jdbc.sql("select version from extension_request where id = :id").param("id", request).query(Long.class).single();
    }

    private String state(long request) {
        return jdbc.sql("select state from extension_request where id = :id").param("id", request).query(String.class).single();
    }

    private LocalDate deadline(long line) {
        return jdbc.sql("select deadline from assignment where id = :id").param("id", line).query(LocalDate.class).list().get(0);
    }

    private LocalDate baseline(long line) {
        return jdbc.sql("select baseline_deadline from assignment where id = :id").param("id", line).query(LocalDate.class).list().get(0);
    }

    private List<String> notified(CurrentUser someone) {
        return jdbc.sql("select message_key from notification where user_id = :user order by id").param("user", someone.id())
                .query(String.class).list();
    }

    private List<String> audited(long request) {
        return jdbc.sql("select action from audit_event where entity_type = 'EXTENSION' and entity_id = :id order by id")
                .param("id", request).query(String.class).list();
    }
}
