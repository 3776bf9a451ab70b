package cn.workplan.supervision;

import java.util.List;

/** The notice was closed (办结): the matter is settled. */
public record NoticeClosed(long noticeId, String number, String itemHeadline, List<Long> recipientUserIds, String link) {
}
