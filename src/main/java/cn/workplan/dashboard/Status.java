package cn.workplan.dashboard;

import cn.workplan.execution.Light;

/** Where an item or a line stands, as the dashboard's tiles count it: finished, or its light when not. */
public enum Status {
    FINISHED,
    ON_SCHEDULE,
    BEHIND,
    OVERDUE,
    NOT_STARTED;

    public static Status of(boolean finished, Light light) {
        if (finished) {
            return FINISHED;
        }
        return switch (light) {
            case GREEN -> ON_SCHEDULE;
            case YELLOW -> BEHIND;
            case RED -> OVERDUE;
            case GREY -> NOT_STARTED;
        };
    }

    public String messageKey() {
        return "dashboard.status." + name();
    }

    /** The Bootstrap colour that shows it. */
    public String css() {
        return switch (this) {
            case FINISHED -> "primary";
            case ON_SCHEDULE -> "success";
            case BEHIND -> "warning";
            case OVERDUE -> "danger";
            case NOT_STARTED -> "secondary";
        };
    }
}
