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

    /** How many things the entries of the kinds stand for (12 reports of one item to review count 12). */
    public int total(ToDoKind... kinds) {
        var wanted = java.util.EnumSet.noneOf(ToDoKind.class);
        wanted.addAll(List.of(kinds));
        return entries.stream().filter(entry -> wanted.contains(entry.kind())).mapToInt(ToDo::count).sum();
    }

    public List<ToDo> of(ToDoKind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).toList();
    }
}
