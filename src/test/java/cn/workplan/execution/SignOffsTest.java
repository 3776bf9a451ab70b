package cn.workplan.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
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
 * Sign-off (办结): the lead office proposes its item as done once its consolidated report says so; a leader confirms
 * — the item shows 已办结, its light turns green, its lines are no longer due — or sends it back with a comment; a
 * leader reopens it with a reason. Every step is in the item's sign-off history and its revisions. Only the lead
 * office proposes and only leaders decide; two leaders deciding at once: one decision counts.
 */
@IntegrationTest
class SignOffsTest {

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
    ProgressReports reports;
    @Autowired
    SignOffs signOffs;

    long item;
    long leadLine;
    CurrentUser leadStaff;
    CurrentUser cooperatingStaff;
    CurrentUser principal;
    CurrentUser leader;

    @BeforeEach
    void publishedItem() {
        clock.today(LocalDate.of(TestPlans.YEAR, 5, 10));
        long lead = data.office();
        long cooperating = data.office();
        long school = data.school();
        var plan = plans.draft();
        item = plan.item(plan.chapter("教育教学"), ItemSpec.item("完成校舍安全排查。").lead(lead).cooperating(cooperating)
                .schools(school).dueMonthEnd(6));
        plan.publish();
        leadLine = jdbc.sql("select id from assignment where item_id = :item and kind = 'LEAD'").param("item", item)
                .query(Long.class).single();
        leadStaff = data.login(data.staffOf(lead));
        cooperatingStaff = data.login(data.staffOf(cooperating));
        principal = data.login(data.user(Role.PRINCIPAL, null, school));
        leader = data.login(data.user(Role.LEADER));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theLeadOfficeProposesWhenItsConsolidatedReportSaysDoneAndALeaderConfirms() throws Exception {
        consolidated(4, Progress.IN_PROGRESS, 80);
        assertThat(page(leadStaff).select("#sign-off-propose button").hasAttr("disabled")).isTrue();
        propose(leadStaff, "排查全部完成").andExpect(flash().attribute("error", "signOff.error.notDone"));
        consolidated(5, Progress.DONE, 100);
        propose(leadStaff, " ").andExpect(flash().attribute("error", "signOff.error.noteRequired"));
        propose(leadStaff, "全县校舍排查完成，整改台账见五月汇总").andExpect(flash().attribute("message", "signOff.proposed"));
        propose(leadStaff, "再提交一次").andExpect(flash().attribute("error", "signOff.error.proposed"));
        assertThat(page(leadStaff).select("#sign-off-proposal").text()).contains("待局领导确认", "整改台账见五月汇总");
        assertThat(page(leader, "/approvals").select("#sign-off-" + item).text()).contains("完成校舍安全排查", "整改台账见五月汇总");
        assertThat(page(principal, "/reports").select("#due-reports").text()).contains("完成校舍安全排查");

        decide(leader, "confirm", "", version()).andExpect(flash().attribute("message", "signOff.confirmed"));
        assertThat(signedOff()).isTrue();
        var lines = page(principal);
        assertThat(lines.select("#item-signed-off").text()).isEqualTo("已办结");
        assertThat(lines.select("#item-light").text()).isEqualTo("正常");
        assertThat(lines.select("#sign-off-done").text()).contains("2030年5月10日");
        assertThat(lines.select("#sign-off-history li").eachText()).hasSize(2)
                .anyMatch(step -> step.startsWith("申请办结") && step.contains("整改台账见五月汇总"))
                .anyMatch(step -> step.startsWith("确认办结"));
        assertThat(page(principal, "/items/" + item).select("#item-signed-off").text()).isEqualTo("已办结");
        assertThat(page(principal, "/reports").select("#due-reports").text()).as("no longer due").doesNotContain("完成校舍安全排查");
        assertThat(page(leader, "/approvals").select("#sign-off-" + item)).isEmpty();
        var revision = page(leader, "/items/" + item + "/history").select("#revisions li").first().text();
        assertThat(revision).contains("办结：全县校舍排查完成，整改台账见五月汇总", "2030年5月10日");
        assertThat(audited()).containsExactly("REQUEST", "APPROVE");
    }

    @Test
    void aLeaderSendsTheProposalBackWithACommentAndTheLeadOfficeProposesAgain() throws Exception {
        consolidated(5, Progress.DONE, 100);
        propose(leadStaff, "已完成").andExpect(flash().attribute("message", "signOff.proposed"));
        decide(leader, "return", " ", version()).andExpect(flash().attribute("error", "signOff.error.commentRequired"));
        decide(leader, "return", "请补充整改验收材料", version()).andExpect(flash().attribute("message", "signOff.returned"));
        assertThat(signedOff()).isFalse();
        var lines = page(leadStaff);
        assertThat(lines.select("#sign-off-history li").last().text()).contains("退回", "请补充整改验收材料");
        assertThat(lines.select("#sign-off-propose")).isNotEmpty();
        propose(leadStaff, "已补充验收材料").andExpect(flash().attribute("message", "signOff.proposed"));
        decide(leader, "confirm", "", version()).andExpect(flash().attribute("message", "signOff.confirmed"));
        assertThat(signedOff()).isTrue();
        assertThat(audited()).containsExactly("REQUEST", "RETURN", "REQUEST", "APPROVE");
        assertThat(jdbc.sql("select message_key || ' ' || link from notification where user_id = :user order by id")
                .param("user", leadStaff.id()).query(String.class).list())
                .containsExactly("notification.signOff.returned /items/" + item + "/lines#sign-off",
                        "notification.signOff.confirmed /items/" + item + "/lines#sign-off");
    }

    @Test
    void aLeaderReopensASignedOffItemOnlyWithAReason() throws Exception {
        consolidated(5, Progress.DONE, 100);
        propose(leadStaff, "已完成").andExpect(flash().attribute("message", "signOff.proposed"));
        decide(leader, "confirm", "", version()).andExpect(flash().attribute("message", "signOff.confirmed"));
        for (var someone : List.of(leadStaff, principal, cooperatingStaff, data.login(data.user(Role.ADMIN)),
                data.login(data.user(Role.INSPECTOR)))) {
            reopen(someone, "重新打开").andExpect(status().isForbidden());
        }
        reopen(leader, "  ").andExpect(flash().attribute("error", "signOff.error.reasonRequired"));
        assertThat(signedOff()).isTrue();
        reopen(leader, "督查发现两所学校整改未到位").andExpect(flash().attribute("message", "signOff.reopened"));
        assertThat(signedOff()).isFalse();
        reopen(leader, "再打开").andExpect(flash().attribute("error", "signOff.error.notSignedOff"));
        assertThat(page(principal).select("#item-signed-off")).isEmpty();
        assertThat(page(principal).select("#sign-off-history li").last().text()).contains("重新打开", "督查发现两所学校整改未到位");
        assertThat(page(principal, "/reports").select("#due-reports").text()).as("due again").contains("完成校舍安全排查");
        var revisions = page(leader, "/items/" + item + "/history").select("#revisions li");
        assertThat(revisions.first().text()).contains("重新打开：督查发现两所学校整改未到位");
        assertThat(audited()).containsExactly("REQUEST", "APPROVE", "REOPEN");
        propose(leadStaff, "整改到位").andExpect(flash().attribute("message", "signOff.proposed"));
    }

    @Test
    void onlyTheLeadOfficeProposesAndOnlyLeadersDecide() throws Exception {
        consolidated(5, Progress.DONE, 100);
        for (var someone : List.of(cooperatingStaff, principal, leader, data.login(data.user(Role.ADMIN)), data.login(data.user(Role.INSPECTOR)),
                data.login(data.staffOf(data.office())))) {
            propose(someone, "冒充").andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("select count(*) from sign_off where item_id = :item").param("item", item).query(Long.class).single()).isZero();
        propose(leadStaff, "已完成").andExpect(flash().attribute("message", "signOff.proposed"));
        for (var someone : List.of(leadStaff, cooperatingStaff, principal, data.login(data.user(Role.ADMIN)),
                data.login(data.user(Role.INSPECTOR)))) {
            decide(someone, "confirm", "", version()).andExpect(status().isForbidden());
        }
        assertThat(page(leadStaff).select("#sign-off-decision")).isEmpty();
        assertThat(page(leader).select("#sign-off-decision")).isNotEmpty();
        assertThat(signedOff()).isFalse();
    }

    @Test
    void twoLeadersConfirmingAtOnceSignTheItemOffOnce() {
        consolidated(5, Progress.DONE, 100);
        signOffs.propose(item, "已完成", leadStaff);
        long seen = version();
        assertThat(atOnce(someone -> signOffs.decide(item, true, "", seen, someone)))
                .containsExactlyInAnyOrder("done", "signOff.error.notProposed");
        assertThat(jdbc.sql("select count(*) from sign_off_event where item_id = :item and action = 'CONFIRMED'").param("item", item)
                .query(Long.class).single()).isOne();

        assertThat(atOnce(someone -> signOffs.reopen(item, "整改未到位", someone)))
                .containsExactlyInAnyOrder("done", "signOff.error.notSignedOff");
        assertThat(signedOff()).isFalse();
        assertThat(jdbc.sql("select count(*) from plan_node_revision where node_id = :item and reason like '重新打开：%'")
                .param("item", item).query(Long.class).single()).isOne();
    }

    /** Two leaders take the step at the same moment; what each was told. */
    private List<String> atOnce(Consumer<CurrentUser> step) {
        return AtOnce.run(List.of(leader, data.login(data.user(Role.LEADER))), step);
    }

    /** The lead office's consolidated report for the month, sent (and so accepted). */
    private void consolidated(int month, Progress progress, int percent) {
        reports.save(leadLine, LocalDate.of(TestPlans.YEAR, month, 1), new ReportData(progress, percent, "汇总", Map.of(), null),
                List.of(), true, leadStaff);
    }

    private ResultActions propose(CurrentUser who, String note) throws Exception {
        return mvc.perform(post("/items/{id}/sign-off", item).param("note", note).with(csrf()).with(user(who)));
    }

    private ResultActions decide(CurrentUser who, String decision, String comment, long version) throws Exception {
        return mvc.perform(post("/items/{id}/sign-off/decision", item).param("decision", decision).param("comment", comment)
                .param("version", Long.toString(version)).with(csrf()).with(user(who)));
    }

    private ResultActions reopen(CurrentUser who, String reason) throws Exception {
        return mvc.perform(post("/items/{id}/sign-off/reopen", item).param("reason", reason).with(csrf()).with(user(who)));
    }

    private Document page(CurrentUser viewer) throws Exception {
        return page(viewer, "/items/" + item + "/lines");
    }

    private Document page(CurrentUser viewer, String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user(viewer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private long version() {
        return jdbc.sql("select version from sign_off where item_id = :item").param("item", item).query(Long.class).single();
    }

    private boolean signedOff() {
        return jdbc.sql("select completed_at is not null from plan_node where id = :item").param("item", item).query(Boolean.class).single();
    }

    private List<String> audited() {
        return jdbc.sql("select action from audit_event where entity_type = 'SIGN_OFF' and entity_id = :id order by id")
                .param("id", item).query(String.class).list();
    }
}
