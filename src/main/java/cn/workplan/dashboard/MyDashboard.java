package cn.workplan.dashboard;

import java.util.List;

import cn.workplan.execution.ReportingPeriod;

/**
 * An office's or a school's dashboard: its own lines with how they stand, the items an office leads, and its
 * reporting record period by period.
 *
 * @param party   the office's or school's name
 * @param office  whether it is an office's dashboard
 * @param counts  how many of its lines stand so, by {@link Status} ordinal
 * @param lines   its lines (for an office: the ones it cooperates on, and its consolidated lines)
 * @param led     the items an office leads (empty for a school)
 * @param record  its reports period by period
 */
public record MyDashboard(Dashboard.PlanChoice plan, List<Dashboard.PlanChoice> plans, ReportingPeriod period, String party,
        boolean office, int[] counts, List<Drilldown.Row> lines, List<Drilldown.Row> led, List<RecordRow> record) {

    public int count(Status status) {
        return counts[status.ordinal()];
    }

    /**
     * One period's reports.
     *
     * @param expected lines that were to report; {@code onTime} sent by the due day, {@code late} after it
     */
    public record RecordRow(ReportingPeriod period, java.time.LocalDate due, int expected, int onTime, int late) {

        public int missing() {
            return Math.max(0, expected - onTime - late);
        }
    }
}
