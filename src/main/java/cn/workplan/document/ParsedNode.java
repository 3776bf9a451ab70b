package cn.workplan.document;

import java.util.List;

import cn.workplan.plan.NodeKind;

/**
 * A chapter, section, task item or sub-point as read from a document.
 *
 * @param kind           its level
 * @param number         the number as printed, without punctuation: 一 for 一、 and （一）, 1 for 1. and （1）
 * @param numberInferred whether the document printed no number and the parser inferred it (a first item
 *                       without its number, before an item 2.)
 * @param headline       the heading, or a task item's first sentence, without the closing 。
 * @param body           the rest of the text; paragraphs separated by a line break; empty when none
 * @param targets        targets found in the text, as suggestions
 * @param deadlines      deadlines found in the text, as suggestions
 * @param offices        offices named in the text (or in a task table's columns), as suggestions
 * @param assignment     the task table's columns for an item read from a table; {@code null} otherwise
 * @param lines          where the node stands in the source
 * @param children       the nodes under it
 * @param notes          what the reader did or doubted in reading the node, for a person to look at
 */
public record ParsedNode(
        NodeKind kind,
        String number,
        boolean numberInferred,
        String headline,
        String body,
        List<TargetSuggestion> targets,
        List<DeadlineSuggestion> deadlines,
        List<OfficeSuggestion> offices,
        TaskAssignment assignment,
        SourceLines lines,
        List<ParsedNode> children,
        List<ReadingNote> notes) {

    public ParsedNode {
        body = body == null ? "" : body;
        targets = List.copyOf(targets);
        deadlines = List.copyOf(deadlines);
        offices = List.copyOf(offices);
        children = List.copyOf(children);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A node without notes, as before there were any. */
    public ParsedNode(NodeKind kind, String number, boolean numberInferred, String headline, String body,
            List<TargetSuggestion> targets, List<DeadlineSuggestion> deadlines, List<OfficeSuggestion> offices,
            TaskAssignment assignment, SourceLines lines, List<ParsedNode> children) {
        this(kind, number, numberInferred, headline, body, targets, deadlines, offices, assignment, lines, children, List.of());
    }

    void collect(List<ParsedNode> into) {
        into.add(this);
        children.forEach(child -> child.collect(into));
    }

}
