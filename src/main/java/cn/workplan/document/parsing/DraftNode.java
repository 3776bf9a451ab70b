package cn.workplan.document.parsing;

import java.util.ArrayList;
import java.util.List;

import cn.workplan.document.ReadingNote;
import cn.workplan.plan.NodeKind;

/** A node of the outline while it is being read: its heading line, then its paragraphs, then its children. */
final class DraftNode {

    /**
     * A paragraph of the source with its line, the last line it takes in when hard-wrapped lines were joined, and the
     * line as classified ({@code null} when made up), so that a sub-point kept as text until its item showed up can
     * become a sub-point after all.
     */
    record Paragraph(String text, int line, int last, ClassifiedLine from) {

        Paragraph(String text, int line) {
            this(text, line, line, null);
        }
    }

    final NodeKind kind;
    final String number;
    final boolean numberInferred;
    final TaskRow row;
    final List<Paragraph> paragraphs = new ArrayList<>();
    final List<DraftNode> children = new ArrayList<>();
    final List<ReadingNote> notes = new ArrayList<>();

    DraftNode(NodeKind kind, String number, boolean numberInferred, TaskRow row) {
        this.kind = kind;
        this.number = number;
        this.numberInferred = numberInferred;
        this.row = row;
    }

    /** The paragraphs after the heading line. */
    List<Paragraph> body() {
        return paragraphs.subList(1, paragraphs.size());
    }

    long childrenOf(NodeKind childKind) {
        return children.stream().filter(child -> child.kind == childKind).count();
    }

    int firstLine() {
        return paragraphs.get(0).line();
    }

    /** The last line of the node and everything under it. */
    int lastLine() {
        int last = paragraphs.get(paragraphs.size() - 1).last();
        for (var child : children) {
            last = Math.max(last, child.lastLine());
        }
        return last;
    }
}
