package cn.workplan.plan;

import java.util.Set;

/** The four levels of a plan's outline and where each may stand. */
public enum NodeKind {
    /** 一、 */
    CHAPTER,
    /** （一） */
    SECTION,
    /** 1. — a task item */
    ITEM,
    /** （1） — a sub-point of a task item */
    POINT;

    /** Whether a node of this kind may stand under a parent of the given kind ({@code null}: the top level). */
    public boolean mayStandUnder(NodeKind parent) {
        return switch (this) {
            case CHAPTER -> parent == null;
            case SECTION -> parent == CHAPTER;
            case ITEM -> parent == null || parent == CHAPTER || parent == SECTION;
            case POINT -> parent == ITEM;
        };
    }

    /** Kinds that may hold children of this kind. */
    public Set<NodeKind> containers() {
        return switch (this) {
            case CHAPTER -> Set.of();
            case SECTION -> Set.of(CHAPTER);
            case ITEM -> Set.of(CHAPTER, SECTION);
            case POINT -> Set.of(ITEM);
        };
    }

    /** The CSS class of its row in the outline editor. */
    public String cssClass() {
        return "outline-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    public String messageKey() {
        return "node.kind." + name();
    }
}
