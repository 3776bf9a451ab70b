package cn.workplan.supervision;

/**
 * The filters of the notice list, from the page's query string.
 *
 * @param state     only notices in this state; {@code null} for all
 * @param escalated only escalated notices
 * @param toMe      only notices escalated to the viewer (a leader)
 */
public record NoticeFilter(NoticeState state, Boolean escalated, Boolean toMe) {

    public NoticeFilter {
        escalated = Boolean.TRUE.equals(escalated);
        toMe = Boolean.TRUE.equals(toMe);
    }

    public boolean all() {
        return state == null && !escalated && !toMe;
    }
}
