package cn.workplan.plan;

import java.math.BigDecimal;

import jakarta.validation.constraints.Size;

/** One target row of the item form; a row with no indicator is ignored. */
public record TargetData(
        @Size(max = 100) String indicator,
        @Size(max = 2) String comparator,
        @TargetValue BigDecimal value,
        @Size(max = 20) String unit) {

    public static TargetData empty() {
        return new TargetData("", ">=", null, "");
    }

    public static TargetData of(Target target) {
        return new TargetData(target.indicator(), target.comparator().code(), target.value(), target.unit());
    }

    boolean isBlank() {
        return (indicator == null || indicator.isBlank()) && value == null;
    }
}
