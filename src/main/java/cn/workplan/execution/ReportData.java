package cn.workplan.execution;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.workplan.plan.TargetValue;

/**
 * A progress report as its form sends it.
 *
 * @param actuals the actual value reached for each of the item's targets, by target id; blank ones are left out; each
 *                within what a target's value may be ({@link TargetValue})
 * @param version the report's version the form was opened with; {@code null} when there was no report yet
 */
public record ReportData(@NotNull Progress progress, @NotNull @Min(0) @Max(100) Integer percent,
        @Size(max = 5000) String narrative, Map<Long, @TargetValue BigDecimal> actuals, Long version) {

    public ReportData {
        // a mutable copy: the form binds each actuals[id] into it after construction
        actuals = actuals == null ? new LinkedHashMap<>() : new LinkedHashMap<>(actuals);
    }

    /** The actual values given, without the blank ones. */
    public Map<Long, BigDecimal> givenActuals() {
        var given = new LinkedHashMap<>(actuals);
        given.values().removeIf(java.util.Objects::isNull);
        return given;
    }

    public String narrativeText() {
        return narrative == null ? "" : narrative.strip();
    }

    /** An empty form. */
    public static ReportData blank() {
        return new ReportData(Progress.IN_PROGRESS, 0, "", Map.of(), null);
    }
}
