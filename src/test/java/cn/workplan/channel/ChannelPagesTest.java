package cn.workplan.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.workplan.account.Role;
import cn.workplan.notification.DeliveryPreferences;
import cn.workplan.notification.NotificationCategory;
import cn.workplan.notification.Preferences;
import cn.workplan.support.Browsers;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.Page;
import cn.workplan.support.RobotServer;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The channels' pages: the administrator adds, edits and removes group robots, whose keys and secrets are never shown
 * back in full nor logged, with a clear message for a webhook of the wrong platform, and tries one with a test message;
 * sees the messages that could not be sent and sends them again; everyone chooses what reaches them where. Every change
 * is in the audit log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ChannelPagesTest {

    private static final String WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=";
    static final RobotServer server = new RobotServer();

    @Autowired
    Browsers browsers;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeliveryPreferences preferences;

    @AfterAll
    static void stopTheServer() {
        server.close();
    }

    @Test
    void anAdministratorAddsARobotWhoseKeyIsNeverShownInFull(CapturedOutput output) throws Exception {
        var admin = browsers.as(data.user(Role.ADMIN));
        var schoolName = TestData.unique("机器人小学");
        long school = data.school(schoolName);
        var key = UUID.randomUUID().toString();

        var form = admin.page("/admin/robots/new").form();
        assertThat(form.get("formToken")).isNotBlank();
        admin.submit(form.set("scope", "SCHOOL").set("schoolId", Long.toString(school)).set("platform", "WECOM").set("webhook", WECOM + key))
                .andExpect(redirectedUrl("/admin/robots")).andExpect(flash().attribute("message", "robot.created"));
        long id = robotOf(school);
        try {
            var masked = WECOM + key.substring(0, 4) + "…" + key.substring(key.length() - 4);
            var list = admin.page("/admin/robots");
            assertThat(list.one("#robot-" + id).text()).contains(schoolName).contains("企业微信").contains(masked);
            var edit = admin.page("/admin/robots/{id}/edit", id);
            assertThat(edit.value("webhook")).isEmpty();
            assertThat(edit.text()).contains(masked);

            // the same platform with the webhook left blank keeps it; another platform needs its own
            admin.submit(edit.form()).andExpect(redirectedUrl("/admin/robots"));
            assertThat(webhookOf(id)).isEqualTo(WECOM + key);
            var refused = Page.of(admin.submit(admin.page("/admin/robots/{id}/edit", id).form().set("platform", "DINGTALK")));
            assertThat(refused.fieldError("webhook")).isEqualTo("请填写 Webhook 地址。");

            var audit = jdbc.sql("select cast(changes as text) from audit_event where entity_type = 'NOTIFICATION_ROBOT' and entity_id = :id")
                    .param("id", id).query(String.class).list();
            assertThat(audit).hasSize(1).allMatch(changes -> changes.contains(masked) && changes.contains(schoolName) && !changes.contains(key));
            for (var page : List.of("/admin/robots", "/admin/robots/" + id + "/edit", "/admin/audit")) {
                assertThat(admin.get(page).andReturn().getResponse().getContentAsString()).as(page).doesNotContain(key);
            }

            admin.post("/admin/robots/{id}/delete".replace("{id}", Long.toString(id)), "version", "0")
                    .andExpect(flash().attribute("error", "robot.error.stale"));
            admin.post("/admin/robots/" + id + "/delete", "version", Long.toString(versionOf(id)))
                    .andExpect(flash().attribute("message", "robot.deleted"));
            assertThat(jdbc.sql("select count(*) from notification_robot where id = :id").param("id", id).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select action from audit_event where entity_type = 'NOTIFICATION_ROBOT' and entity_id = :id order by id")
                    .param("id", id).query(String.class).list()).containsExactly("CREATE", "DELETE");
            assertThat(output.getAll()).doesNotContain(key);
        } finally {
            jdbc.sql("delete from notification_robot where id = :id").param("id", id).update();
        }
    }

    @Test
    void aWebhookOfAnotherPlaceOrPlatformIsRefusedBesideItsField() throws Exception {
        var admin = browsers.as(data.user(Role.ADMIN));
        long school = data.school();
        long robots = count();

        var wrongHost = Page.of(admin.post("/admin/robots", "scope", "SCHOOL", "schoolId", Long.toString(school), "platform", "WECOM",
                "webhook", "https://evil.example/cgi-bin/webhook/send?key=" + UUID.randomUUID()));
        assertThat(wrongHost.fieldError("webhook")).isEqualTo("Webhook 地址应以 https://qyapi.weixin.qq.com/cgi-bin/webhook/send 开头，请从群机器人设置中完整复制。");
        assertThat(wrongHost.value("webhook")).as("what was typed is kept").startsWith("https://evil.example/");
        var dingTalkForWeCom = Page.of(admin.post("/admin/robots", "scope", "SCHOOL", "schoolId", Long.toString(school), "platform", "WECOM",
                "webhook", "https://oapi.dingtalk.com/robot/send?access_token=" + "a".repeat(64)));
        assertThat(dingTalkForWeCom.fieldError("webhook")).contains("应以 https://qyapi.weixin.qq.com/cgi-bin/webhook/send 开头");
        var secretForWeCom = Page.of(admin.post("/admin/robots", "scope", "SCHOOL", "schoolId", Long.toString(school), "platform", "WECOM",
                "webhook", UUID.randomUUID().toString(), "secret", "SEC" + "b".repeat(64)));
        assertThat(secretForWeCom.fieldError("secret")).isEqualTo("企业微信群机器人不需要加签密钥，请留空。");
        var noSchool = Page.of(admin.post("/admin/robots", "scope", "SCHOOL", "platform", "DINGTALK",
                "webhook", "https://oapi.dingtalk.com/robot/send?access_token=" + "c".repeat(64)));
        assertThat(noSchool.fieldError("schoolId")).isEqualTo("请选择一个启用的股室或学校。");
        assertThat(count()).as("nothing saved").isEqualTo(robots);

        admin.post("/admin/robots", "scope", "SCHOOL", "schoolId", Long.toString(school), "platform", "DINGTALK",
                "webhook", "https://oapi.dingtalk.com/robot/send?access_token=" + "d".repeat(64), "secret", "SEC" + "e".repeat(64))
                .andExpect(redirectedUrl("/admin/robots"));
        long id = robotOf(school);
        try {
            assertThat(jdbc.sql("select secret from notification_robot where id = :id").param("id", id).query(String.class).single())
                    .isEqualTo("SEC" + "e".repeat(64));
            var twice = Page.of(admin.post("/admin/robots", "scope", "SCHOOL", "schoolId", Long.toString(school), "platform", "WECOM",
                    "webhook", WECOM + UUID.randomUUID()));
            assertThat(twice.fieldError("schoolId")).isEqualTo("这个群已经有群机器人了，请编辑原有的那个。");
            assertThat(admin.page("/admin/robots").one("#robot-" + id).text()).doesNotContain("e".repeat(8)).contains("是");
        } finally {
            jdbc.sql("delete from notification_robot where id = :id").param("id", id).update();
        }
    }

    @Test
    void aTestMessageSaysAtOnceWhetherTheRobotTookIt() throws Exception {
        var admin = browsers.as(data.user(Role.ADMIN));
        long school = data.school();
        long id = jdbc.sql("insert into notification_robot (scope, school_id, platform, webhook) values ('SCHOOL', :school, 'WECOM', :webhook) returning id")
                .param("school", school).param("webhook", server.wecom(UUID.randomUUID().toString())).query(Long.class).single();
        try {
            admin.post("/admin/robots/" + id + "/test").andExpect(flash().attribute("message", "robot.test.sent"));
            assertThat(server.accepted()).singleElement().extracting(RobotServer.Request::markdown).asString()
                    .contains("测试消息").contains("群机器人设置成功");

            server.failWith(503);
            admin.post("/admin/robots/" + id + "/test").andExpect(flash().attribute("error", "robot.test.failed"))
                    .andExpect(flash().attribute("errorArgs", new Object[] {"HTTP 503: <html><body>503</body></html>"}));
        } finally {
            server.healthy();
            jdbc.sql("delete from notification_robot where id = :id").param("id", id).update();
        }
    }

    @Test
    void theAdministratorSeesWhatCouldNotBeSentAndSendsItAgain() throws Exception {
        var admin = browsers.as(data.user(Role.ADMIN));
        var schoolName = TestData.unique("失败小学");
        long school = data.school(schoolName);
        long principal = data.idOf(data.user(Role.PRINCIPAL, null, school));
        long robot = jdbc.sql("insert into notification_robot (scope, school_id, platform, webhook) values ('SCHOOL', :school, 'DINGTALK', :webhook) returning id")
                .param("school", school).param("webhook", "http://127.0.0.1:9/robot/send?access_token=" + "f".repeat(64)).query(Long.class).single();
        try {
            long notification = jdbc.sql("""
                    insert into notification (user_id, message_key, args, link) values (:user, 'notification.reminder.line', '["刘芳", "失败的任务。"]', '/plans')
                    returning id""").param("user", principal).query(Long.class).single();
            long delivery = jdbc.sql("""
                    insert into notification_delivery (channel, robot_id, notification_id, audience, state, attempts, next_attempt_at, last_error, queued_at)
                    values ('ROBOT', :robot, :notification, cast(:audience as jsonb), 'FAILED', 24, :at, 'HTTP 502', :at) returning id""")
                    .param("robot", robot).param("notification", notification).param("audience", "[" + principal + "]")
                    .param("at", Timestamp.from(Instant.now().minusSeconds(3600))).query(Long.class).single();

            var page = admin.page("/admin/deliveries");
            assertThat(page.one("#delivery-" + delivery).text()).contains(schoolName).contains("钉钉").contains("【催办】刘芳提醒您抓紧落实“失败的任务。”")
                    .contains("已放弃").contains("已尝试 24 次").contains("HTTP 502");
            assertThat(admin.page("/admin/robots").one("#robot-" + robot).text()).contains("1 条发送失败");

            admin.post("/admin/deliveries/" + delivery + "/retry").andExpect(flash().attribute("message", "delivery.retried"));
            assertThat(jdbc.sql("select state || ' ' || attempts from notification_delivery where id = :id").param("id", delivery)
                    .query(String.class).single()).isEqualTo("PENDING 0");
            assertThat(jdbc.sql("select action || ' ' || cast(changes as text) from audit_event where entity_type = 'NOTIFICATION_DELIVERY' and entity_id = :id")
                    .param("id", delivery).query(String.class).single()).startsWith("UPDATE").contains("FAILED").contains("PENDING");
            assertThat(admin.page("/admin/deliveries").one("#delivery-" + delivery).text()).contains("等待重试");
        } finally {
            jdbc.sql("delete from notification_robot where id = :id").param("id", robot).update();
        }
    }

    @Test
    void everyoneChoosesWhatReachesThemWhere() throws Exception {
        var login = data.user(Role.PRINCIPAL);
        long id = data.idOf(login);
        var browser = browsers.as(login);

        var page = browser.page("/account/notifications");
        assertThat(page.all("input[name=digest][checked]").eachAttr("value")).as("all but reminders wait for the digest")
                .containsExactly("PLANS", "REPORTS", "NOTICES", "EXTENSIONS", "OTHER");
        assertThat(page.all("input[name=email][checked]")).hasSize(NotificationCategory.values().length);
        assertThat(page.has("#digestByEmail[checked]")).isTrue();

        browser.post("/account/notifications", "email", "REMINDERS", "robot", "REMINDERS", "robot", "NOTICES", "digest", "PLANS",
                "digestByRobot", "true").andExpect(redirectedUrl("/account/notifications"))
                .andExpect(flash().attribute("message", "notification.settings.saved"));

        var chosen = preferences.of(id);
        assertThat(chosen.choice(NotificationCategory.REMINDERS)).isEqualTo(new Preferences.Choice(true, true, false));
        assertThat(chosen.choice(NotificationCategory.NOTICES)).isEqualTo(new Preferences.Choice(false, true, false));
        assertThat(chosen.choice(NotificationCategory.PLANS)).isEqualTo(new Preferences.Choice(false, false, true));
        assertThat(chosen.choice(NotificationCategory.REPORTS)).isEqualTo(new Preferences.Choice(false, false, false));
        assertThat(chosen.digestByEmail()).isFalse();
        assertThat(chosen.digestByRobot()).isTrue();
        var again = browser.page("/account/notifications");
        assertThat(again.all("input[name=robot][checked]").eachAttr("value")).containsExactly("NOTICES", "REMINDERS");
        assertThat(jdbc.sql("select entity_label || ' ' || cast(changes as text) from audit_event where entity_type = 'NOTIFICATION_SETTINGS' and entity_id = :id")
                .param("id", id).query(String.class).single()).startsWith("测试" + login).contains("\"REPORTS\"").contains("DIGEST");

        var refused = Page.of(browser.post("/account/notifications", "email", "NOT_A_CATEGORY"));
        assertThat(refused.text()).contains("请只从列出的类别和渠道中选择。");
        assertThat(preferences.of(id)).as("unchanged").isEqualTo(chosen);
    }

    private long count() {
        return jdbc.sql("select count(*) from notification_robot").query(Long.class).single();
    }

    private long robotOf(long school) {
        return jdbc.sql("select id from notification_robot where school_id = :school").param("school", school).query(Long.class).single();
    }

    private String webhookOf(long id) {
        return jdbc.sql("select webhook from notification_robot where id = :id").param("id", id).query(String.class).single();
    }

    private long versionOf(long id) {
        return jdbc.sql("select version from notification_robot where id = :id").param("id", id).query(Long.class).single();
    }
}
