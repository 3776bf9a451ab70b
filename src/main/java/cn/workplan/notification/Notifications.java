package cn.workplan.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells people something: the one entry point other modules use. A notification is a message key of
 * {@code messages.properties} with its arguments and, usually, the application path it is about; each reader sees
 * it in their own language, in the notification centre, and, as each chose ({@link DeliveryPreferences}), by e-mail
 * and in the group robot of their office or school, at once or in the next morning's digest (每日待办).
 *
 * <p>Sending joins the caller's transaction: the notifications and the messages they leave as (the outbox,
 * {@code notification_delivery}) exist exactly when the caller's change is committed; the messages leave only after
 * that commit, in the background ({@link Deliveries}), so a slow or broken mail server or robot never delays or undoes
 * what the person did, and nothing is lost while it is down. Deactivated accounts are skipped.
 *
 * <p>Arguments may be text, whole numbers, {@link java.math.BigDecimal}s, {@link java.time.LocalDate}s (shown as
 * each reader writes dates) and messages of their own made with {@link #message}; anything else is refused.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final JdbcClient jdbc;
    private final NotificationTexts texts;
    private final Outbox outbox;

    Notifications(JdbcClient jdbc, NotificationTexts texts, Outbox outbox) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.outbox = outbox;
    }

    /**
     * One notification for one person.
     *
     * @param messageKey the key of its text in {@code messages.properties}
     * @param args       the text's arguments ({0}, {1}, …)
     * @param link       the application path to open ({@code /items/42/lines}), or {@code null}
     */
    public record Note(long userId, String messageKey, List<?> args, String link) {

        public Note {
            if (messageKey == null || messageKey.isBlank() || messageKey.length() > 100) {
                throw new IllegalArgumentException("a notification needs a message key of at most 100 characters");
            }
            args = List.copyOf(args);
            if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.contains("\\") || link.length() > 500)) {
                throw new IllegalArgumentException("a notification's link is a path of this application: " + link);
            }
        }
    }

    /** A message as an argument of another ("2026年6月" inside a reminder): its key and its own arguments. */
    public static MessageSourceResolvable message(String key, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {key}, args);
    }

    /**
     * Tells each person the same thing, once each however often their id is given.
     *
     * @return how many were notified (active accounts among the ids)
     */
    @Transactional
    public int send(Collection<Long> userIds, String messageKey, List<?> args, String link) {
        return send(new LinkedHashSet<>(userIds).stream().map(id -> new Note(id, messageKey, args, link)).toList());
    }

    /**
     * Tells each person their own thing (a count of their own, say), in one statement however many they are, and
     * queues the messages that leave by e-mail or robot (two to four statements more, none without channels).
     *
     * @return how many were notified (those for active accounts)
     */
    @Transactional
    public int send(Collection<Note> notes) {
        if (notes.isEmpty()) {
            return 0;
        }
        var stored = jdbc.sql("""
                with inserted as (
                    insert into notification (user_id, message_key, args, link)
                    select u.id, e.note ->> 'key', e.note -> 'args', e.note ->> 'link'
                    from jsonb_array_elements(cast(:notes as jsonb)) with ordinality as e(note, position)
                    join person_view u on u.id = cast(e.note ->> 'user' as bigint) and u.active
                    order by e.position
                    returning id, user_id, message_key, args, link)
                select i.id, i.user_id, i.message_key, cast(i.args as text) as args, i.link, u.email, u.office_id, u.school_id
                from inserted i join person_view u on u.id = i.user_id
                order by i.id""")
                .param("notes", texts.encode(notes))
                .query(Outbox.Stored.class)
                .list();
        int queued = outbox.enqueue(stored);
        log.info("Notified {} of {} people ({}), {} message(s) queued", stored.size(), notes.size(),
                notes.stream().map(Note::messageKey).distinct().toList(), queued);
        return stored.size();
    }
}
