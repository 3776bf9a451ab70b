package cn.workplan.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements that a piece of code sends to the database, to prove that a page costs a
 * fixed number of them whatever the data's size:
 * <pre>
 * var sql = SqlStatements.count(() -&gt; mvc.perform(get("/plans/{id}", id).with(user(person))));
 * assertThat(sql.count()).isEqualTo(4);
 * </pre>
 * Only statements of the calling thread are counted (MockMvc runs the request on it), so background work
 * never disturbs a count. A JDBC batch counts as one statement: one round trip. {@link IntegrationTest}
 * contexts wrap their {@link DataSource} for this with {@link CountingDataSource}.
 * <p>The session's own statements (Spring Session reading and writing {@code spring_session}, and on a write the
 * check that the login still matches its account, marked {@code /* login check *}{@code /}: the same few for every
 * request, whatever the page) are recorded apart, in {@link Recording#sessionStatements()}, so that a page's count
 * says what the page itself costs; {@code account.SessionsTest} counts them.
 */
public final class SqlStatements {

    private static final ThreadLocal<Recording> current = new ThreadLocal<>();

    private SqlStatements() {
    }

    /** Code under measurement. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** The statements the action executed, in order, and apart those of the session. */
    public record Recording(List<String> statements, List<String> sessionStatements) {

        public int count() {
            return statements.size();
        }

        @Override
        public String toString() {
            return statements.size() + " statements:\n  " + String.join("\n  ", statements)
                    + (sessionStatements.isEmpty() ? "" : "\n and of the session:\n  " + String.join("\n  ", sessionStatements));
        }
    }

    /** Runs the action and records the SQL statements it executes on this thread. */
    public static Recording count(Action action) throws Exception {
        if (current.get() != null) {
            throw new IllegalStateException("SqlStatements.count does not nest");
        }
        var recording = new Recording(new ArrayList<>(), new ArrayList<>());
        current.set(recording);
        try {
            action.run();
        } finally {
            current.remove();
        }
        return new Recording(List.copyOf(recording.statements()), List.copyOf(recording.sessionStatements()));
    }

    static void executed(ExecutionInfo execution, List<QueryInfo> queries) {
        var recording = current.get();
        if (recording == null || queries.isEmpty()) {
            return;
        }
        var sql = queries.get(0).getQuery().replaceAll("\\s+", " ").strip();
        if (execution.isBatch()) {
            sql = "[batch of " + execution.getBatchSize() + "] " + sql;
        }
        boolean session = sql.startsWith("/* login check */") || sql.toUpperCase(Locale.ROOT).contains("SPRING_SESSION");
        (session ? recording.sessionStatements() : recording.statements()).add(sql);
    }

    /**
     * Wraps the application's {@link DataSource} in a proxy that reports every statement to
     * {@link SqlStatements}. Costs next to nothing when no count is running.
     */
    public static class CountingDataSource implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
                return ProxyDataSourceBuilder.create(dataSource)
                        .name("counted")
                        .afterQuery(SqlStatements::executed)
                        .build();
            }
            return bean;
        }
    }
}
