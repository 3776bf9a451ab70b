package cn.workplan.execution;

import java.time.Instant;
import java.util.List;

/**
 * Where an item's sign-off (办结) stands, with its history, as the viewer may act on it.
 *
 * @param state      the last step, {@code null} before anyone proposed the item as done
 * @param note       the open proposal's note (what was done, where the evidence is)
 * @param version    the proposal's version, which a leader's decision carries
 * @param signedOff  whether the item is signed off
 * @param proposable whether the viewer may propose it as done now (the lead office, while it is open and no proposal waits)
 * @param ready      whether the lead office's latest consolidated report says done or 100 %, which a proposal needs
 * @param decidable  whether the viewer may confirm the waiting proposal or send it back (a leader)
 * @param reopenable whether the viewer may reopen the signed-off item (a leader)
 */
public record SignOff(SignOffState state, String note, String proposedBy, Instant proposedAt, long version, List<Step> history,
        boolean signedOff, boolean proposable, boolean ready, boolean decidable, boolean reopenable) {

    /** One step: who did it, when, with which note or comment. */
    public record Step(SignOffState action, String actor, String note, Instant at) {
    }

    public boolean proposed() {
        return state == SignOffState.PROPOSED;
    }
}
