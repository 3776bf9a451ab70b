package cn.workplan.system.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when the quick-start database is wanted: no {@code spring.datasource.url} is set and
 * {@code workplan.embedded-database.enabled} is not {@code false}.
 */
public class OnEmbeddedDatabase implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return inUse(context.getEnvironment());
    }

    /** Whether this application runs on the quick-start database. */
    public static boolean inUse(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                && environment.getProperty("workplan.embedded-database.enabled", Boolean.class, true);
    }
}
