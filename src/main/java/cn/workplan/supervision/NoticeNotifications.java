package cn.workplan.supervision;

import java.util.List;

import cn.workplan.notification.Notifications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the people concerned what happened to a notice, in their notification centre (and by e-mail where
 * configured), within the transaction of the change: the recipients when it is issued, sent back or closed;
 * the issuer when it is answered; the leader it is escalated to.
 */
@Component
class NoticeNotifications {

    private final Notifications notifications;

    NoticeNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(NoticeIssued issued) {
        notifications.send(issued.recipientUserIds(), "notification.notice.issued", List.of(issued.number(), issued.itemHeadline()),
                issued.link());
    }

    @EventListener
    void on(NoticeReplied replied) {
        notifications.send(List.of(replied.issuerUserId()), "notification.notice.replied",
                List.of(replied.number(), replied.itemHeadline()), replied.link());
    }

    @EventListener
    void on(NoticeReturned returned) {
        notifications.send(returned.recipientUserIds(), "notification.notice.returned",
                List.of(returned.number(), returned.itemHeadline(), returned.comment()), returned.link());
    }

    @EventListener
    void on(NoticeClosed closed) {
        notifications.send(closed.recipientUserIds(), "notification.notice.closed", List.of(closed.number(), closed.itemHeadline()),
                closed.link());
    }

    @EventListener
    void on(NoticeEscalated escalated) {
        notifications.send(List.of(escalated.leaderUserId()), "notification.notice.escalated",
                List.of(escalated.number(), escalated.itemHeadline()), escalated.link());
    }
}
