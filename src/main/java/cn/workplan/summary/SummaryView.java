package cn.workplan.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A drafted report as its page, the Word file and the PDF show it.
 *
 * @param asOf the day the items' progress and lights were read for
 * @param can  what the viewer may do with it
 */
public record SummaryView(long id, long planId, String planTitle, String documentNumber, SummaryPeriod period, String title,
        List<Block> blocks, LocalDate asOf, Instant generatedAt, String generatedBy, Instant editedAt, String editedBy,
        Instant lockedAt, String lockedBy, long version, Can can, List<Reading> readings) {

    /**
     * What the viewer may do: edit, regenerate and lock an unlocked report; unlock a locked one; ask the leaders to read it
     * (送阅, the general office); say it is read (已阅, a leader it was sent to who has not yet).
     */
    public record Can(boolean edit, boolean unlock, boolean askReading, boolean read) {
    }

    /** A leader asked to read the report: when, and when they read it ({@code null}: not yet). */
    public record Reading(long userId, String name, Instant requestedAt, Instant readAt) {
    }

    public SummaryKind kind() {
        return period.kind();
    }

    public boolean locked() {
        return lockedAt != null;
    }

    public List<NumberedBlock> numbered() {
        return NumberedBlock.of(blocks);
    }

    /** The day under the text: the day it was locked (定稿), else the day it was last drafted or edited. */
    public Instant dated() {
        return lockedAt != null ? lockedAt : editedAt != null ? editedAt : generatedAt;
    }
}
