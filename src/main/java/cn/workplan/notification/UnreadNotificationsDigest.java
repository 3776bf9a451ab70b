package cn.workplan.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The digest's second part: the person's notifications of the last 24 hours that they have not read (those their
 * settings hold for the digest among them), oldest first, each opening the notification (which marks it read) and then
 * its page. One statement.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class UnreadNotificationsDigest implements DigestSource {

    private static final Duration DAY = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final NotificationTexts texts;

    UnreadNotificationsDigest(JdbcClient jdbc, NotificationTexts texts) {
        this.jdbc = jdbc;
        this.texts = texts;
    }

    private record Unread(long id, String messageKey, String args) {
    }

    @Override
    public List<DigestItem> itemsFor(long userId, Instant asOf) {
        return jdbc.sql("""
                select id, message_key, cast(args as text) as args from notification
                where user_id = :user and read_at is null and created_at > :since and created_at <= :asOf
                order by id""")
                .param("user", userId).param("since", Timestamp.from(asOf.minus(DAY))).param("asOf", Timestamp.from(asOf))
                .query(Unread.class).list().stream()
                .map(unread -> new DigestItem(texts.render(unread.messageKey(), unread.args(), Locale.SIMPLIFIED_CHINESE),
                        "/notifications/" + unread.id()))
                .toList();
    }
}
