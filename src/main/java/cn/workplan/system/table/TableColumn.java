package cn.workplan.system.table;

import java.util.List;

/**
 * A column an import expects: the header people write (first name) and the other headers accepted
 * for it.
 */
public record TableColumn(String key, boolean required, List<String> headers) {

    public static TableColumn required(String key, String... headers) {
        return new TableColumn(key, true, List.of(headers));
    }

    public static TableColumn optional(String key, String... headers) {
        return new TableColumn(key, false, List.of(headers));
    }

    /** The header shown in templates and messages. */
    public String header() {
        return headers.get(0);
    }
}
