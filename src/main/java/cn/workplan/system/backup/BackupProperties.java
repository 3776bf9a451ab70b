package cn.workplan.system.backup;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The quick start's own backups ({@code workplan.backup.*}).
 *
 * @param enabled   whether the daily backup runs; unset: on the quick-start database only (a managed PostgreSQL has
 *                  pg_dump and its provider's backups)
 * @param cron      when it runs, in {@code workplan.time-zone}; a start finds the newest backup older than a day and
 *                  takes one too, for a machine that was off at that hour
 * @param directory where the backup files are written
 * @param keep      how many of the newest daily backups are kept; older ones are deleted after each backup
 * @param restore   a backup file to restore at this start, before the schema is migrated (give it once)
 */
@ConfigurationProperties("workplan.backup")
public record BackupProperties(
        Boolean enabled,
        @DefaultValue("0 30 12 * * *") String cron,
        @DefaultValue("data/backups") Path directory,
        @DefaultValue("14") int keep,
        Path restore) {

    public BackupProperties {
        if (keep < 1) {
            throw new IllegalArgumentException("workplan.backup.keep must be at least 1, not " + keep);
        }
    }
}
