package cn.workplan.supervision;

import java.util.List;

/** The reply was sent back with a comment: the recipients are to reply again. */
public record NoticeReturned(long noticeId, String number, String itemHeadline, List<Long> recipientUserIds, String comment,
        String link) {
}
