package cn.workplan.plan;

import java.time.LocalDate;

import cn.workplan.system.web.DisplayFormats;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A deadline as people read it, in the current language: 6月底, 第二季度末, 年底前, 2026年3月31日, or — for none.
 * Templates call it as {@code ${@deadlines.label(kind, date)}}, once per row of the task table; exports use
 * the same words.
 */
@Component("deadlines")
public class DeadlineLabels {

    static final String NONE = "—";

    private final MessageSource messages;
    private final DisplayFormats formats;

    DeadlineLabels(MessageSource messages, DisplayFormats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    public String label(DeadlineKind kind, LocalDate date) {
        if (kind == null || date == null) {
            return NONE;
        }
        return switch (kind) {
            case DATE -> formats.date(date);
            case MONTH_END -> message("deadline.monthEnd", date.getMonthValue());
            case QUARTER_END -> message("deadline.quarterEnd", formats.numeral((date.getMonthValue() + 2) / 3));
            case YEAR_END -> message("deadline.yearEnd");
        };
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
