package cn.workplan.plan;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** What publishing a plan takes: its document number (文号, such as 青教〔2026〕1号) and issue date (成文日期). */
public record PublishData(
        @NotBlank @Size(max = 60) String documentNumber,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issueDate) {
}
