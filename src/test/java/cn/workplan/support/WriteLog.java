package cn.workplan.support;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records every row the application writes while it is installed: a row-level trigger on each table of the schema
 * copies the row (as JSON) into {@code test_write_log}, in the writing transaction, so a rolled-back write leaves
 * nothing. {@link #take()} returns and forgets what was written since the last call. Install it for one test class and
 * {@link #remove()} it after, so that other tests pay nothing for it (test classes run one after the other).
 *
 * <p>Not recorded: Flyway's history, the scheduled jobs' locks ({@code shedlock}), Spring Session's tables, which a
 * request may write whatever it does (a session is created or touched), and the login throttle's counts and trusted
 * browsers, which a refused login writes on purpose (counting failures is what it is for).
 */
public final class WriteLog {

    /** Tables whose writes say nothing about what a request did to the application's data. */
    public static final List<String> NOT_RECORDED = List.of("test_write_log", "flyway_schema_history", "shedlock", "spring_session%",
            "login_throttle", "trusted_device");

    /** C0 controls other than tab, line feed and carriage return, and DEL, as JSON writes them. */
    private static final Pattern CONTROL = Pattern.compile("\\\\u00(0[0-8bcef]|1[0-9a-f]|7f)", Pattern.CASE_INSENSITIVE);

    private final JdbcClient jdbc;

    private WriteLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row written: its table, the operation (INSERT, UPDATE, DELETE) and the row as JSON (the old row of a DELETE). */
    public record Write(String table, String operation, String row) {

        /** Whether the row holds a control character {@code ControlCharacters.strip} would have taken out. */
        public boolean hasControlCharacters() {
            return row != null && CONTROL.matcher(row).find();
        }

        @Override
        public String toString() {
            return operation + " " + table;
        }
    }

    public static WriteLog install(JdbcClient jdbc) {
        jdbc.sql("""
                create table if not exists test_write_log (
                    id bigserial primary key, table_name text not null, operation text not null, row_text text)""").update();
        jdbc.sql("""
                create or replace function test_write_log() returns trigger language plpgsql as $$
                begin
                    insert into test_write_log (table_name, operation, row_text)
                    values (tg_table_name, tg_op, case when tg_op = 'DELETE' then to_jsonb(old)::text else to_jsonb(new)::text end);
                    return null;
                end $$""").update();
        for (var table : tables(jdbc)) {
            jdbc.sql("create trigger test_write_log after insert or update or delete on \"" + table
                    + "\" for each row execute function test_write_log()").update();
        }
        var log = new WriteLog(jdbc);
        log.take();
        return log;
    }

    /** What was written since the last call. */
    public List<Write> take() {
        return jdbc.sql("delete from test_write_log returning table_name, operation, row_text")
                .query((row, number) -> new Write(row.getString(1), row.getString(2), row.getString(3))).list();
    }

    public void remove() {
        for (var table : tables(jdbc)) {
            jdbc.sql("drop trigger if exists test_write_log on \"" + table + "\"").update();
        }
        jdbc.sql("drop function if exists test_write_log() cascade").update();
        jdbc.sql("drop table if exists test_write_log").update();
    }

    private static List<String> tables(JdbcClient jdbc) {
        return jdbc.sql("""
                select tablename from pg_tables
                where schemaname = current_schema() and not (tablename like any (cast(:excluded as text[])))
                order by tablename""")
                .param("excluded", NOT_RECORDED.toArray(String[]::new))
                .query(String.class).list();
    }
}
