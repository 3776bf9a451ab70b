package cn.workplan.alignment;

/**
 * Where an upper-level point stands in the bureau's plan, from the items that carry it out: none at all (a gap the
 * bureau explains), all finished, or as the worst of the unfinished ones — overdue, behind schedule, not yet started,
 * on schedule. Before the plan is published its items have no progress: a point is then covered or not.
 */
public enum PointStatus {
    UNCOVERED, COVERED, DONE, OVERDUE, BEHIND, ON_SCHEDULE, NOT_STARTED;

    public String messageKey() {
        return "coverage.status." + name();
    }

    /** The Bootstrap colour that shows it. */
    public String css() {
        return switch (this) {
            case UNCOVERED -> "danger";
            case OVERDUE -> "danger";
            case BEHIND -> "warning";
            case DONE, ON_SCHEDULE -> "success";
            case COVERED -> "primary";
            case NOT_STARTED -> "secondary";
        };
    }
}
