package cn.workplan.summary;

import java.util.List;

/**
 * One part of a drafted report, as stored (JSON) and edited: a heading or a paragraph with its text, or a table
 * with its header and rows (text empty).
 */
public record Block(BlockKind kind, String text, List<String> header, List<List<String>> rows) {

    public Block {
        text = text == null ? "" : text;
        header = header == null ? List.of() : List.copyOf(header);
        rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
    }

    static Block heading(String text) {
        return new Block(BlockKind.HEADING, text, null, null);
    }

    static Block subheading(String text) {
        return new Block(BlockKind.SUBHEADING, text, null, null);
    }

    static Block paragraph(String text) {
        return new Block(BlockKind.PARAGRAPH, text, null, null);
    }

    static Block table(List<String> header, List<List<String>> rows) {
        return new Block(BlockKind.TABLE, "", header, rows);
    }

    public boolean isTable() {
        return kind == BlockKind.TABLE;
    }
}
