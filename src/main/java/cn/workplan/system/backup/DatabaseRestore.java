package cn.workplan.system.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Puts a backup back, into an empty database or over an existing one: the file is checked first (its manifest, every
 * table's SHA-256, the right to switch triggers off), what the database holds now is backed up beside the backups
 * ({@code workplan-…-before-restore.zip}), Flyway recreates the schema at the backup's version, and one transaction
 * loads every table with the triggers off (the tallies are in the backup as they were), sets the sequences and checks
 * the row counts. The application's own migrations then take the schema on to the current version.
 */
@Component
public class DatabaseRestore {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRestore.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final DatabaseBackups backups;
    private final BackupProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    DatabaseRestore(DatabaseBackups backups, BackupProperties properties, ObjectMapper json, Clock clock) {
        this.backups = backups;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Restores the backup into the database that Flyway is configured for, leaving its schema at the backup's version.
     *
     * @throws IllegalStateException when the file is not a whole Workplan backup, or the database refuses; nothing has
     *                               been changed when the file is at fault
     */
    public BackupManifest restore(Flyway flyway, Path file) {
        long started = System.nanoTime();
        var manifest = verified(file);
        var dataSource = flyway.getConfiguration().getDataSource();
        log.warn("Restoring the backup {} (taken {}, schema version {}, {} tables, {} rows): the database's present contents "
                + "are replaced", file, manifest.createdAt(), manifest.schemaVersion(), manifest.tables().size(), manifest.rows());
        try {
            keepWhatIsThere(dataSource);
            var schema = Flyway.configure(flyway.getConfiguration().getClassLoader())
                    .configuration(flyway.getConfiguration())
                    .cleanDisabled(false)
                    .target(manifest.schemaVersion())
                    .load();
            schema.clean();
            schema.migrate();
            try (var connection = dataSource.getConnection()) {
                load(connection, file, manifest);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("The restore of " + file + " failed: " + e.getMessage(), e);
        }
        log.warn("Restored the backup {}: {} tables, {} rows, schema version {}, in {} ms", file, manifest.tables().size(),
                manifest.rows(), manifest.schemaVersion(), (System.nanoTime() - started) / 1_000_000);
        return manifest;
    }

    /** The manifest of a file that is a whole Workplan backup: every table present with the checksum it was written with. */
    BackupManifest verified(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No backup file at " + file.toAbsolutePath());
        }
        try (var zip = new ZipFile(file.toFile())) {
            var entry = zip.getEntry(BackupManifest.ENTRY);
            if (entry == null) {
                throw new IllegalStateException(file + " is not a Workplan backup: it has no " + BackupManifest.ENTRY);
            }
            BackupManifest manifest;
            try (var in = zip.getInputStream(entry)) {
                manifest = json.readValue(in, BackupManifest.class);
            }
            if (!BackupManifest.APPLICATION.equals(manifest.application()) || manifest.format() != BackupManifest.FORMAT
                    || manifest.schemaVersion() == null) {
                throw new IllegalStateException(file + " is not a Workplan backup of format " + BackupManifest.FORMAT);
            }
            for (var table : manifest.tables()) {
                var data = zip.getEntry(table.entry());
                if (data == null) {
                    throw new IllegalStateException(file + " lacks the rows of " + table.name());
                }
                try (var in = new DigestInputStream(zip.getInputStream(data), DatabaseBackups.sha256())) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                    if (!HexFormat.of().formatHex(in.getMessageDigest().digest()).equals(table.sha256())) {
                        throw new IllegalStateException(file + " is damaged: the rows of " + table.name() + " do not match their checksum");
                    }
                }
            }
            return manifest;
        } catch (IOException e) {
            throw new IllegalStateException(file + " cannot be read as a backup: " + e.getMessage(), e);
        }
    }

    /** Backs up a database that holds anything before it is replaced, so that a restore can itself be undone. */
    private void keepWhatIsThere(DataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            mayLoadWithoutTriggers(connection);
            if (SchemaTables.schemaVersion(connection) == null) {
                return;
            }
        }
        var kept = properties.directory().resolve("workplan-" + STAMP.format(LocalDateTime.now(clock)) + "-before-restore.zip");
        backups.write(dataSource, kept);
        log.warn("The database as it was before the restore is kept in {}", kept);
    }

    /** Loading with the triggers off takes a superuser (the quick start's is), or the right granted to set it. */
    private static void mayLoadWithoutTriggers(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select has_parameter_privilege('session_replication_role', 'SET') as allowed")) {
            rows.next();
            if (!rows.getBoolean("allowed")) {
                throw new IllegalStateException("A restore loads the tables with their triggers off, which takes a database superuser "
                        + "or GRANT SET ON PARAMETER session_replication_role; the database user has neither. Nothing was changed.");
            }
        }
    }

    private void load(Connection connection, Path file, BackupManifest manifest) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try (var zip = new ZipFile(file.toFile()); var statement = connection.createStatement()) {
            // the backup holds what the triggers keep (tallies, chapters of lines): loading must not add it again
            statement.execute("set local session_replication_role = replica");
            var tables = SchemaTables.all(connection);
            if (!tables.isEmpty()) {
                statement.execute("truncate " + String.join(", ", tables.stream().map(SchemaTables::quoted).toList()));
            }
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (var table : manifest.tables()) {
                if (!tables.contains(table.name())) {
                    throw new IllegalStateException("The backup has rows of " + table.name() + ", which schema version "
                            + manifest.schemaVersion() + " does not have");
                }
                try (var in = zip.getInputStream(zip.getEntry(table.entry()))) {
                    long rows = copy.copyIn("copy " + SchemaTables.quoted(table.name()) + " (" + SchemaTables.columnList(table.columns())
                            + ") from stdin with (format csv, header match, encoding 'UTF8')", in);
                    if (rows != table.rows()) {
                        throw new IllegalStateException("Loaded " + rows + " rows of " + table.name() + " instead of " + table.rows());
                    }
                }
            }
            try (var position = connection.prepareStatement("select setval(cast(? as regclass), ?, ?)")) {
                for (var sequence : manifest.sequences()) {
                    position.setString(1, SchemaTables.quoted(sequence.name()));
                    position.setLong(2, sequence.lastValue());
                    position.setBoolean(3, sequence.called());
                    position.execute();
                }
            }
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
