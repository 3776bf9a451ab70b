package cn.workplan.plan;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A plan with its numbered outline in document order. Two outlines are equal when their headers and nodes
 * are: the map of children follows from the nodes.
 */
public record Outline(PlanHeader plan, List<OutlineNode> nodes, Map<Long, List<OutlineNode>> children) {

    public Outline(PlanHeader plan, List<OutlineNode> nodes) {
        this(plan, nodes, nodes.stream().filter(node -> node.parentId() != null)
                .collect(Collectors.groupingBy(OutlineNode::parentId)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Outline outline && plan.equals(outline.plan) && nodes.equals(outline.nodes);
    }

    @Override
    public int hashCode() {
        return 31 * plan.hashCode() + nodes.hashCode();
    }

    public List<OutlineNode> items() {
        return nodes.stream().filter(OutlineNode::isItem).toList();
    }

    /** The nodes at the top level, in order. */
    public List<OutlineNode> topLevel() {
        return nodes.stream().filter(node -> node.parentId() == null).toList();
    }

    /** A node's children, in order. */
    public List<OutlineNode> childrenOf(long parentId) {
        return children.getOrDefault(parentId, List.of());
    }

    public boolean hasChildren(long parentId) {
        return children.containsKey(parentId);
    }

    public List<OutlineNode> chapters() {
        return nodes.stream().filter(node -> node.kind() == NodeKind.CHAPTER).toList();
    }

    /** Where a node may be moved: the chapters and sections (for items), or the chapters (for sections). */
    public List<OutlineNode> containersFor(NodeKind kind) {
        return nodes.stream().filter(node -> kind.containers().contains(node.kind())).toList();
    }
}
