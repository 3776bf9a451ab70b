package cn.workplan.supervision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A notice in the list.
 *
 * @param overdue          no reply, not closed, and its reply deadline has passed
 * @param escalatedToViewer escalated to the person looking at the list
 */
public record NoticeRow(long id, String number, String planTitle, String itemLabel, String itemHeadline, String recipient,
        LocalDate replyBy, NoticeState state, Instant issuedAt, boolean escalated, boolean escalatedToViewer, boolean overdue) {
}
