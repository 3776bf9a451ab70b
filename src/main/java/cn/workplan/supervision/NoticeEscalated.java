package cn.workplan.supervision;

/**
 * A notice had no reply after its deadline and was escalated to a leader (see {@link NoticeService#escalateOverdue}).
 *
 * @param leaderUserId the deputy director in charge of the recipient (or the leader the rule fell back to)
 */
public record NoticeEscalated(long noticeId, String number, String itemHeadline, long leaderUserId, String link) {
}
