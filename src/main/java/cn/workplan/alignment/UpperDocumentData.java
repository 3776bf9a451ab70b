package cn.workplan.alignment;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * An upper-level document's header as the general office corrects it after the import: the points themselves are the
 * document's and are not edited. {@code version} is the one the form was opened with.
 */
public record UpperDocumentData(
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 100) String issuer,
        @Size(max = 60) String documentNumber,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issueDate,
        Long version) {
}
