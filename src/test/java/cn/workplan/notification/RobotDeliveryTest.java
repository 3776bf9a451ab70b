package cn.workplan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.workplan.account.Role;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.RobotServer;
import cn.workplan.support.TestData;
import cn.workplan.system.WorkplanProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notifications in the group robots of 企业微信 and 钉钉, against a local server that checks every request as each
 * platform documents it (address with the key or token, 钉钉's signature, the JSON body): one Markdown message per
 * group, in Chinese, naming the people it is for, with an absolute link back to the page; what people typed cannot
 * add links or mentions; each person's settings are followed, and the daily digest goes to the group instead of
 * single messages. The robots' keys and secrets never reach the log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RobotDeliveryTest {

    static final RobotServer server = new RobotServer();

    @Autowired
    Notifications notifications;
    @Autowired
    Deliveries deliveries;
    @Autowired
    DailyDigest digest;
    @Autowired
    DeliveryPreferences preferences;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkplanProperties workplan;

    private final List<Long> robots = new ArrayList<>();

    @AfterEach
    void removeTheRobots() {
        // the shared context's other tests must find no robot to post to
        if (!robots.isEmpty()) {
            jdbc.sql("delete from notification_robot where id in (:ids)").param("ids", robots).update();
        }
        server.clear();
    }

    @AfterAll
    static void stopTheServer() {
        server.close();
    }

    @Test
    void weComGetsOneMarkdownMessageAtItsKeyWithALinkBack(CapturedOutput output) {
        long school = data.school();
        var login = data.user(Role.PRINCIPAL, null, school);
        var key = UUID.randomUUID().toString();
        robot(RobotScope.SCHOOL, null, school, RobotPlatform.WECOM, server.wecom(key), null);

        notifications.send(List.of(data.idOf(login)), "notification.reminder.line", List.of("刘芳", "推进学前教育。"), "/items/7/lines");

        var request = deliveredOne();
        assertThat(request.path()).isEqualTo(RobotServer.WECOM_PATH);
        assertThat(request.rawQuery()).isEqualTo("key=" + key);
        assertThat(request.contentType()).isEqualToIgnoringCase("application/json; charset=utf-8");
        assertThat(request.json().toString()).isEqualTo("{\"msgtype\":\"markdown\",\"markdown\":{\"content\":"
                + json("**工作计划管理**\n\n致 测试" + login + "：【催办】刘芳提醒您抓紧落实“推进学前教育。”，并及时报送进度。\n"
                        + "[查看详情](" + workplan.absolute("/items/7/lines") + ")") + "}}");
        assertThat(state(login)).containsExactly("SENT");
        assertThat(output.getAll()).doesNotContain(key);
    }

    @Test
    void dingTalkGetsASignedRequestWithTitleAndText(CapturedOutput output) {
        long office = data.office();
        var login = data.staffOf(office);
        var token = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)).substring(0, 64);
        var secret = "SEC" + HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)).substring(0, 64);
        robot(RobotScope.OFFICE, office, null, RobotPlatform.DINGTALK, server.dingtalk(token, secret), secret);
        // notices wait for the daily digest unless one asks for them at once
        preferences.save(data.idOf(login), new Preferences(Map.of(NotificationCategory.NOTICES, new Preferences.Choice(false, true, false)),
                true, true));
        long before = System.currentTimeMillis();

        notifications.send(List.of(data.idOf(login)), "notification.notice.issued", List.of("督办〔2026〕3号", "推进课后服务。"), "/notices/5");

        var request = deliveredOne();
        assertThat(request.path()).isEqualTo(RobotServer.DINGTALK_PATH);
        long timestamp = Long.parseLong(request.query().get("timestamp"));
        assertThat(timestamp).as("milliseconds, now").isBetween(before, System.currentTimeMillis());
        assertThat(request.rawQuery()).as("the signature URL-encoded after the token and timestamp")
                .isEqualTo("access_token=" + token + "&timestamp=" + timestamp + "&sign="
                        + URLEncoder.encode(RobotServer.signature(secret, timestamp), StandardCharsets.UTF_8));
        assertThat(request.json().toString()).isEqualTo("{\"msgtype\":\"markdown\",\"markdown\":{\"title\":"
                + json("工作计划管理：【督办】督办〔2026〕3号：请签收并按期回复“推进课后服…") + ",\"text\":"
                + json("**工作计划管理**\n\n致 测试" + login + "：【督办】督办〔2026〕3号：请签收并按期回复“推进课后服务。”的督办事项。\n\n"
                        + "[查看详情](" + workplan.absolute("/notices/5") + ")") + "}}");
        assertThat(output.getAll()).doesNotContain(token).doesNotContain(secret).doesNotContain(request.query().get("sign"));
    }

    @Test
    void anUnsignedDingTalkRobotGetsItsTokenAlone() {
        long school = data.school();
        var login = data.user(Role.PRINCIPAL, null, school);
        var token = UUID.randomUUID().toString().replace("-", "");
        robot(RobotScope.SCHOOL, null, school, RobotPlatform.DINGTALK, server.dingtalk(token, null), null);

        notifications.send(List.of(data.idOf(login)), "notification.reminder.line", List.of("刘芳", "推进学前教育。"), null);

        var request = deliveredOne();
        assertThat(request.rawQuery()).isEqualTo("access_token=" + token);
        assertThat(request.markdown()).endsWith("[查看详情](" + workplan.absolute("/notifications") + ")");
    }

    @Test
    void aGroupGetsOneMessageForAllItsPeopleAndWhatTheyTypedStaysText() {
        long school = data.school();
        var first = data.user(Role.PRINCIPAL, null, school);
        var second = data.user(Role.PRINCIPAL, null, school);
        var otherSchool = data.school();
        var elsewhere = data.user(Role.PRINCIPAL, null, otherSchool);
        robot(RobotScope.SCHOOL, null, school, RobotPlatform.WECOM, server.wecom(UUID.randomUUID().toString()), null);

        notifications.send(List.of(data.idOf(first), data.idOf(second), data.idOf(elsewhere)), "notification.reminder.line",
                List.of("刘芳", "[点我](http://evil.example) <@all> **加粗** `代码`\n# 标题"), "/items/8/lines");

        var markdown = deliveredOne().markdown();
        assertThat(markdown).contains("致 测试" + first + "、测试" + second + "：").doesNotContain(elsewhere)
                .contains("［点我］（http://evil.example） ＜@all＞ ＊＊加粗＊＊ ｀代码｀ ＃ 标题")
                .doesNotContain("<@").doesNotContain("](http://evil");
        assertThat(markdown.split("\\]\\(", -1)).as("one link: the application's").hasSize(2);
        assertThat(jdbc.sql("select count(*) from notification_delivery where robot_id = :robot").param("robot", robots.get(0))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theBureausRobotTakesThoseWhoseOfficeOrSchoolHasNone() {
        long office = data.office();
        var staff = data.staffOf(office);
        var leader = data.user(Role.LEADER);
        var officeKey = UUID.randomUUID().toString();
        var bureauKey = UUID.randomUUID().toString();
        robot(RobotScope.OFFICE, office, null, RobotPlatform.WECOM, server.wecom(officeKey), null);
        robot(RobotScope.BUREAU, null, null, RobotPlatform.WECOM, server.wecom(bureauKey), null);

        notifications.send(List.of(data.idOf(staff), data.idOf(leader)), "notification.reminder.line", List.of("刘芳", "推进学前教育。"), null);

        deliver(2);
        assertThat(server.accepted()).extracting(RobotServer.Request::rawQuery)
                .containsExactlyInAnyOrder("key=" + officeKey, "key=" + bureauKey);
        assertThat(server.accepted()).filteredOn(request -> request.rawQuery().endsWith(bureauKey))
                .singleElement().extracting(RobotServer.Request::markdown).asString().contains("致 测试" + leader + "：");
    }

    @Test
    void eachPersonsSettingsAreFollowedAndTheDigestGoesToTheGroupInstead() {
        long school = data.school();
        var principal = data.user(Role.PRINCIPAL, null, school);
        var quiet = data.user(Role.PRINCIPAL, null, school);
        long principalId = data.idOf(principal);
        long quietId = data.idOf(quiet);
        long robot = robot(RobotScope.SCHOOL, null, school, RobotPlatform.WECOM, server.wecom(UUID.randomUUID().toString()), null);
        var noRobot = new java.util.EnumMap<NotificationCategory, Preferences.Choice>(NotificationCategory.class);
        for (var category : NotificationCategory.values()) {
            noRobot.put(category, new Preferences.Choice(true, false, false));
        }
        preferences.save(quietId, new Preferences(noRobot, true, false));

        // reports wait for the digest by default; reminders go at once, except to whoever wants no robot
        notifications.send(List.of(principalId, quietId), "notification.report.approved", List.of("推进学前教育。", "2026年6月", "基础教育股"),
                "/lines/3/reports/2026-06");
        notifications.send(List.of(quietId), "notification.reminder.line", List.of("刘芳", "推进学前教育。"), null);
        deliveries.deliverDue();
        assertThat(jdbc.sql("select count(*) from notification_delivery where robot_id = :robot").param("robot", robot)
                .query(Long.class).single()).isZero();

        var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(digest.send(today)).as("the principal's digest; none for the one without robot or e-mail").isPositive();
        assertThat(digest.send(today)).as("once a day").isZero();
        var markdown = deliveredOne().markdown();
        long approved = jdbc.sql("select id from notification where user_id = :user and message_key = 'notification.report.approved'")
                .param("user", principalId).query(Long.class).single();
        assertThat(markdown).contains("**测试" + principal + "的每日待办（" + today.getYear() + "年" + today.getMonthValue() + "月"
                        + today.getDayOfMonth() + "日，共 1 项）**\n"
                        + "1. 【进度填报】“推进学前教育。”2026年6月的进度已由基础教育股审核通过。 [去办理]("
                        + workplan.absolute("/notifications/" + approved) + ")")
                .doesNotContain(quiet);
    }

    @Test
    void aLongDigestIsCutToWhatTheRobotTakes() {
        long school = data.school();
        var principal = data.user(Role.PRINCIPAL, null, school);
        long id = data.idOf(principal);
        robot(RobotScope.SCHOOL, null, school, RobotPlatform.WECOM, server.wecom(UUID.randomUUID().toString()), null);
        for (int i = 0; i < 30; i++) {
            notifications.send(List.of(id), "notification.report.returned", List.of("推进学前教育。".repeat(8) + i, "2026年6月", "基础教育股",
                    "请补充佐证材料。".repeat(10)), "/lines/3/reports/2026-06");
        }

        digest.send(LocalDate.now(ZoneId.of("Asia/Shanghai")));

        var request = deliveredOne();
        assertThat(request.accepted()).as("within 企业微信's 4096 bytes").isTrue();
        assertThat(request.markdown()).contains("共 30 项").contains("1. 【进度填报】").endsWith("……内容较长，请在系统中查看。");
    }

    private long robot(RobotScope scope, Long office, Long school, RobotPlatform platform, String webhook, String secret) {
        long id = jdbc.sql("""
                insert into notification_robot (scope, office_id, school_id, platform, webhook, secret)
                values (:scope, :office, :school, :platform, :webhook, :secret) returning id""")
                .param("scope", scope.name()).param("office", office).param("school", school).param("platform", platform.name())
                .param("webhook", webhook).param("secret", secret).query(Long.class).single();
        robots.add(id);
        return id;
    }

    /** Runs the sender (as well as the one woken by the commit) until the server took this many messages. */
    private void deliver(int messages) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            deliveries.deliverDue();
            return server.accepted().size() >= messages;
        });
        assertThat(server.requests()).as("every request as the platform wants it").allMatch(RobotServer.Request::accepted);
    }

    private RobotServer.Request deliveredOne() {
        deliver(1);
        assertThat(server.accepted()).hasSize(1);
        return server.accepted().get(0);
    }

    private List<String> state(String login) {
        return jdbc.sql("""
                select d.state from notification_delivery d join notification n on n.id = d.notification_id
                where n.user_id = :user""").param("user", data.idOf(login)).query(String.class).list();
    }

    private static String json(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }
}
