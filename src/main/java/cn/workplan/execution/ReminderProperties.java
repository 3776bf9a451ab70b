package cn.workplan.execution;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the people who have not reported are reminded (催办). The job runs at {@code workplan.reminders.cron}
 * (every day at 8:00 in the bureau's time zone; {@code -} switches it off).
 *
 * @param daysBefore how many days before a period's report is due people are reminded, the due day itself
 *                   included: with 3, a report due on the 25th is reminded of by the first run from the 22nd to
 *                   the 25th
 */
@ConfigurationProperties("workplan.reminders")
public record ReminderProperties(@DefaultValue("3") int daysBefore) {

    public ReminderProperties {
        if (daysBefore < 0) {
            throw new IllegalArgumentException("workplan.reminders.days-before must not be negative: " + daysBefore);
        }
    }
}
