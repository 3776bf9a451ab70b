package cn.workplan.system.table;

import java.util.List;

/**
 * What an import would do, shown before anything is written: every row of the file with the problems
 * found in it. Nothing is imported while {@link #hasErrors()}.
 *
 * @param <T> what each valid row becomes
 */
public record ImportPreview<T>(String fileName, List<String> headers, List<Line<T>> lines) {

    public boolean hasErrors() {
        return lines.stream().anyMatch(line -> !line.problems().isEmpty());
    }

    public long errorCount() {
        return lines.stream().filter(line -> !line.problems().isEmpty()).count();
    }

    public List<T> values() {
        return lines.stream().map(Line::value).toList();
    }

    /** A row of the file: its line number, the cells as read, what it becomes, and what is wrong with it. */
    public record Line<T>(int number, List<String> cells, T value, List<Problem> problems) {
    }

    /** A message key with its arguments, resolved on the page in the user's language. */
    public record Problem(String code, Object... arguments) {
    }
}
