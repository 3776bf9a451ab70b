package cn.workplan.plan;

/** Where a plan is in its year: drafted, reviewed by the leaders, published as a document, closed. */
public enum PlanStatus {
    DRAFT, IN_REVIEW, PUBLISHED, CLOSED;

    public String messageKey() {
        return "plan.status." + name();
    }

    /** Whether the outline may still change shape (add, move, delete). */
    public boolean isOpenForDrafting() {
        return this == DRAFT || this == IN_REVIEW;
    }
}
