package cn.workplan.summary;

import java.time.Instant;

/** A drafted report in a plan's list (or on a leader's home page, with its plan's title). */
public record SummaryRow(long id, long planId, String planTitle, SummaryPeriod period, String title, Instant generatedAt,
        Instant editedAt, Instant lockedAt, String lockedBy) {

    public SummaryKind kind() {
        return period.kind();
    }

    public boolean locked() {
        return lockedAt != null;
    }
}
