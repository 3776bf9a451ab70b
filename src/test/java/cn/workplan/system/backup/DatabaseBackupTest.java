package cn.workplan.system.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.workplan.account.Role;
import cn.workplan.execution.Progress;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestDatabase;
import cn.workplan.support.TestPlans;
import cn.workplan.support.TestReports;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A backup of the application's database (plans, lines, reports, the tallies their triggers keep, the audit trail)
 * restored into an empty database and over a changed one gives back exactly what was backed up, table by table
 * (row count and a checksum of the rows); a backup of an older schema is restored and then migrated on; retention
 * keeps the newest; a damaged file is refused before anything is touched.
 */
@IntegrationTest
class DatabaseBackupTest {

    @TempDir
    Path temp;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    TestReports reports;
    @Autowired
    TestClock clock;
    @Autowired
    ObjectMapper json;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aRestoreGivesBackExactlyTheBackedUpDatabase() throws Exception {
        planWithReports();
        Files.createDirectories(temp.resolve("backups"));
        var backups = backups(temp.resolve("backups"), 14, Clock.systemUTC());
        var before = checksums(dataSource);
        var file = temp.resolve("backup.zip");
        var manifest = backups.write(dataSource, file);
        assertThat(manifest.tables()).extracting(BackupManifest.Table::name)
                .contains("plan", "progress_report", "item_tally", "report_tally", "audit_event")
                .doesNotContain("flyway_schema_history", "shedlock");
        assertThat(manifest.schemaVersion()).isEqualTo(schemaVersion(dataSource));

        var target = newDatabase();
        var restore = new DatabaseRestore(backups, properties(temp.resolve("backups"), 14), json, Clock.systemUTC());
        restore.restore(flyway(target), file);
        assertThat(checksums(target)).as("restored into an empty database").isEqualTo(before);
        assertThat(Files.list(temp.resolve("backups")).toList()).as("an empty database has nothing to keep aside").isEmpty();

        var changed = JdbcClient.create(target);
        changed.sql("delete from progress_report_value").update();
        changed.sql("update item_tally set lines = lines + 5").update();
        changed.sql("insert into audit_event (actor, action, entity_type, entity_id) values ('someone', 'UPDATE', 'PLAN', 1)").update();
        changed.sql("update plan set title = title || '（改）'").update();
        assertThat(checksums(target)).isNotEqualTo(before);

        restore.restore(flyway(target), file);
        assertThat(checksums(target)).as("restored over a changed database").isEqualTo(before);
        assertThat(Files.list(temp.resolve("backups")).map(path -> path.getFileName().toString()).toList())
                .as("the changed database was backed up before it was replaced").singleElement().asString().endsWith("-before-restore.zip");
        long next = JdbcClient.create(target).sql("insert into office (name, short_name) values ('恢复后新建股', '恢复后新建股') returning id")
                .query(Long.class).single();
        assertThat(next).as("the sequences go on after the restored rows")
                .isGreaterThan(jdbc.sql("select max(id) from office").query(Long.class).single());
    }

    @Test
    void aBackupOfAnOlderSchemaIsRestoredAndMigratedOn() throws Exception {
        var older = newDatabase();
        Flyway.configure().dataSource(older).locations("classpath:db/migration").target("12").load().migrate();
        JdbcClient.create(older).sql("insert into school (name, kind, township) values ('旧版本小学', 'PRIMARY', '城关镇')").update();
        var backups = backups(temp, 14, Clock.systemUTC());
        var file = temp.resolve("older.zip");
        assertThat(backups.write(older, file).schemaVersion()).isEqualTo("12");

        var target = newDatabase();
        var flyway = flyway(target);
        new DatabaseRestore(backups, properties(temp, 14), json, Clock.systemUTC()).restore(flyway, file);
        assertThat(schemaVersion(target)).isEqualTo("12");
        flyway.migrate();
        assertThat(schemaVersion(target)).isEqualTo(schemaVersion(dataSource));
        assertThat(JdbcClient.create(target).sql("select name from school").query(String.class).list()).containsExactly("旧版本小学");
    }

