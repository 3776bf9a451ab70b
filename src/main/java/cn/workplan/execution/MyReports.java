package cn.workplan.execution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A principal's or an office's reporting: what to report now on top (this period's report of every open
 * line, and earlier reports sent back or left as drafts), then the reports already written.
 */
public record MyReports(List<Due> due, List<Written> written) {

    /**
     * A report to write or to finish.
     *
     * @param state   {@code null} when nothing has been saved for the period yet
     * @param percent the line's latest reported progress
     */
    public record Due(long lineId, String kind, String party, long itemId, String headline, String planTitle,
            ReportingPeriod period, LocalDate dueOn, ReportState state, String reviewComment, int percent, Light light) {

        /** Whether the report still waits for its author. */
        public boolean open() {
            return state == null || state.editable();
        }

        public boolean overdue(LocalDate today) {
            return open() && today.isAfter(dueOn);
        }
    }

    /** A report already saved. */
    public record Written(long reportId, long lineId, String headline, ReportingPeriod period, ReportState state, int percent,
            Progress progress, Instant submittedAt) {
    }

    public long openCount() {
        return due.stream().filter(Due::open).count();
    }
}
