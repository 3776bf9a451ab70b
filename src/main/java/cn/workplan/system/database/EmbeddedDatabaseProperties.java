package cn.workplan.system.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the PostgreSQL server that the quick start runs itself when no
 * {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the cluster lives; kept across restarts
 * @param port          TCP port on localhost, 0 to pick a free one
 * @param database      database created on first start
 * @param supervise     whether to start the server again when it dies
 * @param restartDelay  how long after a crash the server is started again
 */
@ConfigurationProperties("workplan.embedded-database")
public record EmbeddedDatabaseProperties(
        @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("0") int port,
        @DefaultValue("workplan") String database,
        @DefaultValue("true") boolean supervise,
        @DefaultValue("1s") Duration restartDelay) {
}
