package cn.workplan.plan;

/**
 * A task item of a published plan was revised (its offices, schools or deadline may have changed). Sent within
 * the revising transaction.
 */
public record ItemRevised(long planId, long itemId) {
}
