package cn.workplan.notification;

import java.time.Instant;
import java.util.List;

/**
 * A part of what the daily digest (每日待办) lists for a person, each entry with the page where it is done. The digest
 * lists every source's entries in the sources' {@code @Order}: the to-do list first (the {@code todo} module's: what
 * waits for them), then the notification module's own ({@code UnreadNotificationsDigest}: what they were told in the
 * last day and have not read, the messages their settings hold for the digest among them).
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
