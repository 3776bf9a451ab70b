package cn.workplan.system.database;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The production build ({@code ./mvnw -Pproduction package}, the Docker image) leaves the embedded PostgreSQL out. Started
 * without {@code SPRING_DATASOURCE_URL} it stops at once and says what to set ({@link Analyzer}, registered in
 * {@code META-INF/spring.factories}), rather than with Spring Boot's general "Failed to configure a DataSource".
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnEmbeddedDatabase.class)
@ConditionalOnMissingClass(EmbeddedDatabaseConfiguration.QUICK_START_LIBRARY)
class NoQuickStartDatabaseConfiguration {

    @Bean
    DataSource dataSource() {
        throw new NoDatabaseConfigured();
    }

    static final class NoDatabaseConfigured extends IllegalStateException {

        NoDatabaseConfigured() {
            super("no SPRING_DATASOURCE_URL, and this build has no embedded quick-start database");
        }
    }

    static final class Analyzer extends AbstractFailureAnalyzer<NoDatabaseConfigured> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, NoDatabaseConfigured cause) {
            return new FailureAnalysis("This is Workplan's production build (-Pproduction, the Docker image): it has no "
                    + "embedded quick-start database, and no database was configured.",
                    "Set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to a PostgreSQL "
                            + "database (see docs/deployment.md), or start the quick start with ./mvnw spring-boot:run.", cause);
        }
    }
}
