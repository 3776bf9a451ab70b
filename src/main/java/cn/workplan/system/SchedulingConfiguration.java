package cn.workplan.system;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs, each run by one instance at a time: a job method carries {@code @Scheduled} and
 * {@code @SchedulerLock(name = ...)}, and the lock lives in the {@code shedlock} table, timed by the database's
 * clock so that instances with skewed clocks agree. Jobs are switched off with {@code workplan.jobs.enabled=false}
 * (the tests do, and call the jobs' methods themselves); the locking stays on, so that a test can run a job
 * on two application instances at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulingConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "workplan.jobs.enabled", havingValue = "true", matchIfMissing = true)
    static class Jobs {
    }
}
