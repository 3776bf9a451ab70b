package cn.workplan.supervision;

import java.util.List;

/**
 * A notice was issued (published in the issuing transaction).
 *
 * @param number           as printed, 督办〔2026〕3号
 * @param itemHeadline     the task item it is about
 * @param recipientUserIds the active staff of the recipient office, or the active principals of the recipient school
 * @param link             the notice's page, {@code /notices/{id}}
 */
public record NoticeIssued(long noticeId, String number, String itemHeadline, List<Long> recipientUserIds, String link) {
}
