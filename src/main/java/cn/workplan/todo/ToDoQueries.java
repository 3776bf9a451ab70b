package cn.workplan.todo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.workplan.account.CurrentUser;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's to-do list (待办), the one API for it: home pages, the navbar's count and anything that tells people what
 * waits for them (a daily digest reads {@code of(user, today)} for each person). Asks every module's {@link ToDoSource}
 * in one read-only transaction and orders what they give, oldest due first; a constant number of SQL statements per
 * role, whatever the data.
 */
@Service
@Transactional(readOnly = true)
@org.springframework.boot.context.properties.EnableConfigurationProperties(ToDoProperties.class)
public class ToDoQueries {

    private static final Logger log = LoggerFactory.getLogger(ToDoQueries.class);

    private final List<ToDoSource> sources;
    private final Clock clock;

    ToDoQueries(List<ToDoSource> sources, Clock clock) {
        this.sources = List.copyOf(sources);
        this.clock = clock;
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
