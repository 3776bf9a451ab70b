package cn.workplan.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import cn.workplan.system.WorkplanProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The e-mail channel, when an SMTP server is configured ({@code spring.mail.host}): a notification in Chinese with a
 * link that opens it (marking it read) at {@code workplan.base-url}, or a composed message (the daily digest) with a
 * link per entry. One connection to the server for a batch; each message's own failure is told apart.
 */
@Component
class Mail {

    private static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;
    private static final int SUBJECT_LENGTH = 80;

    /** One e-mail to write: a notification ({@code key}, {@code args}) or a composed message. */
    record Letter(long deliveryId, String email, String name, Long notificationId, String key, String args, Composed composed) {
    }

    private final ObjectProvider<JavaMailSender> senders;
    private final NotificationTexts texts;
    private final MessageSource messages;
    private final WorkplanProperties workplan;
    private final String from;

    Mail(ObjectProvider<JavaMailSender> senders, NotificationTexts texts, MessageSource messages, WorkplanProperties workplan,
            @Value("${workplan.mail.from:}") String from, @Value("${spring.mail.username:}") String username) {
        this.senders = senders;
        this.texts = texts;
        this.messages = messages;
        this.workplan = workplan;
        this.from = StringUtils.hasText(from) ? from : username.contains("@") ? username : "workplan@localhost";
    }

    boolean configured() {
        return senders.getIfAvailable() != null;
    }

    /**
     * Sends the letters; answers the failed ones' errors by delivery id (the others were accepted by the server).
     * Without a configured server every letter fails.
     */
    Map<Long, String> send(List<Letter> letters) {
        var failures = new HashMap<Long, String>();
        var sender = senders.getIfAvailable();
        if (sender == null) {
            letters.forEach(letter -> failures.put(letter.deliveryId(), Deliveries.NO_MAIL_SERVER));
            return failures;
        }
        var prepared = new LinkedHashMap<MimeMessage, Long>();
        for (var letter : letters) {
            try {
                prepared.put(message(sender, letter), letter.deliveryId());
            } catch (MessagingException | MailException | IllegalStateException e) {
                failures.put(letter.deliveryId(), e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        if (prepared.isEmpty()) {
            return failures;
        }
        try {
            sender.send(prepared.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            var failed = e.getFailedMessages();
            for (var entry : prepared.entrySet()) {
                // no message named: the connection itself failed, so none left
                var cause = failed.isEmpty() ? e : failed.get(entry.getKey());
                if (cause != null) {
                    failures.put(entry.getValue(), describe(cause));
                }
            }
        } catch (MailException e) {
            prepared.values().forEach(id -> failures.put(id, describe(e)));
        }
        return failures;
    }

    private static String describe(Exception e) {
        var root = e;
        while (root.getCause() instanceof Exception cause && cause != root) {
            root = cause;
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage() + (root != e ? " (" + root.getMessage() + ")" : "");
    }

    private MimeMessage message(JavaMailSender sender, Letter letter) throws MessagingException {
        String subject;
        String body;
        if (letter.composed() != null) {
            var composed = letter.composed();
            subject = composed.title();
            var lines = new ArrayList<String>();
            int number = 0;
            for (var item : composed.items()) {
                lines.add(++number + ". " + item.text() + (item.link() == null ? "" : "\n   " + workplan.absolute(item.link())));
            }
            if (composed.more() > 0) {
                lines.add(messages.getMessage("notification.digest.more", new Object[] {composed.more()}, LANGUAGE));
            }
            body = messages.getMessage("notification.digest.mail.body", new Object[] {letter.name(), String.join("\n\n", lines),
                    workplan.absolute("/")}, LANGUAGE);
        } else {
            var text = texts.render(letter.key(), letter.args(), LANGUAGE);
            subject = text;
            body = messages.getMessage("notification.mail.body", new Object[] {letter.name(), text,
                    workplan.absolute("/notifications/" + letter.notificationId())}, LANGUAGE);
        }
        var message = sender.createMimeMessage();
        var helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(letter.email().strip());
        helper.setSubject(messages.getMessage("notification.mail.subject",
                new Object[] {subject.length() > SUBJECT_LENGTH ? subject.substring(0, SUBJECT_LENGTH - 1) + "…" : subject}, LANGUAGE));
        helper.setText(body);
        return message;
    }
}
