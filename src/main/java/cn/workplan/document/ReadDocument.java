package cn.workplan.document;

import java.util.List;

/**
 * A document as read: what it was read as, and the text of its lines as they came in (line {@code n} at
 * index {@code n - 1}), so that a preview can show the source beside the outline.
 */
public record ReadDocument(ImportResult result, List<String> lines) {

    public ReadDocument {
        lines = List.copyOf(lines);
    }

    /** The text of line {@code number}; empty when there is no such line. */
    public String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }
}
