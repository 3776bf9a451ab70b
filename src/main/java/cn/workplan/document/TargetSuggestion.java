package cn.workplan.document;

import java.math.BigDecimal;

import cn.workplan.plan.TargetComparator;
import cn.workplan.plan.Target;

/**
 * A target found in the prose, for a person to accept or drop: "入学率达95%以上" reads as 入学率 ≥ 95 %.
 *
 * @param phrase the words it was read from
 * @param source the sentence that holds them
 */
public record TargetSuggestion(
        String indicator, TargetComparator comparator, BigDecimal value, String unit, String phrase, String source) {

    /** As the plan stores it. */
    public Target toTarget() {
        return new Target(indicator, comparator, value, unit);
    }
}
