package cn.workplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.workplan.support.TestDatabase;

/**
 * V15 makes titles unique per year on a database that has plans sharing a year and a title already (a form sent
 * twice before the rule): the first keeps its title, the others are told apart by their number, audited.
 */
class PlanTitleMigrationTest {

    @Test
    void duplicatesOfADatabaseBeforeTheRuleKeepTheFirstTitleAndAreToldApart() {
        var database = TestDatabase.newDatabase();
        var dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        var jdbc = JdbcClient.create(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("13").load().migrate();
        long first = plan(jdbc, 2027, "青山县教育局2027年工作要点");
        long second = plan(jdbc, 2027, "青山县教育局2027年工作要点");
        long third = plan(jdbc, 2027, "青山县教育局2027年工作要点");
        long otherYear = plan(jdbc, 2026, "青山县教育局2027年工作要点");
        long longTitle = plan(jdbc, 2027, "长".repeat(200));
        long longTwin = plan(jdbc, 2027, "长".repeat(200));

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(title(jdbc, first)).isEqualTo("青山县教育局2027年工作要点");
        assertThat(title(jdbc, second)).isEqualTo("青山县教育局2027年工作要点（重名 #" + second + "）");
        assertThat(title(jdbc, third)).isEqualTo("青山县教育局2027年工作要点（重名 #" + third + "）");
        assertThat(title(jdbc, otherYear)).isEqualTo("青山县教育局2027年工作要点");
        assertThat(title(jdbc, longTitle)).isEqualTo("长".repeat(200));
        assertThat(title(jdbc, longTwin)).hasSize(200).endsWith("（重名 #" + longTwin + "）");
        assertThat(jdbc.sql("""
                select entity_id, changes -> 'title' ->> 'from' as was from audit_event
                where entity_type = 'PLAN' and action = 'UPDATE' and actor = 'system' order by entity_id""")
                .query((rs, row) -> rs.getLong("entity_id") + " " + rs.getString("was")).list())
                .containsExactly(second + " 青山县教育局2027年工作要点", third + " 青山县教育局2027年工作要点", longTwin + " " + "长".repeat(200));
        assertThatThrownBy(() -> plan(jdbc, 2027, "青山县教育局2027年工作要点")).isInstanceOf(DuplicateKeyException.class);
    }

    private static long plan(JdbcClient jdbc, int year, String title) {
        return jdbc.sql("""
                insert into plan (year, title, kind, numbering, status, created_by)
                values (:year, :title, 'WORK_POINTS', 'CONTINUOUS', 'DRAFT', 'test') returning id""")
                .param("year", year).param("title", title).query(Long.class).single();
    }

    private static String title(JdbcClient jdbc, long id) {
        return jdbc.sql("select title from plan where id = :id").param("id", id).query(String.class).single();
    }
}
