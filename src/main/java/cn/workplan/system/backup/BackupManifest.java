package cn.workplan.system.backup;

import java.time.Instant;
import java.util.List;

/**
 * What a backup file holds, written as {@code manifest.json} beside one CSV file per table: the schema version the
 * rows fit, and for each table its columns, rows and the SHA-256 of its file, so that a restore checks the file
 * before it touches the database.
 *
 * @param format        the layout of the file, 1 for now
 * @param schemaVersion the Flyway version of the schema the rows were read from
 */
public record BackupManifest(int format, String application, Instant createdAt, String schemaVersion, List<Table> tables,
        List<Sequence> sequences) {

    static final int FORMAT = 1;
    static final String APPLICATION = "workplan";
    static final String ENTRY = "manifest.json";

    /** A table's rows, in {@code tables/<name>.csv}: PostgreSQL's CSV with a header of the column names. */
    public record Table(String name, List<String> columns, long rows, String sha256) {

        String entry() {
            return "tables/" + name + ".csv";
        }
    }

    /** A sequence's position, set again after the rows are loaded. */
    public record Sequence(String name, long lastValue, boolean called) {
    }

    public long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
