package cn.workplan.execution;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A line's own deadline and milestone as the lead office sets them; {@code version} is the one the form showed. */
public record LineData(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, @Size(max = 500) String milestone,
        @NotNull Long version) {

    public String milestoneText() {
        return milestone == null ? "" : milestone.strip();
    }
}
