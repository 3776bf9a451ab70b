package cn.workplan.execution;

import java.time.LocalDate;

/**
 * One reporting period of a plan: a month or a quarter, named by its first day. Its report is due on the
 * plan's due day of the period's last month (the month's last day when the month is shorter).
 */
public record ReportingPeriod(ReportCycle cycle, LocalDate start) {

    public ReportingPeriod {
        if (start.getDayOfMonth() != 1 || (start.getMonthValue() - 1) % cycle.months() != 0) {
            throw new IllegalArgumentException("not the first day of a " + cycle + " period: " + start);
        }
    }

    /** The period's last day. */
    public LocalDate end() {
        return start.plusMonths(cycle.months()).minusDays(1);
    }

    /** The day the period's report is due, given the plan's due day (1 to 31). */
    public LocalDate dueOn(int dueDay) {
        var lastMonth = start.plusMonths(cycle.months() - 1L);
        return lastMonth.withDayOfMonth(Math.min(dueDay, lastMonth.lengthOfMonth()));
    }

    public ReportingPeriod previous() {
        return new ReportingPeriod(cycle, start.minusMonths(cycle.months()));
    }

    public ReportingPeriod next() {
        return new ReportingPeriod(cycle, start.plusMonths(cycle.months()));
    }

    /** The month (1–12) or the quarter (1–4) within its year. */
    public int number() {
        return (start.getMonthValue() - 1) / cycle.months() + 1;
    }

    /** The message key that names the period on screen, with {@link #start()}'s year and {@link #number()}. */
    public String messageKey() {
        return "report.period." + cycle.name().toLowerCase(java.util.Locale.ROOT);
    }
}
