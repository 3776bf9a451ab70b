package cn.workplan.system.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.workplan.support.Tiers;

/**
 * The quick start's own PostgreSQL, without Spring: durable settings as the server reports them, the superuser's
 * password in an owner-only file, a cluster of an earlier version (trust, no password) secured in place with its
 * data, and the supervisor starting a killed server again with every committed row.
 */
@Tag(Tiers.INTEGRATION)
class QuickStartServerTest {

    @TempDir
    Path temp;

    @Test
    void aNewClusterIsDurableAndAsksForThePassword() throws Exception {
        var directory = temp.resolve("postgres");
        String password;
        try (var server = QuickStartServer.start(directory, 0)) {
            assertThat(settings(server, "fsync", "synchronous_commit", "full_page_writes"))
                    .as("the server's own view of its settings").containsOnly("on");
            assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            var passwordFile = directory.resolve(QuickStartServer.PASSWORD_FILE);
            assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            password = Files.readString(passwordFile).strip();
            assertThat(password).isEqualTo(server.password()).hasSizeGreaterThanOrEqualTo(32);
            assertRefusesWithout(server, password);
            try (var connection = server.connect("postgres"); var statement = connection.createStatement()) {
                statement.execute("create table kept (value text)");
                statement.execute("insert into kept values ('before the restart')");
            }
        }
        try (var server = QuickStartServer.start(directory, 0)) {
            assertThat(server.password()).as("the same password on the next start").isEqualTo(password);
            assertThat(rows(server, "select value from kept")).containsExactly("before the restart");
        }
    }

    @Test
    void aClusterOfAnEarlierVersionIsSecuredInPlace() throws Exception {
        var directory = temp.resolve("legacy");
        // as the quick start created its clusters before: the library's defaults, trust and no password
        try (var legacy = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).start();
                var connection = legacy.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create table report (narrative text)");
            statement.execute("insert into report values ('三月份已完成')");
        }
        assertThat(Files.exists(directory.resolve(QuickStartServer.PASSWORD_FILE))).isFalse();

        try (var server = QuickStartServer.start(directory, 0)) {
            assertThat(rows(server, "select narrative from report")).containsExactly("三月份已完成");
            assertThat(settings(server, "fsync", "synchronous_commit", "full_page_writes")).containsOnly("on");
            assertRefusesWithout(server, server.password());
            assertThat(rows(server, "select distinct auth_method from pg_hba_file_rules")).containsExactly("scram-sha-256");
            assertThat(rows(server, "select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'postgres'"))
                    .containsExactly("t");
        }
    }

    @Test
    void theSupervisorStartsAKilledServerAgainWithEveryCommittedRow() throws Exception {
        try (var server = QuickStartServer.start(temp.resolve("supervised"), 0)) {
            var restarts = new AtomicInteger();
            try (var connection = server.connect("postgres"); var statement = connection.createStatement()) {
                statement.execute("create table saved (n int)");
                for (int i = 1; i <= 50; i++) {
                    statement.execute("insert into saved values (" + i + ")");
                }
            }
            var supervisor = new QuickStartSupervisor(server, Duration.ofMillis(200), restarts::incrementAndGet);
            supervisor.start();
            try {
                long pid = server.postmasterPid().orElseThrow();
                ProcessHandle.of(pid).orElseThrow().destroyForcibly();

                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                    assertThat(restarts).hasValue(1);
                    assertThat(server.postmasterPid()).isPresent().isNotEqualTo(java.util.Optional.of(pid));
                });
                assertThat(rows(server, "select count(*) from saved")).containsExactly("50");
                assertThat(settings(server, "fsync", "synchronous_commit")).as("the same settings after the restart").containsOnly("on");
            } finally {
                supervisor.close();
            }
        }
    }

    private static void assertRefusesWithout(QuickStartServer server, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", password + "x"))
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    private static List<String> settings(QuickStartServer server, String... names) throws SQLException {
        var values = new ArrayList<String>();
        for (var name : names) {
            values.addAll(rows(server, "show " + name));
        }
        return values;
    }

    private static List<String> rows(QuickStartServer server, String sql) throws SQLException {
        try (Connection connection = server.connect("postgres"); var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            var values = new ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
