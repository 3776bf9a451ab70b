package cn.workplan.org;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An office as the administrator enters it. {@code version} is the one the form was opened with.
 * {@code coordinator} is a checkbox: a form sent without it (an unchecked box sends nothing) means no.
 */
public record OfficeData(
        @NotBlank @Size(max = 60) String name,
        @NotBlank @Size(max = 20) String shortName,
        Long headUserId,
        Long leaderUserId,
        @Min(0) @Max(9999) Integer displayOrder,
        Boolean coordinator,
        Long version) {

    /** Whether the office arranges the plans; an unchecked box sends nothing. */
    public boolean isCoordinator() {
        return Boolean.TRUE.equals(coordinator);
    }

    public static OfficeData empty() {
        return new OfficeData("", "", null, null, 0, false, null);
    }
}
