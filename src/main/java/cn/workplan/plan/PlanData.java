package cn.workplan.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A plan's header as the general office enters it. {@code version} is the one the form was opened with. */
public record PlanData(
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotBlank @Size(max = 200) String title,
        @NotNull PlanKind kind,
        @Size(max = 20000) String preamble,
        @NotNull Numbering numbering,
        Long version) {

    public static PlanData forYear(int year) {
        return new PlanData(year, "", PlanKind.WORK_POINTS, "", Numbering.CONTINUOUS, null);
    }
}
