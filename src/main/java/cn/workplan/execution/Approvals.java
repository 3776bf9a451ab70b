package cn.workplan.execution;

import java.time.Instant;
import java.util.List;

/**
 * What waits for the viewer's decision: extension requests (a leader: all of them; the head of an office: those on
 * the lines of the items the office leads, but its own line's), and proposed sign-offs (leaders).
 */
public record Approvals(List<Extension> extensions, List<Proposal> signOffs) {

    /** An item proposed as done. */
    public record Proposal(long itemId, String headline, String planTitle, String leadOffice, String note, String proposedBy,
            Instant proposedAt, long version) {
    }

    public boolean isEmpty() {
        return extensions.isEmpty() && signOffs.isEmpty();
    }
}
