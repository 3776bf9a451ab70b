package cn.workplan.supervision;

/**
 * The recipient replied to a notice, or revised the reply.
 *
 * @param issuerUserId who issued the notice
 * @param revised      whether an earlier reply was replaced
 */
public record NoticeReplied(long noticeId, String number, String itemHeadline, long issuerUserId, boolean revised,
        String link) {
}
