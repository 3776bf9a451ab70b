package cn.workplan.notification;

import java.time.Instant;
import java.util.List;

/**
 * What the daily digest (每日待办) lists for a person: what waits for them, each entry with the page where it is done.
 * The notification module has one of its own ({@code UnreadNotificationsDigest}: the person's unread notifications of
 * the last day); a module that knows what waits for whom (the to-do lists of the home pages) provides a better one as
 * a {@code @Primary} bean, which the digest then uses.
 */
public interface DigestSource {

    /**
     * The entries for the person, most pressing first (oldest due first), in Chinese; none when nothing waits.
     *
     * @param userId the person (an active account)
     * @param asOf   the moment the digest is made
     */
    List<DigestItem> itemsFor(long userId, Instant asOf);
}
