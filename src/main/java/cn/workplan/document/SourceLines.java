package cn.workplan.document;

/**
 * Where something stands in the uploaded source, so a preview can show it beside the outline: lines of
 * a text, paragraphs of a Word document (table cells counted in reading order) or rows of a sheet,
 * each counted from 1.
 */
public record SourceLines(int first, int last) {

    public SourceLines {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("not a line range: " + first + "-" + last);
        }
    }

    public static SourceLines of(int line) {
        return new SourceLines(line, line);
    }

    /** This range stretched to take in {@code line}. */
    public SourceLines through(int line) {
        return new SourceLines(Math.min(first, line), Math.max(last, line));
    }

    public boolean contains(int line) {
        return line >= first && line <= last;
    }
}
