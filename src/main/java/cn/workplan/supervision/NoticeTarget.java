package cn.workplan.supervision;

import java.util.List;

/**
 * What a new notice is about and who receives it: a task item of a published plan and, optionally, one of its
 * lines of responsibility. The recipient is the line's office or school, or for the whole item its lead office.
 *
 * @param lines the item's other lines — cooperating offices and schools — the issuer may choose instead
 */
public record NoticeTarget(long itemId, Long lineId, long planId, String planTitle, String itemLabel, String itemHeadline,
        Long officeId, Long schoolId, String recipient, String leadOffice, List<Line> lines) {

    /**
     * A line of responsibility to choose as the recipient.
     *
     * @param kind COOPERATING or SCHOOL
     */
    public record Line(long id, String kind, String party) {
    }
}
