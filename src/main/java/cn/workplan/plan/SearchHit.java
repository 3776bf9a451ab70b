package cn.workplan.plan;

/** A plan or an item that matched a search, with a piece of text around the match. */
public record SearchHit(long planId, int year, String planTitle, Long nodeId, NodeKind kind, String headline, String excerpt) {
}
