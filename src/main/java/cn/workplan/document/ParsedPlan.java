package cn.workplan.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Numbering;

/**
 * One plan as read from a document. Fields the document does not give are {@code null} (text fields
 * of the header) or empty.
 *
 * @param title          the title (标题) as printed
 * @param documentNumber 发文字号, e.g. 济教〔2018〕1号
 * @param issueDate      成文日期, from the header block or the date under the text
 * @param publisher      发布机构
 * @param indexNumber    索引号 of a government information page
 * @param subject        主题分类
 * @param preamble       the paragraphs before the first chapter (指导思想, 总体要求 …), one per line
 * @param numbering      whether task items run on through the plan or restart in every section
 * @param nodes          the outline: chapters (or items, where the plan has no chapters)
 * @param schedule       the schedule by quarter (1-3月份：…), kept apart from the outline
 * @param lines          the part of the source this plan was read from
 */
public record ParsedPlan(
        String title,
        String documentNumber,
        LocalDate issueDate,
        String publisher,
        String indexNumber,
        String subject,
        String preamble,
        Numbering numbering,
        List<ParsedNode> nodes,
        List<QuarterSchedule> schedule,
        SourceLines lines) {

    public ParsedPlan {
        nodes = List.copyOf(nodes);
        schedule = List.copyOf(schedule);
    }

    /** Every node of the outline, depth first, in document order. */
    public List<ParsedNode> allNodes() {
        var all = new ArrayList<ParsedNode>();
        nodes.forEach(node -> node.collect(all));
        return all;
    }

    public List<ParsedNode> chapters() {
        return nodes.stream().filter(node -> node.kind() == NodeKind.CHAPTER).toList();
    }

    /** The task items in document order, wherever they stand. */
    public List<ParsedNode> items() {
        return nodesOf(NodeKind.ITEM).toList();
    }

    private Stream<ParsedNode> nodesOf(NodeKind kind) {
        return allNodes().stream().filter(node -> node.kind() == kind);
    }
}
