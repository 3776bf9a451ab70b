package cn.workplan.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import cn.workplan.system.WorkplanProperties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.StringUtils;

/**
 * Mails each notification to its reader when an SMTP server is configured ({@code spring.mail.host}) and the
 * reader has an e-mail address: in Chinese, with a link that opens the notification (marking it read) at
 * {@code workplan.base-url}. Mail leaves after the transaction that stored the notifications commits, on a thread
 * of its own, so that the person's action never waits for the mail server; a failure is logged, never thrown.
 */
@Component
class NotificationMailer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);
    private static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;
    private static final int SUBJECT_LENGTH = 80;

    private final ObjectProvider<JavaMailSender> senders;
    private final JdbcClient jdbc;
    private final NotificationTexts texts;
    private final MessageSource messages;
    private final WorkplanProperties workplan;
    private final String from;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        var thread = new Thread(task, "notification-mail");
        thread.setDaemon(true);
        return thread;
    });

    NotificationMailer(ObjectProvider<JavaMailSender> senders, JdbcClient jdbc, NotificationTexts texts, MessageSource messages,
            WorkplanProperties workplan, @Value("${workplan.mail.from:}") String from,
            @Value("${spring.mail.username:}") String username) {
        this.senders = senders;
        this.jdbc = jdbc;
        this.texts = texts;
        this.messages = messages;
        this.workplan = workplan;
        this.from = StringUtils.hasText(from) ? from : username.contains("@") ? username : "workplan@localhost";
    }

    private record Mail(long id, String key, String args, String email, String name) {
    }

    @TransactionalEventListener
    void on(Notifications.NotificationsCreated created) {
        var sender = senders.getIfAvailable();
        if (sender == null) {
            return;
        }
        try {
            executor.execute(() -> mail(sender, created.ids()));
        } catch (RejectedExecutionException e) {
            log.warn("Notifications {} not mailed: the application is shutting down", created.ids());
        }
    }

    /** Mails the notifications whose readers have an address; one connection to the server for all of them. */
    void mail(JavaMailSender sender, List<Long> ids) {
        try {
            var mails = jdbc.sql("""
                    select n.id, n.message_key, cast(n.args as text), u.email, u.display_name
                    from notification n join app_user u on u.id = n.user_id
                    where n.id in (:ids) and u.active and u.email like '%_@_%'
                    order by n.id""")
                    .param("ids", ids)
                    .query((row, number) -> new Mail(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5)))
                    .list();
            var prepared = new ArrayList<MimeMessage>(mails.size());
            for (var mail : mails) {
                try {
                    prepared.add(message(sender, mail));
                } catch (MessagingException | MailException e) {
                    log.warn("Notification #{} not mailed to <{}>: {}", mail.id(), mail.email(), e.getMessage());
                }
            }
            if (!prepared.isEmpty()) {
                sender.send(prepared.toArray(MimeMessage[]::new));
                log.info("Mailed {} notification(s)", prepared.size());
            }
        } catch (RuntimeException e) {
            log.warn("Notifications {} not mailed: {}", ids, e.getMessage());
        }
    }

    private MimeMessage message(JavaMailSender sender, Mail mail) throws MessagingException {
        var text = texts.render(mail.key(), mail.args(), LANGUAGE);
        var link = workplan.absolute("/notifications/" + mail.id());
        var message = sender.createMimeMessage();
        var helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.email().strip());
        helper.setSubject(messages.getMessage("notification.mail.subject",
                new Object[] {text.length() > SUBJECT_LENGTH ? text.substring(0, SUBJECT_LENGTH - 1) + "…" : text}, LANGUAGE));
        helper.setText(messages.getMessage("notification.mail.body", new Object[] {mail.name(), text, link}, LANGUAGE));
        return message;
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Mail of notifications still pending at shutdown was dropped");
            executor.shutdownNow();
        }
    }
}
