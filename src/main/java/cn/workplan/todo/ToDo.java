package cn.workplan.todo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One thing that waits for a person (待办): what it is, who asked, by when, and the page where it is done.
 *
 * @param kind       what sort of thing it is, stable for tests and styles: {@code plan.review}, {@code report.due}, … (see
 *                   {@link ToDoKind})
 * @param messageKey the text in {@code messages.properties} ({@code todo.<kind>}), with its arguments: text, whole numbers,
 *                   days ({@link LocalDate}, written as the reader writes dates) and messages of their own ({@link #message}:
 *                   a period, 2026年11月)
 * @param link       the application path where it is done
 * @param due        by when it should be done, {@code null} when nothing sets a day
 * @param since      since when it has been waiting
 * @param from       who asked or sent it (a person or an office or school), {@code null} when nobody did (a period closing)
 * @param count      how many things the entry stands for (12 reports of one item to review); 1 for one thing
 */
public record ToDo(ToDoKind kind, String messageKey, List<Object> args, String link, LocalDate due, Instant since, String from, int count) {

    public ToDo {
        if (link == null || !link.startsWith("/") || link.startsWith("//")) {
            throw new IllegalArgumentException("a to-do's link is a path of this application: " + link);
        }
        args = List.copyOf(args);
        if (count < 1) {
            throw new IllegalArgumentException("a to-do stands for at least one thing");
        }
    }

    /** One thing, with its text and page. */
    public static ToDo of(ToDoKind kind, List<Object> args, String link, LocalDate due, Instant since, String from) {
        return new ToDo(kind, kind.messageKey(), args, link, due, since, from, 1);
    }

    /** A message as an argument of the entry's text: its key and its own arguments. */
    public static MessageSourceResolvable message(String key, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {key}, args, key);
    }

    /** The day it is ordered by: its due day, else the day it began to wait (an old request before a report due soon). */
    public LocalDate orderDay(java.time.ZoneId zone) {
        if (due != null) {
            return due;
        }
        return since == null ? LocalDate.MAX : since.atZone(zone).toLocalDate();
    }

    /** Whether its day has passed. */
    public boolean overdue(LocalDate today) {
        return due != null && due.isBefore(today);
    }

    /** The text in a language, as a digest or a message would write it (the page writes it from the key itself). */
    public String text(MessageSource messages, Locale locale) {
        var values = args.stream().map(arg -> {
            if (arg instanceof MessageSourceResolvable message) {
                return messages.getMessage(message, locale);
            }
            if (arg instanceof LocalDate day) {
                return java.time.format.DateTimeFormatter.ofPattern(messages.getMessage("format.date", null, locale), locale).format(day);
            }
            return arg;
        }).toArray();
        return messages.getMessage(messageKey, values, messageKey, locale);
    }
}
