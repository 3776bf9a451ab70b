package cn.workplan.execution;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.support.Browsers;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The one-click reminder (催办) from an item's lines: the lead office, leaders and administrators remind a line's
 * people, at most once in 24 hours per line; nobody else can, whatever line they try.
 */
@IntegrationTest
class LineRemindersTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    Browsers browsers;
    @Autowired
    JdbcClient jdbc;

    long item;
    long schoolA;
    long schoolB;
    long cooperating;
    String leadLogin;
    CurrentUser leadStaff;
    CurrentUser cooperatingStaff;
    CurrentUser otherCooperatingStaff;
    CurrentUser principalA;
    CurrentUser otherPrincipalA;

    @BeforeEach
    void publishedItem() {
        long lead = data.office();
        cooperating = data.office();
        schoolA = data.school();
        schoolB = data.school();
        var plan = plans.draft();
        item = plan.item(plan.chapter("教育教学"), ItemSpec.item("深化课程改革。").lead(lead).cooperating(cooperating)
                .schools(schoolA, schoolB));
        plan.publish();
        leadLogin = data.staffOf(lead);
        leadStaff = data.login(leadLogin);
        cooperatingStaff = data.login(data.staffOf(cooperating));
        otherCooperatingStaff = data.login(data.staffOf(cooperating));
        principalA = data.login(data.user(Role.PRINCIPAL, null, schoolA));
        otherPrincipalA = data.login(data.user(Role.PRINCIPAL, null, schoolA));
    }

    @Test
    void theLeadOfficeRemindsASchoolsPrincipalsOnceIn24Hours() throws Exception {
        long lineA = line("school_id", schoolA);
        var browser = browsers.as(leadLogin);
        var page = browser.follow(browser.post("/lines/" + lineA + "/remind"));
        assertThat(page.text()).contains("已向" + schoolName(schoolA) + "的 2 人发出催办。");

        for (var principal : List.of(principalA, otherPrincipalA)) {
            assertThat(reminders(principal)).containsExactly("/items/" + item + "/lines");
        }
        var text = jdbc.sql("select cast(args as text) from notification where user_id = :user").param("user", principalA.id())
                .query(String.class).single();
        assertThat(text).contains(leadStaff.displayName(), "深化课程改革。");
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'REMIND' and entity_type = 'ASSIGNMENT' and entity_id = :line
                and actor = :actor""").param("line", lineA).param("actor", leadLogin).query(Long.class).single()).isEqualTo(1);

        var again = browser.follow(browser.post("/lines/" + lineA + "/remind")
                .andExpect(flash().attribute("error", "reminder.refused.TOO_SOON")));
        assertThat(again.text()).contains(schoolName(schoolA) + "已于").contains("24 小时内不再重复催办");
        remind(data.login(data.user(Role.LEADER)), lineA).andExpect(flash().attribute("error", "reminder.refused.TOO_SOON"));
        assertThat(reminders(principalA)).as("no second reminder").hasSize(1);

        jdbc.sql("update line_reminder set reminded_at = now() - interval '24 hours 1 minute' where assignment_id = :line")
                .param("line", lineA).update();
        remind(data.login(data.user(Role.LEADER)), lineA).andExpect(flash().attribute("message", "reminder.sent"));
        assertThat(reminders(principalA)).hasSize(2);
    }

    @Test
    void leadersAndAdministratorsRemindAnOfficeTooAndEveryRefusalSaysWhy() throws Exception {
        remind(data.login(data.user(Role.ADMIN)), line("office_id", cooperating))
                .andExpect(redirectedUrl("/items/" + item + "/lines"))
                .andExpect(flash().attribute("message", "reminder.sent"));
        assertThat(reminders(cooperatingStaff)).hasSize(1);
        assertThat(reminders(otherCooperatingStaff)).hasSize(1);

        remind(data.login(data.user(Role.LEADER)), line("school_id", schoolB))
                .andExpect(flash().attribute("error", "reminder.refused.NOBODY"));
        remind(leadStaff, line("kind", "LEAD")).andExpect(flash().attribute("error", "reminder.refused.OWN_LINE"));

        jdbc.sql("update plan_node set completed_at = now() where id = :item").param("item", item).update();
        remind(data.login(data.user(Role.LEADER)), line("school_id", schoolA))
                .andExpect(flash().attribute("error", "reminder.refused.NOT_OPEN"));
        assertThat(reminders(principalA)).isEmpty();
    }

    @Test
    void nobodyElseRemindsWhateverLineTheyTry() throws Exception {
        var outsiders = List.of(cooperatingStaff, principalA, data.login(data.user(Role.PRINCIPAL)),
                data.login(data.user(Role.INSPECTOR)), data.login(data.user(Role.OFFICE_STAFF)));
        for (var someone : outsiders) {
            for (long line : List.of(line("school_id", schoolA), line("office_id", cooperating), line("kind", "LEAD"))) {
                remind(someone, line).andExpect(status().isForbidden());
            }
        }
        remind(data.login(data.user(Role.ADMIN)), Long.MAX_VALUE).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from line_reminder a join assignment l on l.id = a.assignment_id where l.item_id = :item")
                .param("item", item).query(Long.class).single()).isZero();
        assertThat(reminders(principalA)).isEmpty();
        assertThat(reminders(cooperatingStaff)).isEmpty();
    }

    @Test
    void theButtonIsOnTheLinesOfThoseWhoMayRemindThem() throws Exception {
        assertThat(remindable(leadStaff)).as("all but the lead office's own line")
                .containsExactlyInAnyOrder(line("office_id", cooperating), line("school_id", schoolA), line("school_id", schoolB));
        assertThat(remindable(data.login(data.user(Role.LEADER)))).hasSize(4);
        assertThat(remindable(data.login(data.user(Role.ADMIN)))).hasSize(4);
        assertThat(remindable(cooperatingStaff)).isEmpty();
        assertThat(remindable(principalA)).isEmpty();
        assertThat(remindable(data.login(data.user(Role.INSPECTOR)))).isEmpty();
    }

    private ResultActions remind(CurrentUser who, long line) throws Exception {
        return mvc.perform(post("/lines/{line}/remind", line).with(csrf()).with(user(who)));
    }

    /** The lines whose 催办 button the viewer sees on the item's lines. */
    private List<Long> remindable(CurrentUser viewer) throws Exception {
        var page = Jsoup.parse(mvc.perform(get("/items/{id}/lines", item).with(user(viewer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(UTF_8));
        var buttons = page.select("#lines button[formaction$=/remind]");
        if (!buttons.isEmpty()) {
            // every button submits the one form that carries the CSRF token
            assertThat(buttons.eachAttr("form")).containsOnly("remind-lines");
            assertThat(page.select("form#remind-lines[method=post] input[name=_csrf]")).hasSize(1);
        }
        return buttons.eachAttr("formaction").stream().map(action -> Long.valueOf(action.replaceAll("\\D", ""))).toList();
    }

    /** The links of the one-click reminders the person has. */
    private List<String> reminders(CurrentUser person) {
        return jdbc.sql("select link from notification where user_id = :user and message_key = 'notification.reminder.line' order by id")
                .param("user", person.id()).query(String.class).list();
    }

    private long line(String column, Object value) {
        return jdbc.sql("select id from assignment where item_id = :item and " + column + " = :value")
                .param("item", item).param("value", value).query(Long.class).single();
    }

    private String schoolName(long schoolId) {
        return jdbc.sql("select name from school where id = :id").param("id", schoolId).query(String.class).single();
    }
}
