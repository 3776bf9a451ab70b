package cn.workplan.org;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A school as the administrator enters or imports it. {@code enrolment} (在校生数, optional) weighs the school's
 * values in a target's county-wide figure; {@code version} is the one the form was opened with.
 */
public record SchoolData(
        @NotBlank @Size(max = 80) String name,
        @NotNull SchoolKind kind,
        @NotBlank @Size(max = 40) String township,
        @PositiveOrZero @Max(MAX_ENROLMENT) Integer enrolment,
        Long version) {

    /** More pupils than any school of a county has. */
    public static final int MAX_ENROLMENT = 100_000;

    public static SchoolData empty() {
        return new SchoolData("", null, "", null, null);
    }
}
