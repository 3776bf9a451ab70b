package cn.workplan.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.workplan.system.ChineseNumerals;

/**
 * Numbers an outline from the position of its nodes: chapters 一、二、…, sections （一）（二）… anew in
 * every chapter, task items 1. 2. … through the whole plan or anew in every section (or chapter without
 * sections), sub-points （1）（2）… anew in every item. Nothing is stored; every view numbers afresh.
 */
public final class OutlineNumbering {

    /** What numbering needs to know of a node. */
    public interface Node {
        long id();

        Long parentId();

        NodeKind kind();

        int position();
    }

    /** A node's number as printed without punctuation ("一", "1") and with it ("一、", "（一）", "1.", "（1）"). */
    public record Number(String plain, String label) {
    }

    private OutlineNumbering() {
    }

    /** The nodes in document order: each parent before its children, siblings by position. */
    public static <N extends Node> List<N> documentOrder(List<N> nodes) {
        var children = childrenByParent(nodes);
        var ordered = new ArrayList<N>(nodes.size());
        appendInOrder(children, null, ordered);
        return ordered;
    }

    public static <N extends Node> Map<Long, Number> number(List<N> nodes, Numbering numbering) {
        return number(nodes, numbering, 1, 1);
    }

    /**
     * Numbers from chapter {@code firstChapter} and (numbered on through the plan) item {@code firstItem}: an excerpt of
     * a plan keeps the numbers it was printed with.
     */
    public static <N extends Node> Map<Long, Number> number(List<N> nodes, Numbering numbering, int firstChapter, int firstItem) {
        var children = childrenByParent(nodes);
        var numbers = new HashMap<Long, Number>();
        var itemCounter = new int[] {numbering == Numbering.CONTINUOUS ? firstItem - 1 : 0};
        numberChildren(children, null, numbering, itemCounter, numbers, firstChapter - 1);
        return numbers;
    }

    private static <N extends Node> void numberChildren(Map<Long, List<N>> children, Long parentId, Numbering numbering,
            int[] itemCounter, Map<Long, Number> numbers, int chaptersBefore) {
        int chapters = chaptersBefore;
        int sections = 0;
        int points = 0;
        if (numbering == Numbering.PER_SECTION) {
            itemCounter = new int[] {0};
        }
        for (var node : children.getOrDefault(parentId, List.of())) {
            Number number = switch (node.kind()) {
                case CHAPTER -> {
                    var plain = ChineseNumerals.of(++chapters);
                    yield new Number(plain, plain + "、");
                }
                case SECTION -> {
                    var plain = ChineseNumerals.of(++sections);
                    yield new Number(plain, "（" + plain + "）");
                }
                case ITEM -> {
                    var plain = Integer.toString(++itemCounter[0]);
                    yield new Number(plain, plain + ".");
                }
                case POINT -> {
                    var plain = Integer.toString(++points);
                    yield new Number(plain, "（" + plain + "）");
                }
            };
            numbers.put(node.id(), number);
            numberChildren(children, node.id(), numbering, itemCounter, numbers, 0);
        }
    }

    private static <N extends Node> Map<Long, List<N>> childrenByParent(List<N> nodes) {
        var children = new LinkedHashMap<Long, List<N>>();
        for (var node : nodes) {
            children.computeIfAbsent(node.parentId(), key -> new ArrayList<>()).add(node);
        }
        children.values().forEach(list -> list.sort(Comparator.comparingInt(Node::position).thenComparingLong(Node::id)));
        return children;
    }

    private static <N extends Node> void appendInOrder(Map<Long, List<N>> children, Long parentId, List<N> ordered) {
        for (var node : children.getOrDefault(parentId, List.of())) {
            ordered.add(node);
            appendInOrder(children, node.id(), ordered);
        }
    }
}
