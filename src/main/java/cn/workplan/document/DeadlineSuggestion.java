package cn.workplan.document;

import java.time.LocalDate;
import java.time.YearMonth;

import cn.workplan.plan.DeadlineKind;

/**
 * A deadline found in the prose, for a person to accept or drop. {@code kind} is {@code null} for a
 * deadline the product cannot express as a date ("暑期投入使用"): then only {@code phrase} says it.
 *
 * @param kind    a day, the end of a month, of a quarter or of the year; {@code null}: only as words
 * @param year    the year where the text names one (2012年元旦前), else {@code null}: the plan's year
 * @param month   for {@link DeadlineKind#DATE} and {@link DeadlineKind#MONTH_END}
 * @param day     for {@link DeadlineKind#DATE}
 * @param quarter for {@link DeadlineKind#QUARTER_END}
 * @param phrase  the words it was read from: 于1月31日前完成, 3月底, 年内, 暑期
 * @param source  the sentence that holds them
 */
public record DeadlineSuggestion(
        DeadlineKind kind, Integer year, Integer month, Integer day, Integer quarter, String phrase, String source) {

    /** The day the deadline falls on in {@code planYear} (or the year the text names); {@code null} when only words. */
    public LocalDate dateIn(int planYear) {
        if (kind == null) {
            return null;
        }
        int y = year == null ? planYear : year;
        return switch (kind) {
            case DATE -> LocalDate.of(y, month, day);
            case MONTH_END -> YearMonth.of(y, month).atEndOfMonth();
            case QUARTER_END -> YearMonth.of(y, quarter * 3).atEndOfMonth();
            case YEAR_END -> LocalDate.of(y, 12, 31);
        };
    }
}
