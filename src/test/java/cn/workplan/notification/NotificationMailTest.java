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
 * {@code workplan.base-url}, to those with an address, only once the change is committed, and a mail server
 * that is down never fails what the person did. A context of its own (mail configured).
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
    void aMailServerThatIsDownNeverFailsTheReminder(CapturedOutput output) throws Exception {
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
        mvc.perform(post("/lines/{line}/remind", line).with(csrf()).with(user(data.login(data.staffOf(lead)))))
                .andExpect(flash().attribute("message", "reminder.sent"));

        assertThat(jdbc.sql("select count(*) from notification where user_id = :user").param("user", principal)
                .query(Long.class).single()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> output.getOut().contains("not mailed"));
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
