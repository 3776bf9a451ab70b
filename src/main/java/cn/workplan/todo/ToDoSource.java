package cn.workplan.todo;

import java.time.LocalDate;
import java.util.List;

import cn.workplan.account.CurrentUser;

/**
 * What one module has waiting for a person: its part of their to-do list. A module declares one bean of its own that
 * reads its own tables; {@link ToDoQueries} asks every source.
 *
 * <p>A source reads in a fixed number of statements whatever the data (a page's cost must not grow with a county's
 * reports), nothing for a role it has nothing for, and gives only what the person may open and act on.
 */
public interface ToDoSource {

    /** The person's entries on the day, in any order. */
    List<ToDo> toDos(CurrentUser user, LocalDate today);
}
