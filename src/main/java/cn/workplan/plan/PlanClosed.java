package cn.workplan.plan;

/**
 * A published plan was closed at the end of its year: its lines report no more. Sent within the closing transaction.
 *
 * @param closedBy who closed it
 */
public record PlanClosed(long planId, String title, long closedBy) {
}
