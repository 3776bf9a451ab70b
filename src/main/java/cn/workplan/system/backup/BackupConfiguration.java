package cn.workplan.system.backup;

import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.workplan.system.database.OnEmbeddedDatabase;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When backups are taken and restored: the daily job (on the quick-start database unless {@code workplan.backup.enabled}
 * says otherwise), a backup at start when the newest is more than a day old, and a restore at start when
 * {@code workplan.backup.restore} names a file.
 */
@Configuration(proxyBeanMethods = false)
class BackupConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BackupConfiguration.class);

    /** Restores the file before Flyway migrates, so that a backup of an older version is taken on to this one. */
    @Bean
    @ConditionalOnProperty("workplan.backup.restore")
    FlywayMigrationStrategy restoreThenMigrate(DatabaseRestore restore, BackupProperties properties) {
        return flyway -> {
            restore.restore(flyway, properties.restore());
            flyway.migrate();
        };
    }

    /** The daily backup, once across instances. */
    @Component
    @Conditional(BackupsEnabled.class)
    static class DailyBackup {

        private final DatabaseBackups backups;

        DailyBackup(DatabaseBackups backups) {
            this.backups = backups;
        }

        @Scheduled(cron = "${workplan.backup.cron:0 30 12 * * *}", zone = "${workplan.time-zone:Asia/Shanghai}")
        @SchedulerLock(name = "database-backup")
        public void backUp() {
            try {
                backups.backUp();
            } catch (RuntimeException e) {
                log.error("The daily backup of the database failed", e);
            }
        }
    }

    /** A machine switched off at the backup's hour still gets its backup: at start, when the newest is over a day old. */
    @Component
    @Conditional(BackupsEnabled.class)
    @ConditionalOnProperty(name = "workplan.jobs.enabled", havingValue = "true", matchIfMissing = true)
    static class MissedBackup {

        private final DailyBackup daily;
        private final DatabaseBackups backups;

        MissedBackup(DailyBackup daily, DatabaseBackups backups) {
            this.daily = daily;
            this.backups = backups;
        }

        @EventListener(ApplicationReadyEvent.class)
        void catchUp() {
            var newest = backups.list().stream().filter(file -> DatabaseBackups.DAILY.matcher(file.name()).matches()).findFirst();
            if (newest.isPresent() && newest.get().modified().isAfter(Instant.now().minus(Duration.ofDays(1)))) {
                return;
            }
            log.info("The newest backup is more than a day old ({}): taking one now", newest.map(file -> file.name()).orElse("none yet"));
            var thread = new Thread(daily::backUp, "missed-backup");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** {@code workplan.backup.enabled}, by default on the quick-start database only. */
    static class BackupsEnabled implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return inUse(context.getEnvironment());
        }

        static boolean inUse(Environment environment) {
            return environment.getProperty("workplan.backup.enabled", Boolean.class, OnEmbeddedDatabase.inUse(environment));
        }
    }
}
