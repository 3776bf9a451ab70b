package cn.workplan.plan;

/**
 * A plan was published: its text is frozen and its work begins. Sent within the publishing transaction.
 *
 * @param publishedBy who published it, to tell the offices and schools; {@code null} when plans are written in bulk
 *                    (the volume data generator), which tells nobody
 */
public record PlanPublished(long planId, Long publishedBy) {

    /** A plan written in bulk: its lines are made, nobody is told. */
    public PlanPublished(long planId) {
        this(planId, null);
    }

    /** Whether the offices and schools are told of their tasks. */
    public boolean announced() {
        return publishedBy != null;
    }
}
