package cn.workplan.todo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.CurrentUsers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's to-do list (待办), the one API for it: home pages, the navbar's count and anything that tells people what
 * waits for them (a daily digest reads {@link #entries(long, LocalDate, Locale)} for each person, by account id, without
 * a request). Asks every module's {@link ToDoSource}
 * in one read-only transaction and orders what they give, oldest due first; a constant number of SQL statements per
 * role, whatever the data.
 */
@Service
@Transactional(readOnly = true)
@org.springframework.boot.context.properties.EnableConfigurationProperties(ToDoProperties.class)
public class ToDoQueries {

    private static final Logger log = LoggerFactory.getLogger(ToDoQueries.class);

    private final List<ToDoSource> sources;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final Clock clock;

    ToDoQueries(List<ToDoSource> sources, CurrentUsers users, MessageSource messages, Clock clock) {
        this.sources = List.copyOf(sources);
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * What waits for the person with the account on the day, written in the language, oldest due first: for a digest or
     * a message sent to them outside any request of theirs. Nothing for an account that does not exist or is
     * deactivated. The same entries as their home page shows, with the same rights (the account's role, office, school).
     */
    public List<ToDoEntry> entries(long accountId, LocalDate today, Locale locale) {
        return of(accountId, today).entries().stream()
                .map(entry -> new ToDoEntry(entry.text(messages, locale), entry.link(), entry.due(), entry.overdue(today)))
                .toList();
    }

    /** The to-do list of the person with the account on the day; empty for no account or a deactivated one. */
    public ToDoList of(long accountId, LocalDate today) {
        return users.active(accountId).map(user -> of(user, today)).orElseGet(() -> new ToDoList(today, List.of()));
    }

    /** What waits for the person today. */
    public ToDoList of(CurrentUser user) {
        return of(user, LocalDate.now(clock));
    }

    /** What waits for the person on the day. */
    public ToDoList of(CurrentUser user, LocalDate today) {
        var entries = new ArrayList<ToDo>();
        for (var source : sources) {
            entries.addAll(source.toDos(user, today));
        }
        var zone = clock.getZone();
        entries.sort(Comparator.comparing((ToDo entry) -> entry.orderDay(zone))
                .thenComparing(ToDo::since, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ToDo::link));
        log.debug("{} has {} to-do(s)", user.getUsername(), entries.size());
        return new ToDoList(today, entries);
    }
}
