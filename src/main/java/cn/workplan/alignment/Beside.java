package cn.workplan.alignment;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.workplan.plan.Outline;
import cn.workplan.plan.OutlineNode;

/**
 * The drafting page: the plan's outline with the upper-level document beside it, the links between them, the point the
 * person chose and what may carry it out.
 *
 * @param documents    the upper-level documents to choose from (the plan's year, and those it is linked to)
 * @param document     the chosen document, {@code null} when there is none
 * @param chosen       the chosen point, {@code null} when none is chosen
 * @param forChosen    the items suggested for the chosen point, best first, not yet linked to it
 * @param pending      for every point no item carries out yet, its best suggestion (to accept one by one)
 * @param containers   the chapters and sections a new item may be added to
 * @param linkable     the items the person may link and unlink
 * @param addsItems    whether the person may add items to the plan (turn a point into an item)
 * @param itemsById    the plan's items by id; {@code pointsById} the document's points by id
 */
public record Beside(Outline plan, List<UpperDocumentRow> documents, UpperDocumentHeader document, List<UpperPoint> points,
        Map<Long, List<Long>> itemsByPoint, Map<Long, List<Long>> pointsByItem, UpperPoint chosen, List<Suggestion> forChosen,
        List<Suggestion> pending, List<OutlineNode> containers, Set<Long> linkable, boolean addsItems,
        Map<Long, OutlineNode> itemsById, Map<Long, UpperPoint> pointsById) {

    /** A suggested link: the item may carry out the point (score in percent). */
    public record Suggestion(UpperPoint point, OutlineNode item, int score) {
    }

    public List<Long> itemsOf(long pointId) {
        return itemsByPoint.getOrDefault(pointId, List.of());
    }

    public List<Long> pointsOf(long itemId) {
        return pointsByItem.getOrDefault(itemId, List.of());
    }

    /** The item's number as printed, by id (for the point's badges). */
    public String numberOf(long itemId) {
        var item = itemsById.get(itemId);
        return item == null ? "" : item.label();
    }

    /** The point by id (for the item's badges). */
    public UpperPoint point(long pointId) {
        return pointsById.get(pointId);
    }

    public boolean linked(long pointId, long itemId) {
        return itemsOf(pointId).contains(itemId);
    }

    public boolean suggested(long itemId) {
        return forChosen.stream().anyMatch(suggestion -> suggestion.item().id() == itemId);
    }

    public long pointCount() {
        return points.stream().filter(UpperPoint::linkable).count();
    }

    public long coveredCount() {
        return points.stream().filter(point -> point.linkable() && !itemsOf(point.id()).isEmpty()).count();
    }
}
