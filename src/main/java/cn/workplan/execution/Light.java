package cn.workplan.execution;

/** The colour of an item or a line of responsibility, as worked out by {@link StatusLights}. */
public enum Light {
    /** On schedule, or done. */
    GREEN,
    /** Behind the progress its quarter milestones expect, or due soon and not done. */
    YELLOW,
    /** Past its deadline and not done. */
    RED,
    /** Not yet started by its schedule. */
    GREY;

    public String messageKey() {
        return "light." + name();
    }

    /** The Bootstrap colour that shows it. */
    public String css() {
        return switch (this) {
            case GREEN -> "success";
            case YELLOW -> "warning";
            case RED -> "danger";
            case GREY -> "secondary";
        };
    }
}
