package cn.workplan.alignment;

import java.util.List;
import java.util.Map;

import cn.workplan.execution.Light;
import cn.workplan.plan.PlanHeader;

/**
 * How a plan carries out an upper-level document (覆盖情况): every point in the document's order with the plan's items
 * that carry it out, their lead offices, progress and lights, and where the point stands (the leaders' progress by
 * upper point, what the city asks about).
 *
 * @param plan   the plan read against the document; {@code null} when no plan is there to read
 * @param plans  the plans that may be chosen instead (linked to the document, or of its year)
 * @param points every node of the document: headings as they stand, points with their items
 * @param carriedOut whether the plan is published or closed: progress and lights mean something
 */
public record Coverage(UpperDocumentHeader document, PlanHeader plan, List<LinkedPlan> plans, List<Row> points,
        boolean carriedOut, Totals totals) {

    /**
     * A node of the document and, for a point, the items that carry it out.
     *
     * @param percent the mean progress of its items (finished ones at 100 %); 0 without items
     */
    public record Row(UpperPoint point, List<Item> items, PointStatus status, int percent) {

        public boolean uncovered() {
            return point.linkable() && items.isEmpty();
        }
    }

    /**
     * An item of the plan carrying out a point.
     *
     * @param number  its number as printed (5.)
     * @param points  how many points of this document it carries out
     */
    public record Item(long id, String number, String headline, String leadOffice, int percent, Light light, boolean finished,
            int points) {
    }

    /**
     * The document's figures against the plan.
     *
     * @param points           its points
     * @param covered          points with at least one item
     * @param itemsLinked      the plan's items that carry out one of its points or more
     * @param itemsOnSeveral   of those, the items that carry out several of its points
     * @param itemsUnlinked    the plan's items that carry out none of its points
     * @param byStatus         points by where they stand
     */
    public record Totals(int points, int covered, int itemsLinked, int itemsOnSeveral, int itemsUnlinked,
            Map<PointStatus, Integer> byStatus) {

        public int uncovered() {
            return points - covered;
        }

        /** The share of points carried out, in percent. */
        public int coveredPercent() {
            return points == 0 ? 0 : Math.round(covered * 100f / points);
        }

        public int count(PointStatus status) {
            return byStatus.getOrDefault(status, 0);
        }
    }
}
