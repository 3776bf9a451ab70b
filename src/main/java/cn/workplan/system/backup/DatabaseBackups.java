package cn.workplan.system.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Logical backups of the database, written by the application itself: the quick start's binaries have no
 * {@code pg_dump}. One read-only REPEATABLE READ transaction sees one moment of the database, and every table leaves
 * it through {@code COPY ... TO STDOUT} (CSV with a header) into one zip file with a manifest ({@link BackupManifest}).
 * The tallies kept by triggers are tables like any other, so a restore loads them as they were, triggers off.
 */
@Component
public class DatabaseBackups {

    /** The daily backups' names; retention deletes only these (not, say, the copy taken before a restore). */
    static final Pattern DAILY = Pattern.compile("workplan-\\d{8}-\\d{6}\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Logger log = LoggerFactory.getLogger(DatabaseBackups.class);

    private final DataSource dataSource;
    private final BackupProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final boolean daily;

    @Autowired
    DatabaseBackups(DataSource dataSource, BackupProperties properties, ObjectMapper json, Clock clock, Environment environment) {
        this(dataSource, properties, json, clock, BackupConfiguration.BackupsEnabled.inUse(environment));
    }

    DatabaseBackups(DataSource dataSource, BackupProperties properties, ObjectMapper json, Clock clock, boolean daily) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.daily = daily;
    }

    /** Whether the daily backup runs here (by default on the quick-start database only). */
    public boolean daily() {
        return daily;
    }

    public BackupProperties settings() {
        return properties;
    }

    /** A backup file in the backup directory. */
    public record BackupFile(Path path, Instant modified, long size) {

        public String name() {
            return path.getFileName().toString();
        }
    }

    /** Backs the database up now into the backup directory, then deletes the daily backups beyond the newest {@code keep}. */
    public Path backUp() {
        long started = System.nanoTime();
        var file = properties.directory().resolve("workplan-" + STAMP.format(LocalDateTime.now(clock)) + ".zip");
        var manifest = write(dataSource, file);
        int deleted = prune();
        log.info("Backed up the database (schema version {}, {} tables, {} rows) to {} in {} ms ({} kB){}", manifest.schemaVersion(),
                manifest.tables().size(), manifest.rows(), file, (System.nanoTime() - started) / 1_000_000, size(file) / 1024,
                deleted == 0 ? "" : "; deleted " + deleted + " older backup(s)");
        return file;
    }

    /** The backup files of the directory, newest first. */
    public List<BackupFile> list() {
        var directory = properties.directory();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            var found = new ArrayList<BackupFile>();
            for (var file : files.filter(path -> path.getFileName().toString().endsWith(".zip")).toList()) {
                found.add(new BackupFile(file, Files.getLastModifiedTime(file).toInstant(), Files.size(file)));
            }
            found.sort(Comparator.comparing(BackupFile::modified).thenComparing(BackupFile::name).reversed());
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the daily backups beyond the newest {@code workplan.backup.keep}; returns how many. */
    int prune() {
        var daily = list().stream().filter(file -> DAILY.matcher(file.name()).matches())
                .sorted(Comparator.comparing(BackupFile::name).reversed()).toList();
        int deleted = 0;
        for (var old : daily.subList(Math.min(properties.keep(), daily.size()), daily.size())) {
            try {
                Files.deleteIfExists(old.path());
                deleted++;
                log.info("Deleted the old backup {} (keeping the newest {})", old.path(), properties.keep());
            } catch (IOException e) {
                log.warn("Could not delete the old backup {}", old.path(), e);
            }
        }
        return deleted;
    }

    /** Writes a backup of the database behind the data source into the file (complete, or not at all). */
    BackupManifest write(DataSource source, Path file) {
        var partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            BackupManifest manifest;
            try (var connection = source.getConnection();
                    var zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                manifest = write(connection, zip);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException | SQLException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the partial file is named as such and never taken for a backup
            }
            throw new IllegalStateException("The backup to " + file + " failed: " + e.getMessage(), e);
        }
    }

    private BackupManifest write(Connection connection, ZipOutputStream zip) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            // the transaction's first statement fixes the moment every table is read at
            var version = SchemaTables.schemaVersion(connection);
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            var tables = new ArrayList<BackupManifest.Table>();
            for (var table : SchemaTables.data(connection)) {
                var columns = SchemaTables.columns(connection, table);
                long rows = count(connection, table);
                var entry = new BackupManifest.Table(table, columns, rows, null);
                zip.putNextEntry(new ZipEntry(entry.entry()));
                var digest = new DigestOutputStream(new KeptOpen(zip), sha256());
                copy.copyOut("copy " + SchemaTables.quoted(table) + " (" + SchemaTables.columnList(columns)
                        + ") to stdout with (format csv, header true, encoding 'UTF8')", digest);
                zip.closeEntry();
                tables.add(new BackupManifest.Table(table, columns, rows, HexFormat.of().formatHex(digest.getMessageDigest().digest())));
            }
            var sequences = new ArrayList<BackupManifest.Sequence>();
            for (var sequence : SchemaTables.sequences(connection)) {
                try (var statement = connection.createStatement();
                        var rows = statement.executeQuery("select last_value, is_called from " + SchemaTables.quoted(sequence))) {
                    rows.next();
                    sequences.add(new BackupManifest.Sequence(sequence, rows.getLong("last_value"), rows.getBoolean("is_called")));
                }
            }
            connection.commit();
            var manifest = new BackupManifest(BackupManifest.FORMAT, BackupManifest.APPLICATION, clock.instant(), version, tables, sequences);
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            return manifest;
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.setReadOnly(false);
            connection.setAutoCommit(autoCommit);
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) as row_count from " + SchemaTables.quoted(table))) {
            rows.next();
            return rows.getLong("row_count");
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The zip stream as one entry's destination: the copy closes what it wrote to, the zip must stay open. */
    private static final class KeptOpen extends FilterOutputStream {

        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
