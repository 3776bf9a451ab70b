/**
 * To-do lists (待办): what waits for each person, the first thing on every home page and counted in the navigation
 * bar, each entry a link to the page where it is done, oldest due first, gone once done.
 *
 * <p>{@link cn.workplan.todo.ToDoQueries#of} is the one entry point (the home pages, the navbar's count, a daily
 * digest). The entries come from the modules that own what is waiting: each declares a {@link cn.workplan.todo.ToDoSource}
 * bean reading its own tables in a fixed number of statements. So this module depends on nobody's tables and nobody's
 * services, only on {@code account} (who is asking) and {@code system}; the modules with things to do depend on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "To-do lists")
package cn.workplan.todo;
