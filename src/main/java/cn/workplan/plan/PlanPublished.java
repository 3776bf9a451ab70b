package cn.workplan.plan;

/** A plan was published: its text is frozen and its work begins. Sent within the publishing transaction. */
public record PlanPublished(long planId) {
}
