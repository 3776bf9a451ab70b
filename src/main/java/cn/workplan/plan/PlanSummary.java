package cn.workplan.plan;

import java.time.LocalDate;

/** A line of the plan list. */
public record PlanSummary(
        long id,
        int year,
        String title,
        PlanKind kind,
        PlanStatus status,
        String documentNumber,
        LocalDate issueDate,
        int itemCount,
        int keyItemCount) {
}
