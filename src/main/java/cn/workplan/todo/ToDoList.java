package cn.workplan.todo;

import java.time.LocalDate;
import java.util.List;

/**
 * A person's to-do list on a day, oldest due first.
 *
 * @param entries what waits, each a link to where it is done
 */
public record ToDoList(LocalDate today, List<ToDo> entries) {

    public ToDoList {
        entries = List.copyOf(entries);
    }

    /** How many entries: the navbar's count. */
    public int count() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The entries whose day has passed. */
    public long overdue() {
        return entries.stream().filter(entry -> entry.overdue(today)).count();
    }

    public List<ToDo> of(ToDoKind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).toList();
    }
}
