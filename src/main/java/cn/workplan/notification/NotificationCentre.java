package cn.workplan.notification;

import java.sql.Timestamp;
import java.util.Locale;

import cn.workplan.system.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own notifications: the count on the bell, the pages of the notification centre, opening one and
 * marking all read. Every method is scoped by the reader's id; someone else's notification reads as not found.
 */
@Service
@Transactional(readOnly = true)
public class NotificationCentre {

    public static final int PAGE_SIZE = 20;

    private static final Logger log = LoggerFactory.getLogger(NotificationCentre.class);

    private final JdbcClient jdbc;
    private final NotificationTexts texts;

    NotificationCentre(JdbcClient jdbc, NotificationTexts texts) {
        this.jdbc = jdbc;
        this.texts = texts;
    }

    /** A page of the person's notifications, newest first, and how many of all are unread. */
    public record Notices(Page<NotificationView> page, long unread) {
    }

    /** How many notifications the person has not read: one count on a partial index. */
    public long unread(long userId) {
        return jdbc.sql("select count(*) from notification where user_id = :user and read_at is null")
                .param("user", userId).query(Long.class).single();
    }

    /** A page (from 0) of the person's notifications in the language, newest first. Two statements. */
    public Notices page(long userId, int page, Locale locale) {
        var request = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
        var counts = jdbc.sql("""
                select count(*) as total, count(*) filter (where read_at is null) as unread from notification where user_id = :user""")
                .param("user", userId).query(Counts.class).single();
        var rows = jdbc.sql("""
                select id, message_key, cast(args as text) as args, link, created_at, read_at is null as unread
                from notification where user_id = :user
                order by id desc limit :limit offset :offset""")
                .param("user", userId).param("limit", request.getPageSize()).param("offset", request.getOffset())
                .query(Row.class).list().stream()
                .map(row -> new NotificationView(row.id(), texts.render(row.messageKey(), row.args(), locale), row.link(),
                        row.createdAt().toInstant(), row.unread()))
                .toList();
        return new Notices(new PageImpl<>(rows, request, counts.total()), counts.unread());
    }

    private record Counts(long total, long unread) {
    }

    private record Row(long id, String messageKey, String args, String link, Timestamp createdAt, boolean unread) {
    }

    /**
     * Marks the person's notification read and answers the path it is about (the notification centre when it has
     * none). Someone else's notification is not found, and stays as it was.
     */
    @Transactional
    public String open(long id, long userId) {
        var link = jdbc.sql("""
                update notification set read_at = coalesce(read_at, now()) where id = :id and user_id = :user
                returning coalesce(link, '/notifications')""")
                .param("id", id).param("user", userId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("notification", id));
        log.debug("user #{} opened notification #{}", userId, id);
        return link;
    }

    /** Marks every unread notification of the person read; answers how many. */
    @Transactional
    public int markAllRead(long userId) {
        int marked = jdbc.sql("update notification set read_at = now() where user_id = :user and read_at is null")
                .param("user", userId).update();
        log.info("user #{} marked {} notification(s) read", userId, marked);
        return marked;
    }
}
