package cn.workplan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.workplan.account.Role;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications by e-mail, against a real SMTP server (GreenMail): in Chinese, with an absolute link at
 * {@code workplan.base-url}, to those with an address, only once the change is committed; a mail server that is down
 * never fails what the person did, and gets the mail once it is back; the daily digest is one mail listing what waits.
 * A context of its own (mail configured).
 */
@IntegrationTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "workplan.base-url=https://workplan.example.cn/"})
@ExtendWith(OutputCaptureExtension.class)
class NotificationMailTest {

    /** A port of this test's own, kept when the server is stopped and started again. */
    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.port(SMTP_PORT));

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    Notifications notifications;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Deliveries deliveries;
    @Autowired
    DailyDigest digest;
    @Autowired
    cn.workplan.support.TestClock clock;

    @Test
    void mailsTheNotificationInChineseWithALinkToOpenIt() throws Exception {
        long withAddress = person("zhang.san@school.example.cn");
        long withoutAddress = person(null);

        notifications.send(List.of(withAddress, withoutAddress), "notification.reminder.line", List.of("刘芳", "推进学前教育。"), "/items/7/lines");

        var mail = single(smtp.waitForIncomingEmail(10_000, 1));
        long id = jdbc.sql("select id from notification where user_id = :user").param("user", withAddress).query(Long.class).single();
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("zhang.san@school.example.cn");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("workplan@localhost");
        assertThat(mail.getSubject()).isEqualTo("【催办】刘芳提醒您抓紧落实“推进学前教育。”，并及时报送进度。（工作计划管理）");
        assertThat((String) mail.getContent())
                .contains("【催办】刘芳提醒您抓紧落实“推进学前教育。”，并及时报送进度。")
                .contains("查看详情：https://workplan.example.cn/notifications/" + id)
                .contains("请勿直接回复");
        assertThat(jdbc.sql("select count(*) from notification where user_id = :user").param("user", withoutAddress)
                .query(Long.class).single()).as("in the application all the same").isEqualTo(1);
    }

    @Test
    void mailLeavesOnlyWhenTheChangeIsCommitted() throws Exception {
        long rolledBack = person("rolled.back@school.example.cn");
        long committed = person("committed@school.example.cn");

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            notifications.send(List.of(rolledBack), "notification.reminder.line", List.of("刘芳", "撤销的任务。"), null);
            status.setRollbackOnly();
        });
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                notifications.send(List.of(committed), "notification.reminder.line", List.of("刘芳", "保存的任务。"), null));

        var mail = single(smtp.waitForIncomingEmail(10_000, 1));
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("committed@school.example.cn");
        Thread.sleep(500);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aMailServerThatIsDownNeverFailsTheReminderAndGetsTheMailOnceItIsBack(CapturedOutput output) throws Exception {
        long lead = data.office();
        long school = data.school();
        var plan = plans.draft();
        long item = plan.item(plan.chapter("教育教学"), ItemSpec.item("推进课后服务。").lead(lead).schools(school));
        plan.publish();
        long principal = data.idOf(data.user(Role.PRINCIPAL, null, school));
        jdbc.sql("update app_user set email = 'principal@school.example.cn' where id = :id").param("id", principal).update();
        long line = jdbc.sql("select id from assignment where item_id = :item and school_id = :school")
                .param("item", item).param("school", school).query(Long.class).single();

        smtp.stop();
        clock.at(java.time.Instant.now());
        try {
            mvc.perform(post("/lines/{line}/remind", line).with(csrf()).with(user(data.login(data.staffOf(lead)))))
                    .andExpect(flash().attribute("message", "reminder.sent"));

            assertThat(jdbc.sql("select count(*) from notification where user_id = :user").param("user", principal)
                    .query(Long.class).single()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(20)).until(() -> output.getOut().contains("not sent"));
            assertThat(jdbc.sql("select state from notification_delivery where user_id = :user").param("user", principal)
                    .query(String.class).single()).as("kept to be tried again").isEqualTo("PENDING");

            smtp.start();
            clock.advance(Duration.ofMinutes(5));
            deliveries.deliverDue();
            var mail = single(smtp.waitForIncomingEmail(10_000, 1));
            assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("principal@school.example.cn");
            assertThat(mail.getSubject()).startsWith("【催办】");
            clock.advance(Duration.ofHours(2));
            deliveries.deliverDue();
            Thread.sleep(300);
            assertThat(smtp.getReceivedMessages()).as("once").hasSize(1);
        } finally {
            clock.reset();
        }
    }

    @Test
    void theDailyDigestListsWhatWaitsInOneMailInsteadOfSingleOnes() throws Exception {
        long reader = person("digest.reader@school.example.cn");

        notifications.send(List.of(reader), "notification.report.approved", List.of("推进学前教育。", "2026年6月", "基础教育股"), "/reports");
        notifications.send(List.of(reader), "notification.signOff.confirmed", List.of("推进课后服务。"), "/items/3/lines");
        deliveries.deliverDue();
        Thread.sleep(300);
        assertThat(smtp.getReceivedMessages()).as("reports and sign-off wait for the digest by default").isEmpty();

        var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        digest.send(today);
        // the other tests' readers with unread notifications get theirs too
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> mailsTo("digest.reader@school.example.cn").size() == 1);
        var mail = mailsTo("digest.reader@school.example.cn").get(0);
        var ids = jdbc.sql("select id from notification where user_id = :user order by id").param("user", reader).query(Long.class).list();
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("digest.reader@school.example.cn");
        assertThat(mail.getSubject()).isEqualTo("测试" + login(reader) + "的每日待办（" + today.getYear() + "年" + today.getMonthValue() + "月"
                + today.getDayOfMonth() + "日，共 2 项）（工作计划管理）");
        assertThat(((String) mail.getContent()).replace("\r\n", "\n"))
                .contains("1. 【进度填报】“推进学前教育。”2026年6月的进度已由基础教育股审核通过。\n   https://workplan.example.cn/notifications/" + ids.get(0))
                .contains("2. 【办结】“推进课后服务。”已确认办结。\n   https://workplan.example.cn/notifications/" + ids.get(1))
                .contains("打开系统：https://workplan.example.cn/");
        int received = smtp.getReceivedMessages().length;
        digest.send(today);
        deliveries.deliverDue();
        Thread.sleep(300);
        assertThat(smtp.getReceivedMessages()).as("one a day").hasSize(received);
    }

    private static List<MimeMessage> mailsTo(String address) throws jakarta.mail.MessagingException {
        var mails = new java.util.ArrayList<MimeMessage>();
        for (var mail : smtp.getReceivedMessages()) {
            if (java.util.Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().equals(address))) {
                mails.add(mail);
            }
        }
        return mails;
    }

    private String login(long userId) {
        return jdbc.sql("select username from app_user where id = :id").param("id", userId).query(String.class).single();
    }

    private long person(String email) {
        long id = data.idOf(data.user(Role.PRINCIPAL));
        jdbc.sql("update app_user set email = :email where id = :id").param("email", email).param("id", id).update();
        return id;
    }

    private static MimeMessage single(boolean arrived) {
        assertThat(arrived).as("the mail arrived").isTrue();
        var received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
