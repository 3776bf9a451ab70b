package cn.workplan.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Next year's plan from this one: its year and title. */
public record CopyData(@NotNull @Min(2000) @Max(2100) Integer year, @NotBlank @Size(max = 200) String title) {
}