    @Test
    void retentionKeepsTheNewestDailyBackups() throws Exception {
        var small = newDatabase();
        flyway(small).migrate();
        var directory = temp.resolve("daily");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("workplan-20300101-000000-before-restore.zip"), "kept aside by a restore");
        Files.writeString(directory.resolve("notes.txt"), "not a backup");
        var day = Instant.parse("2030-03-01T04:30:00Z");
        for (int i = 0; i < 5; i++) {
            var backups = new DatabaseBackups(small, properties(directory, 3), json, Clock.fixed(day.plusSeconds(86_400L * i), ZoneOffset.UTC), true);
            backups.backUp();
        }
        try (var files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString()).sorted().toList()).containsExactly(
                    "notes.txt", "workplan-20300101-000000-before-restore.zip",
                    "workplan-20300303-043000.zip", "workplan-20300304-043000.zip", "workplan-20300305-043000.zip");
        }
    }

    @Test
    void aDamagedBackupIsRefusedBeforeAnythingIsTouched() throws Exception {
        var source = newDatabase();
        flyway(source).migrate();
        JdbcClient.create(source).sql("insert into school (name, kind, township) values ('完好小学', 'PRIMARY', '城关镇')").update();
        var backups = backups(temp, 14, Clock.systemUTC());
        var file = temp.resolve("damaged.zip");
        backups.write(source, file);
        try (var zip = FileSystems.newFileSystem(URI.create("jar:" + file.toUri()), Map.of())) {
            Files.writeString(zip.getPath("tables/school.csv"), "id,name\n1,篡改\n");
        }
        var target = newDatabase();
        flyway(target).migrate();
        JdbcClient.create(target).sql("insert into school (name, kind, township) values ('现有小学', 'PRIMARY', '城关镇')").update();
        var before = checksums(target);

        assertThatThrownBy(() -> new DatabaseRestore(backups, properties(temp, 14), json, Clock.systemUTC()).restore(flyway(target), file))
                .hasMessageContaining("damaged").hasMessageContaining("school");
        assertThat(checksums(target)).isEqualTo(before);
    }

    /** A published plan with lines, targets, reports sent, approved and returned: tallies, events and audit rows. */
    private void planWithReports() {
        clock.today(LocalDate.of(TestPlans.YEAR, 6, 10));
        long lead = data.office();
        long schoolA = data.school();
        long schoolB = data.school();
        var plan = plans.draft();
        long chapter = plan.chapter("教育教学");
        long item = plan.item(chapter, ItemSpec.item("巩固义务教育普及成果。").lead(lead).schools(schoolA, schoolB)
                .target("入学率", ">=", "99", "%"));
        plan.publish();
        long target = jdbc.sql("select id from plan_item_target where node_id = :item").param("item", item).query(Long.class).single();
        var principalA = data.login(data.user(Role.PRINCIPAL, null, schoolA));
        var principalB = data.login(data.user(Role.PRINCIPAL, null, schoolB));
        var staff = data.login(data.staffOf(lead));
        var may = LocalDate.of(TestPlans.YEAR, 5, 1);
        reports.send(line(item, schoolA), may, Progress.IN_PROGRESS, 40, "完成五月排查。", Map.of(target, new BigDecimal("98.5")), principalA);
        reports.send(line(item, schoolB), may, Progress.IN_PROGRESS, 60, "完成五月核查。", Map.of(target, new BigDecimal("99.2")), principalB);
        reports.review(line(item, schoolA), may, true, null, staff);
        reports.review(line(item, schoolB), may, false, "请补充佐证。", staff);
    }

    private long line(long item, long school) {
        return jdbc.sql("select id from assignment where item_id = :item and school_id = :school")
                .param("item", item).param("school", school).query(Long.class).single();
    }

    /** Every data table's row count and the MD5 of its rows as text, sorted. */
    private static Map<String, String> checksums(DataSource database) throws SQLException {
        var sums = new TreeMap<String, String>();
        try (var connection = database.getConnection()) {
            for (var table : SchemaTables.data(connection)) {
                try (var statement = connection.createStatement(); var rows = statement.executeQuery(
                        "select count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) from "
                                + SchemaTables.quoted(table) + " t")) {
                    rows.next();
                    sums.put(table, rows.getString(1));
                }
            }
        }
        return sums;
    }

    private static String schemaVersion(DataSource database) throws SQLException {
        try (var connection = database.getConnection()) {
            return SchemaTables.schemaVersion(connection);
        }
    }

    private DatabaseBackups backups(Path directory, int keep, Clock at) {
        return new DatabaseBackups(dataSource, properties(directory, keep), json, at, true);
    }

    private static BackupProperties properties(Path directory, int keep) {
        return new BackupProperties(true, "-", directory, keep, null);
    }

    private static DataSource newDatabase() {
        var database = TestDatabase.newDatabase();
        return new DriverManagerDataSource(database.url(), database.user(), database.password());
    }

    private static Flyway flyway(DataSource database) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration").load();
    }
}
