package cn.workplan.alignment;

import cn.workplan.plan.NodeKind;

/**
 * A node of an upper-level document as pages show it.
 *
 * @param label     its number as printed: 一、 （一） 12. （1）
 * @param reference the number that names it unambiguously (12, or 二（一）3), as in "市局要点第12条"
 * @param depth     0 for the top level
 * @param linkable  whether the bureau's items may carry it out: a task item, or a heading without items under it
 */
public record UpperPoint(long id, Long parentId, NodeKind kind, int position, int depth, String label, String reference,
        String headline, String body, boolean linkable) {

    public boolean isHeading() {
        return kind == NodeKind.CHAPTER || kind == NodeKind.SECTION;
    }

    /** The number and the headline: 12.深化集团化办学. */
    public String display() {
        return label + headline;
    }

    public String getDomId() {
        return "point-" + id;
    }
}
