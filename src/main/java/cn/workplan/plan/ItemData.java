package cn.workplan.plan;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A task item as its drafter enters it. {@code version} is the one the form was opened with;
 * {@code reason} is required once the plan is published (every change is then a revision).
 */
public record ItemData(
        @NotBlank @Size(max = 500) String headline,
        @Size(max = 20000) String body,
        Long leadOfficeId,
        List<Long> cooperatingOfficeIds,
        List<Long> schoolIds,
        @Valid List<TargetData> targets,
        DeadlineKind deadlineKind,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadlineDate,
        @Min(1) @Max(12) Integer deadlineMonth,
        @Min(1) @Max(4) Integer deadlineQuarter,
        @Size(max = 500) String q1,
        @Size(max = 500) String q2,
        @Size(max = 500) String q3,
        @Size(max = 500) String q4,
        Boolean keyItem,
        @Size(max = 300) String tags,
        @Size(max = 500) String reason,
        Long version) {

    public ItemData {
        // a form whose rows were not numbered from 0 (a row removed in the page, or a made-up index) leaves gaps
        cooperatingOfficeIds = cooperatingOfficeIds == null ? null : cooperatingOfficeIds.stream().filter(Objects::nonNull).toList();
        schoolIds = schoolIds == null ? null : schoolIds.stream().filter(Objects::nonNull).toList();
        targets = targets == null ? null : targets.stream().filter(Objects::nonNull).toList();
    }

    /** How many target rows the form offers. */
    public static final int TARGET_ROWS = 5;

    public static ItemData empty(Long leadOfficeId) {
        return new ItemData("", "", leadOfficeId, List.of(), List.of(), blankTargets(List.of()), null, null, null, null,
                "", "", "", "", false, "", "", null);
    }

    static List<TargetData> blankTargets(List<TargetData> targets) {
        var rows = new java.util.ArrayList<>(targets);
        while (rows.size() < TARGET_ROWS) {
            rows.add(TargetData.empty());
        }
        return rows;
    }

    /** Whether the item is a key item (重点); an unchecked box sends nothing. */
    public boolean isKey() {
        return Boolean.TRUE.equals(keyItem);
    }

    public List<Long> cooperatingOfficeIds() {
        return cooperatingOfficeIds == null ? List.of() : cooperatingOfficeIds.stream().filter(Objects::nonNull).toList();
    }

    public List<Long> schoolIds() {
        return schoolIds == null ? List.of() : schoolIds.stream().filter(Objects::nonNull).toList();
    }

    public List<TargetData> targets() {
        return targets == null ? List.of() : targets;
    }

    /** Tags as a list: split at commas (either width), 、 and spaces, without duplicates. */
    public List<String> tagList() {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        return Arrays.stream(tags.split("[,，、;；\\s]+")).map(String::strip).filter(tag -> !tag.isEmpty())
                .distinct().limit(10).toList();
    }
}
