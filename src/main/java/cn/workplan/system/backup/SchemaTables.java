package cn.workplan.system.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The application's tables and sequences in the current schema, read from the catalog. Flyway's history belongs to the
 * schema, not the data; the scheduler's locks and the HTTP sessions are passing state that a restore should not bring
 * back.
 */
final class SchemaTables {

    static final Set<String> NOT_DATA = Set.of("flyway_schema_history", "shedlock", "spring_session", "spring_session_attributes");

    private SchemaTables() {
    }

    /** Every table of the schema but Flyway's history (which Flyway rebuilds), in name order. */
    static List<String> all(Connection connection) throws SQLException {
        return names(connection, """
                select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.relname <> 'flyway_schema_history'
                order by c.relname""");
    }

    /** The tables a backup holds. */
    static List<String> data(Connection connection) throws SQLException {
        return all(connection).stream().filter(table -> !NOT_DATA.contains(table)).toList();
    }

    static List<String> sequences(Connection connection) throws SQLException {
        return names(connection, """
                select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind = 'S' order by c.relname""");
    }

    /** The columns a COPY reads and writes: all but generated ones, in their order. */
    static List<String> columns(Connection connection, String table) throws SQLException {
        try (var statement = connection.prepareStatement("""
                select a.attname as name from pg_attribute a
                where a.attrelid = cast(quote_ident(current_schema()) || '.' || quote_ident(?) as regclass)
                  and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                order by a.attnum""")) {
            statement.setString(1, table);
            return strings(statement.executeQuery());
        }
    }

    /** The schema's Flyway version, or {@code null} when Flyway has not run on it. */
    static String schemaVersion(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var exists = statement.executeQuery("select to_regclass('flyway_schema_history') is not null as present")) {
            exists.next();
            if (!exists.getBoolean("present")) {
                return null;
            }
        }
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("""
                select version from flyway_schema_history where success and version is not null
                order by installed_rank desc limit 1""")) {
            return rows.next() ? rows.getString("version") : null;
        }
    }

    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(SchemaTables::quoted).toList());
    }

    private static List<String> names(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            return strings(statement.executeQuery(sql));
        }
    }

    /** The column {@code name} of every row. */
    private static List<String> strings(java.sql.ResultSet rows) throws SQLException {
        try (rows) {
            var values = new ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString("name"));
            }
            return values;
        }
    }
}
