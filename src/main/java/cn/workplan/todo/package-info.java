/**
 * To-do lists (待办): what waits for each person, the first thing on every home page and counted in the navigation
 * bar, each entry a link to the page where it is done, oldest due first, gone once done.
 *
 * <p>{@link cn.workplan.todo.ToDoQueries#of} is the one entry point (the home pages, the list's page {@code /todo}, the
 * navbar's count, the daily digest through {@code ToDoDigest}). The entries come from the modules that own what is
 * waiting: each declares a {@link cn.workplan.todo.ToDoSource} bean reading its own tables in a fixed number of
 * statements. So this module reads nobody's tables and uses nobody's services, only {@code account} (who is asking),
 * {@code notification} (the digest's {@code DigestSource} it implements) and {@code system}; the modules with things
 * to do depend on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "To-do lists")
package cn.workplan.todo;
