package cn.workplan.plan;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

/**
 * A measurable target of a task item: indicator, comparator, value and unit, as in 入学率 ≥ 95 %.
 */
@Embeddable
public record Target(
        String indicator,
        @Convert(converter = TargetComparatorConverter.class) @Column(name = "comparator") TargetComparator comparator,
        BigDecimal value,
        String unit) {

    /** As people read it: 入学率 ≥ 95%. */
    public String text() {
        return indicator + " " + comparator.symbol() + " " + value.stripTrailingZeros().toPlainString()
                + (unit == null ? "" : unit);
    }
}
