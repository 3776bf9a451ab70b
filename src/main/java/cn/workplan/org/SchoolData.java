package cn.workplan.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A school as the administrator enters or imports it. {@code version} is the one the form was opened with. */
public record SchoolData(
        @NotBlank @Size(max = 80) String name,
        @NotNull SchoolKind kind,
        @NotBlank @Size(max = 40) String township,
        Long version) {

    public static SchoolData empty() {
        return new SchoolData("", null, "", null);
    }
}
