package cn.workplan.plan;

import java.time.Instant;
import java.util.List;

/** One saved version of an item, with what changed since the version before. */
public record RevisionView(int number, Instant changedAt, String changedBy, String reason, List<Change> changes) {

    /** A field that changed: its message key, and the values before and after as text. */
    public record Change(String field, String from, String to) {
    }
}
