package cn.workplan.plan;

/**
 * A task item of a published plan was revised (its offices, schools or deadline may have changed). Sent within
 * the revising transaction.
 *
 * @param reason    the revision's reason, as given
 * @param revisedBy who revised it (told nothing of their own change)
 */
public record ItemRevised(long planId, long itemId, String reason, long revisedBy) {
}
