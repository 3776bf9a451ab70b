package cn.workplan.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The PostgreSQL server of a test run: a Testcontainers container when a Docker engine answers, the
 * embedded PostgreSQL otherwise. Started once per JVM; every Spring context gets a database of its own
 * on it, so that contexts never see each other's rows.
 *
 * <p>A context's database is a copy of a template that Flyway migrated once per JVM ({@code CREATE DATABASE …
 * TEMPLATE}), so the context's own Flyway only validates an up-to-date schema instead of running every migration
 * again. Tests of a migration itself take an empty database ({@link #newDatabase()}).
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static final String TEMPLATE = "workplan_template";
    private static final AtomicInteger databases = new AtomicInteger();
    private static volatile Server server;
    private static boolean templateMigrated;

    private TestDatabase() {
    }

    /** A new, empty database; returns its JDBC URL, user and password. */
    public static Connection newDatabase() {
        return create("");
    }

    /**
     * A new database with the schema of every migration of {@code classpath:db/migration} (and Flyway's history of
     * them) and nothing else: a copy of the template, migrated on the first call.
     */
    public static synchronized Connection newMigratedDatabase() {
        if (!templateMigrated) {
            migrateTemplate();
            templateMigrated = true;
        }
        return create(" template " + TEMPLATE);
    }

    private static Connection create(String clause) {
        var server = server();
        var name = "workplan_test_" + databases.incrementAndGet();
        execute(server, "create database " + name + clause);
        return new Connection(server.urlOf(name), server.user(), server.password());
    }

    private static void migrateTemplate() {
        var server = server();
        long start = System.nanoTime();
        execute(server, "create database " + TEMPLATE);
        // a pool-less data source: no connection to the template may stay open, or copying it fails
        var dataSource = new DriverManagerDataSource(server.urlOf(TEMPLATE), server.user(), server.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        // copies are all it is for: nothing connects to it by mistake and holds up the next copy
        execute(server, "alter database " + TEMPLATE + " with is_template true allow_connections false");
        log.info("Test database template {} migrated in {} ms", TEMPLATE, (System.nanoTime() - start) / 1_000_000);
    }

    private static void execute(Server server, String sql) {
        try (var connection = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + sql, e);
        }
    }

    private static Server server() {
        if (server == null) {
            synchronized (TestDatabase.class) {
                if (server == null) {
                    server = start();
                }
            }
        }
        return server;
    }

    private static Server start() {
        if (dockerAvailable()) {
            log.info("Tests run on PostgreSQL in a Testcontainers container");
            var container = new PostgreSQLContainer<>("postgres:17-alpine");
            container.start();
            var base = container.getJdbcUrl().substring(0, container.getJdbcUrl().lastIndexOf('/') + 1);
            return new Server(base, container.getDatabaseName(), container.getUsername(), container.getPassword());
        }
        log.info("No Docker engine: tests run on the embedded PostgreSQL");
        try {
            var directory = Files.createTempDirectory("workplan-test-pg");
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(true)
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    log.warn("could not stop the embedded PostgreSQL", e);
                }
            }));
            return new Server("jdbc:postgresql://localhost:" + postgres.getPort() + "/", "postgres", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("WORKPLAN_TEST_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public record Connection(String url, String user, String password) {
    }

    private record Server(String base, String adminDatabase, String user, String password) {

        String adminUrl() {
            return base + adminDatabase;
        }

        String urlOf(String database) {
            return base + database;
        }
    }
}
