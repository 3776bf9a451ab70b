package cn.workplan.support;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Points every test application context at a fresh, migrated database of {@link TestDatabase}, unless the test
 * names a database itself or asks for the quick start's own server ({@code workplan.embedded-database.enabled=true},
 * as {@code QuickStartFaultTest} does). Registered in {@code src/test/resources/META-INF/spring.factories}.
 */
public class TestDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // the tests run the scheduled jobs' methods themselves, at the moments they choose
        environment.getPropertySources().addLast(new MapPropertySource("workplanTestJobs", Map.of("workplan.jobs.enabled", "false",
                // a backup a test takes (the administrators' 立即备份) is written beside the test run, not into data/
                "workplan.backup.directory", "target/test-backups")));
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                || "true".equals(environment.getProperty("workplan.embedded-database.enabled"))) {
            return;
        }
        // already migrated: the context's Flyway finds the schema up to date and only validates it
        var database = TestDatabase.newMigratedDatabase();
        environment.getPropertySources().addLast(new MapPropertySource("workplanTestDatabase", Map.of(
                "spring.datasource.url", database.url(),
                "spring.datasource.username", database.user(),
                "spring.datasource.password", database.password(),
                "spring.test.database.replace", "none")));
    }
}
