package cn.workplan.execution;

/** Where an extension request (延期申请) stands. */
public enum ExtensionState {
    /** Asked for, waiting for a decision; at most one per line. */
    PENDING,
    /** Approved: the line's deadline (the lead office's line: the item's) is the proposed day. */
    APPROVED,
    /** Not approved, with the decider's comment. */
    REJECTED,
    /** Taken back by its line's office or school before a decision. */
    WITHDRAWN;

    public String messageKey() {
        return "extension.state." + name();
    }

    /** The Bootstrap colour that shows it. */
    public String css() {
        return switch (this) {
            case PENDING -> "warning";
            case APPROVED -> "success";
            case REJECTED -> "danger";
            case WITHDRAWN -> "secondary";
        };
    }
}
