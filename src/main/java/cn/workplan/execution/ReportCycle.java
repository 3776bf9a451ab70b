package cn.workplan.execution;

import java.time.LocalDate;

/** How often the lines of a plan report progress: every month (the default) or every quarter. */
public enum ReportCycle {
    MONTHLY(1),
    QUARTERLY(3);

    private final int months;

    ReportCycle(int months) {
        this.months = months;
    }

    /** The period the day falls in. */
    public ReportingPeriod periodOf(LocalDate day) {
        int firstMonth = (day.getMonthValue() - 1) / months * months + 1;
        return new ReportingPeriod(this, LocalDate.of(day.getYear(), firstMonth, 1));
    }

    public String messageKey() {
        return "reporting.cycle." + name();
    }

    int months() {
        return months;
    }
}
