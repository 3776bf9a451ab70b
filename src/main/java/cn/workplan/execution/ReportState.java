package cn.workplan.execution;

/** Where a progress report stands. */
public enum ReportState {
    /** Saved by its author, not yet sent. */
    DRAFT,
    /** Sent to the lead office, which reviews it; read-only for its author. */
    SUBMITTED,
    /** Sent back to its author with a comment, to be corrected and sent again. */
    RETURNED,
    /** Accepted by the lead office; the lead office's own consolidated report is accepted when sent. */
    APPROVED;

    /** Whether the author may still change it. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    /** Whether it counts as the line's reported progress. */
    public boolean counts() {
        return this == SUBMITTED || this == APPROVED;
    }

    public String messageKey() {
        return "report.state." + name();
    }
}
