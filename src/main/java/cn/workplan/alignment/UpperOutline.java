package cn.workplan.alignment;

import java.util.ArrayList;
import java.util.List;

import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Numbering;
import cn.workplan.system.ChineseNumerals;
import cn.workplan.system.InvalidInputException;

/**
 * Puts an upper-level document's nodes in their tree and numbers them, once, as the document was read: the numbers of
 * a frozen document never move, so they are kept with the nodes. Chapters 一、, sections （一） anew in every chapter,
 * items 1. through the document or anew in every section (or chapter without sections), sub-points （1） anew in every
 * item — the plan's numbering, so that a point reads as the city printed it. Plain Java.
 */
final class UpperOutline {

    static final int HEADLINE_LENGTH = 500;

    private UpperOutline() {
    }

    /** A node placed and numbered: {@code parent} is the index of its parent in the list, -1 at the top level. */
    record Placed(NewUpperDocument.Node node, int parent, int depth, String label, String reference, boolean linkable) {
    }

    /**
     * The nodes in their tree, numbered. A section needs a chapter before it and a sub-point an item, as on the import's
     * preview (the same messages); a heading without a headline takes its body's first words.
     */
    static List<Placed> place(List<NewUpperDocument.Node> nodes, Numbering numbering) {
        var placed = new ArrayList<Placed>(nodes.size());
        int chapter = -1;
        int section = -1;
        int item = -1;
        int chapters = 0;
        int sections = 0;
        int items = 0;
        int points = 0;
        String chapterPlain = "";
        String sectionLabel = "";
        String itemReference = "";
        for (var node : nodes) {
            var headline = node.headline() == null || node.headline().isBlank() ? first(node.body()) : node.headline().strip();
            if (headline.isBlank()) {
                throw new InvalidInputException("outline", "upper.error.emptyNode");
            }
            if (headline.length() > HEADLINE_LENGTH) {
                throw new InvalidInputException("outline", "upper.error.headlineTooLong", HEADLINE_LENGTH, abbreviate(headline));
            }
            var body = node.body() == null ? "" : node.body().strip();
            var clean = new NewUpperDocument.Node(node.kind(), headline, body);
            switch (node.kind()) {
                case CHAPTER -> {
                    chapter = placed.size();
                    section = -1;
                    item = -1;
                    sections = 0;
                    if (numbering == Numbering.PER_SECTION) {
                        items = 0;
                    }
                    chapterPlain = ChineseNumerals.of(++chapters);
                    placed.add(new Placed(clean, -1, 0, chapterPlain + "、", chapterPlain, false));
                }
                case SECTION -> {
                    if (chapter < 0) {
                        throw new InvalidInputException("outline", "document.import.error.sectionOutsideChapter", headline);
                    }
                    section = placed.size();
                    item = -1;
                    if (numbering == Numbering.PER_SECTION) {
                        items = 0;
                    }
                    sectionLabel = "（" + ChineseNumerals.of(++sections) + "）";
                    placed.add(new Placed(clean, chapter, 1, sectionLabel, chapterPlain + sectionLabel, false));
                }
                case ITEM -> {
                    int parent = section >= 0 ? section : chapter;
                    item = placed.size();
                    points = 0;
                    var plain = Integer.toString(++items);
                    itemReference = numbering == Numbering.CONTINUOUS || parent < 0 ? plain
                            : chapterPlain + (section >= 0 ? sectionLabel : "") + plain;
                    placed.add(new Placed(clean, parent, parent < 0 ? 0 : placed.get(parent).depth() + 1, plain + ".",
                            itemReference, true));
                }
                case POINT -> {
                    if (item < 0) {
                        throw new InvalidInputException("outline", "document.import.error.pointOutsideItem", headline);
                    }
                    var label = "（" + (++points) + "）";
                    placed.add(new Placed(clean, item, placed.get(item).depth() + 1, label, itemReference + label, false));
                }
            }
        }
        // a heading without any item under it is a point of its own (documents of sections only, a closing chapter)
        var hasItems = new boolean[placed.size()];
        for (int i = 0; i < placed.size(); i++) {
            if (placed.get(i).node().kind() == NodeKind.ITEM) {
                for (int parent = placed.get(i).parent(); parent >= 0; parent = placed.get(parent).parent()) {
                    hasItems[parent] = true;
                }
            }
        }
        var numbered = new ArrayList<Placed>(placed.size());
        for (int i = 0; i < placed.size(); i++) {
            var one = placed.get(i);
            boolean heading = one.node().kind() == NodeKind.CHAPTER || one.node().kind() == NodeKind.SECTION;
            numbered.add(heading && !hasItems[i] ? new Placed(one.node(), one.parent(), one.depth(), one.label(), one.reference(), true)
                    : one);
        }
        if (numbered.stream().noneMatch(Placed::linkable)) {
            throw new InvalidInputException("outline", "upper.error.noPoints");
        }
        return numbered;
    }

    /** The first sentence of a text, for a heading printed as a number only. */
    private static String first(String body) {
        if (body == null) {
            return "";
        }
        var text = body.strip();
        int end = text.indexOf('。');
        text = end > 0 ? text.substring(0, end) : text;
        return text.length() > HEADLINE_LENGTH ? text.substring(0, HEADLINE_LENGTH) : text;
    }

    private static String abbreviate(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
