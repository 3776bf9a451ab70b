package cn.workplan.plan;

/** How a deadline was given: a day, or the end of a month, a quarter or the year. */
public enum DeadlineKind {
    DATE, MONTH_END, QUARTER_END, YEAR_END;

    public String messageKey() {
        return "deadline.kind." + name();
    }
}
