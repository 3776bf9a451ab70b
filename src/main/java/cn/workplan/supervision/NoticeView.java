package cn.workplan.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One notice as its page, its print view and its Word file show it, with what the viewer may do with it. Names
 * are display names; a step not taken yet has {@code null} name and time.
 *
 * @param lineId  the line of responsibility it is about, {@code null} for the whole item
 * @param toSchool whether the recipient is a school (else an office)
 * @param overdue no reply, not closed, and its reply deadline has passed
 */
public record NoticeView(long id, String number, long planId, String planTitle, long itemId, String itemLabel,
        String itemHeadline, Long lineId, String recipient, boolean toSchool, String matter, LocalDate replyBy,
        NoticeState state, String issuer, String issuerOffice, Instant issuedAt, String acknowledgedBy,
        Instant acknowledgedAt, String reply, String repliedBy, Instant repliedAt, String closedBy, Instant closedAt,
        Instant escalatedAt, String escalatedTo, long version, boolean overdue, List<Step> history, Actions can) {

    NoticeView with(List<Step> history, Actions can) {
        return new NoticeView(id, number, planId, planTitle, itemId, itemLabel, itemHeadline, lineId, recipient, toSchool,
                matter, replyBy, state, issuer, issuerOffice, issuedAt, acknowledgedBy, acknowledgedAt, reply, repliedBy,
                repliedAt, closedBy, closedAt, escalatedAt, escalatedTo, version, overdue, List.copyOf(history), can);
    }

    /** The item as the notice names it: 3.推进教育信息化建设. */
    public String item() {
        return itemLabel + itemHeadline;
    }

    /**
     * One step of the notice's history.
     *
     * @param action ISSUED, ACKNOWLEDGED, REPLIED, RETURNED, CLOSED or ESCALATED
     * @param actor  who took it; {@code null} for the escalation job
     * @param text   the matter, the reply as written, or the comment
     */
    public record Step(String action, String actor, String text, Instant at) {
    }

    /**
     * What the viewer may do now.
     *
     * @param acknowledge sign for it (the recipient, while issued)
     * @param reply       write or revise the reply (the recipient, after acknowledging, until closed)
     * @param review      close it or send the reply back (the issuer, the issuing office, leaders, while replied)
     */
    public record Actions(boolean acknowledge, boolean reply, boolean review) {
    }
}
