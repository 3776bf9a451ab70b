package cn.workplan.execution;

import java.time.Instant;

/** A report sent to the lead office and waiting for its review. */
public record PendingReview(long reportId, long lineId, String party, long itemId, String headline, ReportingPeriod period,
        int percent, Progress progress, Instant submittedAt) {
}
