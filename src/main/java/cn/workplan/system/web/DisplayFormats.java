package cn.workplan.system.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import cn.workplan.system.ChineseNumerals;
import cn.workplan.system.WorkplanProperties;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates as people read them: 2025年7月1日 in Chinese, Jul 1, 2025 in English, always in the bureau's
 * time zone. Templates call it as {@code ${@fmt.date(x)}} and {@code ${@fmt.dateTime(x)}}.
 */
@Component("fmt")
public class DisplayFormats {

    private final MessageSource messages;
    private final WorkplanProperties properties;

    DisplayFormats(MessageSource messages, WorkplanProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    public String date(TemporalAccessor value) {
        return format(value, "format.date");
    }

    public String dateTime(TemporalAccessor value) {
        return format(value, "format.dateTime");
    }

    /** A small count as headings and quarters read: 三 in Chinese, 3 in English. */
    public String numeral(int value) {
        return "zh".equals(LocaleContextHolder.getLocale().getLanguage()) ? ChineseNumerals.of(value) : Integer.toString(value);
    }

    private String format(TemporalAccessor value, String patternKey) {
        if (value == null) {
            return "";
        }
        var locale = LocaleContextHolder.getLocale();
        var formatter = DateTimeFormatter.ofPattern(messages.getMessage(patternKey, null, locale), locale);
        return formatter.format(zoned(value));
    }

    private TemporalAccessor zoned(TemporalAccessor value) {
        return value instanceof Instant instant ? instant.atZone(properties.timeZone()) : value;
    }
}
