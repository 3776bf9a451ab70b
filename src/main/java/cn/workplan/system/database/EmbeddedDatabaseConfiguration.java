package cn.workplan.system.database;

import java.io.IOException;
import java.nio.file.Files;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import lombok.extern.slf4j.Slf4j;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The quick start's database: a real PostgreSQL server started from the binaries on the class path,
 * its cluster kept under {@code data/} so that what a person enters survives a restart.
 * Production deployments set {@code SPRING_DATASOURCE_URL} and never reach this class.
 */
@Slf4j
@Configuration(proxyBeanMethods = false)
@Conditional(OnEmbeddedDatabase.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        var directory = properties.dataDirectory().toAbsolutePath();
        Files.createDirectories(directory);
        log.info("Starting the quick-start PostgreSQL with its data in {}", directory);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("max_connections", "50");
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        return builder.start();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) {
        createDatabaseIfMissing(postgres, properties.database());
        var url = postgres.getJdbcUrl("postgres", properties.database());
        log.info("Quick-start database at {}", url);
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(url)
                .username("postgres")
                .password("")
                .build();
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Invalid embedded database name: " + database);
        }
        var jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        Integer found = jdbc.queryForObject("select count(*) from pg_database where datname = ?", Integer.class, database);
        if (found == null || found == 0) {
            jdbc.execute("create database " + database);
        }
    }
}
