package cn.workplan.notification;

import java.time.Instant;

/**
 * A notification as its reader sees it.
 *
 * @param text the message in the reader's language
 * @param link the application path it is about, or {@code null}
 */
public record NotificationView(long id, String text, String link, Instant createdAt, boolean unread) {
}
