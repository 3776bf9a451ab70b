package cn.workplan.system.table;

import java.util.Map;

/** One data row of an uploaded table: its line number in the file and its cells by column key. */
public record TableRow(int line, Map<String, String> cells) {

    /** The cell's text, trimmed; empty when the column is absent or the cell blank. */
    public String get(String key) {
        var value = cells.get(key);
        return value == null ? "" : value.strip();
    }
}
