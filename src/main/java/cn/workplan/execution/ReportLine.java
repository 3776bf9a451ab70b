package cn.workplan.execution;

import java.time.LocalDate;
import java.util.List;

import cn.workplan.plan.PlanStatus;

/**
 * A line of responsibility with what its reports need to know of its item and plan.
 *
 * @param deadline     the line's own deadline, or the item's when it has none
 * @param itemDeadline the item's deadline
 * @param approvedPercent the progress of the line's latest approved report ({@code null}: none yet), where its next
 *                        report's form starts
 */
public record ReportLine(long id, String kind, Long officeId, Long schoolId, String party, LocalDate deadline, String milestone,
        long itemId, String headline, LocalDate itemDeadline, List<String> quarters, Long leadOfficeId, String leadOffice,
        boolean signedOff, long planId, String planTitle, int year, String planStatus, ReportCycle cycle, int dueDay,
        Integer approvedPercent) {

    /** Whether its plan is being carried out. */
    public boolean published() {
        return PlanStatus.PUBLISHED.name().equals(planStatus);
    }

    /** The line as the audit log and the logs name it: its office or school, and the item. */
    public String label() {
        return party + " · " + headline;
    }

    public boolean isLead() {
        return "LEAD".equals(kind);
    }

    public StatusLights.Schedule schedule() {
        return new StatusLights.Schedule(year, deadline, quarters);
    }

    /** The periods that have begun by the given day, within the plan's year, newest first. */
    public List<ReportingPeriod> periodsBegun(LocalDate today) {
        var periods = new java.util.ArrayList<ReportingPeriod>();
        if (today.getYear() < year) {
            return periods;
        }
        var last = cycle.periodOf(today.getYear() > year ? LocalDate.of(year, 12, 31) : today);
        for (var period = last; period.start().getYear() == year; period = period.previous()) {
            periods.add(period);
        }
        return periods;
    }
}
