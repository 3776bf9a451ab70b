package cn.workplan.todo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import cn.workplan.notification.DigestItem;
import cn.workplan.notification.DigestSource;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The daily digest (每日待办) opens with the person's to-do list, the same entries in the same order as their home page:
 * what waits for them, with its day, each a link to where it is done (the notification module's unread messages follow).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@Component
class ToDoDigest implements DigestSource {

    private static final Locale DIGEST = Locale.SIMPLIFIED_CHINESE;

    private final ToDoQueries toDos;
    private final MessageSource messages;
    private final java.time.Clock clock;

    ToDoDigest(ToDoQueries toDos, MessageSource messages, java.time.Clock clock) {
        this.toDos = toDos;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public List<DigestItem> itemsFor(long userId, Instant asOf) {
        var today = LocalDate.ofInstant(asOf, clock.getZone());
        var dates = DateTimeFormatter.ofPattern(messages.getMessage("format.date", null, DIGEST));
        return toDos.entries(userId, today, DIGEST).stream()
                .map(entry -> new DigestItem(entry.due() == null ? entry.title() : entry.title() + "（"
                        + messages.getMessage(entry.overdue() ? "todo.dueOverdue" : "todo.dueOn",
                                new Object[] {dates.format(entry.due())}, DIGEST) + "）", entry.link()))
                .toList();
    }
}
