package cn.workplan.system.database;

import java.io.IOException;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import lombok.extern.slf4j.Slf4j;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The quick start's database: a real PostgreSQL server started from the binaries on the class path, its cluster
 * kept under {@code data/} so that what a person enters survives a restart, with durable commits and a password
 * ({@link QuickStartServer}), started again if it dies ({@link QuickStartSupervisor}).
 * Production deployments set {@code SPRING_DATASOURCE_URL} and never reach this class.
 */
@Slf4j
@Configuration(proxyBeanMethods = false)
@Conditional(OnEmbeddedDatabase.class)
@ConditionalOnClass(name = EmbeddedDatabaseConfiguration.QUICK_START_LIBRARY)
class EmbeddedDatabaseConfiguration {

    /** The embedded PostgreSQL's entry point, absent from the production build ({@code -Pproduction}). */
    static final String QUICK_START_LIBRARY = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    @Bean(destroyMethod = "close")
    QuickStartServer quickStartServer(EmbeddedDatabaseProperties properties) throws IOException {
        return QuickStartServer.start(properties.dataDirectory(), properties.port());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(QuickStartServer server, EmbeddedDatabaseProperties properties) throws SQLException {
        createDatabaseIfMissing(server, properties.database());
        var url = server.jdbcUrl(properties.database());
        log.info("Quick-start database at {}", url);
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(url)
                .username(server.user())
                .password(server.password())
                .build();
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnProperty(name = "workplan.embedded-database.supervise", havingValue = "true", matchIfMissing = true)
    QuickStartSupervisor quickStartSupervisor(QuickStartServer server, EmbeddedDatabaseProperties properties,
            ObjectProvider<DataSource> dataSource) {
        return new QuickStartSupervisor(server, properties.restartDelay(), () -> {
            // connections to the dead server are useless: open new ones rather than find that out request by request
            try {
                dataSource.getObject().unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
            } catch (SQLException | RuntimeException e) {
                log.warn("Could not renew the connection pool after the quick-start PostgreSQL restarted", e);
            }
        });
    }

    private static void createDatabaseIfMissing(QuickStartServer server, String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Invalid embedded database name: " + database);
        }
        try (var connection = server.connect("postgres");
                var exists = connection.prepareStatement("select count(*) as databases from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var rows = exists.executeQuery()) {
                rows.next();
                if (rows.getInt("databases") == 0) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + database);
                    }
                }
            }
        }
    }
}
