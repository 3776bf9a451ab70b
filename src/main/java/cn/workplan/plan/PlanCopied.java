package cn.workplan.plan;

import java.util.Map;

/**
 * Next year's plan was started from this one (carry-over, 结转): every chapter, section, item and sub-point copied.
 * Sent within the copying transaction, so that whatever other modules keep per item (their links to upper-level
 * points) is copied with it or not at all.
 *
 * @param items each item of the origin and its copy
 */
public record PlanCopied(long originPlanId, long planId, Map<Long, Long> items) {

    public PlanCopied {
        items = Map.copyOf(items);
    }
}
