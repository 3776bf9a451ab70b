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
        Instant lockedAt, String lockedBy, long version, Can can) {

    /** What the viewer may do: edit, regenerate and lock an unlocked report; unlock a locked one. */
    public record Can(boolean edit, boolean unlock) {
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
