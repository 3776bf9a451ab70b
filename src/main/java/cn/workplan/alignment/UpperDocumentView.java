package cn.workplan.alignment;

import java.util.List;

/**
 * An upper-level document's page: its header, its outline as read, and the plans that carry it out.
 *
 * @param plans the plans with items linked to its points, newest first (the viewer's visible ones)
 */
public record UpperDocumentView(UpperDocumentHeader header, List<UpperPoint> points, List<LinkedPlan> plans) {

    /** The points items may carry out (task items, and headings without items). */
    public long pointCount() {
        return points.stream().filter(UpperPoint::linkable).count();
    }
}
