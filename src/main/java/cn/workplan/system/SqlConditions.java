package cn.workplan.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The where clause of a filtered list: only the conditions a filter sets, each a constant piece of SQL with its value
 * bound (nothing typed in reaches the statement's text), so that the planner sees plain conditions and picks the index
 * of the part that is set.
 */
public final class SqlConditions {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Adds {@code condition}, which names the parameter {@code :name}, bound to {@code value}. */
    public SqlConditions and(String condition, String name, Object value) {
        conditions.add(condition);
        parameters.put(name, value);
        return this;
    }

    /** {@code " where a and b"}, or nothing when no condition is set. */
    public String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
