package cn.workplan.plan;

import java.time.LocalDate;

/** A plan's header as screens show it, with what the viewer may do with the plan. */
public record PlanHeader(
        long id,
        int year,
        String title,
        PlanKind kind,
        String preamble,
        Numbering numbering,
        PlanStatus status,
        String documentNumber,
        LocalDate issueDate,
        Long originPlanId,
        String originTitle,
        long version,
        PlanPermissions can,
        int firstChapter,
        int firstItem) {

    public PlanData toData() {
        return new PlanData(year, title, kind, preamble, numbering, version);
    }
}
