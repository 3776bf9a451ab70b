package cn.workplan.system.database;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quick start's PostgreSQL server, started from the zonky binaries with settings fit to keep a bureau's data:
 * every commit is flushed to disk before it is acknowledged, and only the application, with the superuser's
 * password, may connect.
 * <p>
 * The library is made for tests: it starts the server with {@code -F} (fsync off) and {@code synchronous_commit=off},
 * and creates the cluster with {@code trust} authentication. The server reads its command line in order and the
 * library puts {@code -F} first, so the {@code -c fsync=on} that follows wins ({@code QuickStartServerTest} asks the
 * server with {@code SHOW}). The password is generated on the first start and kept in {@value #PASSWORD_FILE} in the
 * data directory (owner-only); a cluster created by an earlier version, with {@code trust} and no password, is
 * upgraded in place on its next start.
 */
public final class QuickStartServer implements Closeable {

    /** The file in the data directory that holds the superuser's password. */
    public static final String PASSWORD_FILE = "workplan-superuser.password";
    public static final String SUPERUSER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(QuickStartServer.class);
    private static final String HBA_FILE = "pg_hba.conf";
    private static final String HBA_MARKER = "# Workplan: the superuser's password, scram-sha-256";
    private static final String HBA = HBA_MARKER + """

            # Written by Workplan when it secured this cluster: every connection needs the password in %s.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """.formatted(PASSWORD_FILE);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String password;
    private final Map<String, String> settings;
    /** Where the library unpacked the binaries, read from the running postmaster at the first start. */
    private final Optional<Path> postgresBinary;

    private QuickStartServer(EmbeddedPostgres postgres, Path dataDirectory, String password, Map<String, String> settings) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.password = password;
        this.settings = settings;
        this.postgresBinary = postmasterPid().flatMap(ProcessHandle::of).flatMap(process -> process.info().command()).map(Path::of);
    }

    /**
     * Starts the server on the cluster in the directory (created there on the first start), on the port or, with 0, on
     * a free one; secures a cluster that is not yet.
     */
    public static QuickStartServer start(Path directory, int port) throws IOException {
        var dataDirectory = directory.toAbsolutePath();
        Files.createDirectories(dataDirectory);
        ownerOnly(dataDirectory, "rwx------");
        boolean secured = isSecured(dataDirectory);
        var passwordFile = dataDirectory.resolve(PASSWORD_FILE);
        if (secured && !Files.exists(passwordFile)) {
            throw new IllegalStateException("The quick-start PostgreSQL in " + dataDirectory + " requires the superuser's password, but "
                    + passwordFile + " is missing. Restore the file from a copy of the directory, or restore a backup into a new "
                    + "data directory (see docs/deployment.md).");
        }
        // a cluster that initdb has yet to create must be empty, so a new password is written only once it exists
        var password = Files.exists(passwordFile) ? Files.readString(passwordFile).strip() : newPassword();
        var settings = durableSettings();
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                .setConnectConfig("password", password)
                .setPGStartupWait(Duration.ofSeconds(60));
        settings.forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        log.info("Starting the quick-start PostgreSQL with its data in {}", dataDirectory);
        var postgres = builder.start();
        var server = new QuickStartServer(postgres, dataDirectory, password, settings);
        try {
            if (!secured) {
                server.secure(passwordFile);
            }
            return server;
        } catch (IOException | SQLException | RuntimeException e) {
            postgres.close();
            throw e instanceof IOException io ? io : new IOException("could not secure the quick-start PostgreSQL", e);
        }
    }

    /**
     * The settings on the server's command line: durable commits ({@code fsync}, {@code synchronous_commit},
     * {@code full_page_writes}), no Unix socket (the application connects over TCP on localhost), UTC.
     */
    static Map<String, String> durableSettings() {
        var settings = new LinkedHashMap<String, String>();
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        settings.put("full_page_writes", "on");
        settings.put("max_connections", "50");
        settings.put("timezone", "UTC");
        settings.put("listen_addresses", "localhost");
        settings.put("unix_socket_directories", "");
        settings.put("password_encryption", "scram-sha-256");
        return settings;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String user() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** A connection as the superuser to a database of the server. */
    public Connection connect(String database) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /** The postmaster's process id, from its lock file; empty when the server is not running. */
    public Optional<Long> postmasterPid() {
        try {
            var lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts the postmaster again on the same data directory and port with the same settings, after it died: the server
     * replays its write-ahead log first, so every acknowledged commit is back. Waits until it accepts connections.
     *
     * @throws IOException when it does not start, e.g. while processes of the dead server still hold its shared memory
     */
    void restart(Duration timeout) throws IOException, InterruptedException {
        var binary = postgresBinary
                .orElseThrow(() -> new IOException("the PostgreSQL binaries of the quick start cannot be found"));
        var command = new ArrayList<String>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as the library does: PostgreSQL refuses to run as root, so run it in a user namespace of its own
            command.addAll(List.of("unshare", "-U"));
        }
        var pgCtl = binary.resolveSibling(binary.getFileName().toString().endsWith(".exe") ? "pg_ctl.exe" : "pg_ctl");
        command.addAll(List.of(pgCtl.toString(), "-D", dataDirectory.toString(),
                "-o", serverOptions(), "-w", "-t", Long.toString(Math.max(1, timeout.toSeconds())), "start"));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = drain(process);
        if (!process.waitFor(timeout.toSeconds() + 10, TimeUnit.SECONDS)) {
            process.destroy();
            throw new IOException("pg_ctl did not finish starting the server in " + timeout);
        }
        if (process.exitValue() != 0) {
            // a server that did not start closes the pipe: its last words say why
            output.join(1000);
            throw new IOException("pg_ctl could not start the server (exit code " + process.exitValue() + "): "
                    + String.join(" ", output.lastLines));
        }
    }

    /** The options the postmaster gets, as pg_ctl passes them to it through the shell. */
    private String serverOptions() {
        return "-p " + port() + " " + settings.entrySet().stream()
                .map(setting -> "-c " + setting.getKey() + "=" + setting.getValue())
                .collect(Collectors.joining(" "));
    }

    /**
     * Reads what the server writes to the pipe it inherits from pg_ctl, for as long as it runs: a pipe nobody reads
     * would fill and stop the server at its next log line.
     */
    private static Output drain(Process process) {
        var reader = new Output(process);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** The server's output, logged at debug level; the last few lines are kept to explain a failed start. */
    private static final class Output extends Thread {

        private final Process process;
        private final java.util.Deque<String> lastLines = new java.util.concurrent.ConcurrentLinkedDeque<>();

        Output(Process process) {
            super("quick-start-postgres-output");
            this.process = process;
        }

        @Override
        public void run() {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    log.debug("postgres: {}", line);
                    // the server's FATAL line says why it did not start; pg_ctl's own lines follow it
                    if (line.contains("FATAL") || line.startsWith("pg_ctl:")) {
                        lastLines.addLast(line.strip());
                    }
                    if (lastLines.size() > 3) {
                        lastLines.pollFirst();
                    }
                }
            } catch (IOException e) {
                log.debug("stopped reading the server's output", e);
            }
        }
    }

    /**
     * Gives the superuser its password and makes every connection prove it (scram-sha-256). The password file is
     * written first, so that a start interrupted half-way finds the password and does the rest again.
     */
    private void secure(Path passwordFile) throws IOException, SQLException {
        log.info("Securing the quick-start PostgreSQL: a password for its superuser, kept in {}", passwordFile);
        var written = passwordFile.resolveSibling(PASSWORD_FILE + ".new");
        Files.deleteIfExists(written);
        try {
            // owner-only from its first byte, not after
            Files.createFile(written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(written);
        }
        Files.writeString(written, password + "\n");
        Files.move(written, passwordFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (var connection = connect("postgres"); var statement = connection.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            // the password is generated here from [A-Za-z0-9_-] only, so it cannot break out of the literal
            statement.execute("alter role " + SUPERUSER + " with password '" + password + "'");
            var hba = dataDirectory.resolve(HBA_FILE);
            var replaced = hba.resolveSibling(HBA_FILE + ".new");
            Files.writeString(replaced, HBA);
            ownerOnly(replaced, "rw-------");
            Files.move(replaced, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            statement.execute("select pg_reload_conf()");
        }
        log.info("The quick-start PostgreSQL now asks every connection for the superuser's password (scram-sha-256)");
    }

    private static boolean isSecured(Path dataDirectory) throws IOException {
        var hba = dataDirectory.resolve(HBA_FILE);
        return Files.exists(hba) && Files.readString(hba).startsWith(HBA_MARKER);
    }

    private static String newPassword() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            log.debug("{} has no POSIX permissions to restrict", path);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

}
