package cn.workplan.execution;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An extension request as the viewer sees it.
 *
 * @param kind            the line's kind: LEAD (the request moves the item's deadline), COOPERATING or SCHOOL
 * @param currentDeadline the deadline when it was asked for
 * @param decidable       whether the viewer may approve or reject it now
 * @param withdrawable    whether the viewer may take it back now (its line's own office or school)
 */
public record Extension(long id, long lineId, long itemId, String kind, String party, String headline, String planTitle,
        LocalDate currentDeadline, LocalDate proposedDeadline, String reason, ExtensionState state, String requestedBy,
        Instant requestedAt, String decidedBy, Instant decidedAt, String comment, long version, boolean decidable,
        boolean withdrawable) {

    public boolean isLead() {
        return "LEAD".equals(kind);
    }
}
