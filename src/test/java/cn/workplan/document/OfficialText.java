package cn.workplan.document;

import java.util.ArrayList;
import java.util.List;

import cn.workplan.plan.NodeKind;
import cn.workplan.system.ChineseNumerals;

/**
 * A plan written out as plain text in the official shape — title, preamble, 一、…, （一）…,
 * 1.headline。body, （1）headline。body — numbered from position, items anew in every section. The
 * reading of such a text must give back the same outline.
 */
final class OfficialText {

    /** A node as the test writes it. */
    record Node(NodeKind kind, String headline, String body, List<Node> children) {

        static Node chapter(String headline, Node... children) {
            return new Node(NodeKind.CHAPTER, headline, "", List.of(children));
        }

        static Node chapterWithBody(String headline, String body) {
            return new Node(NodeKind.CHAPTER, headline, body, List.of());
        }

        static Node section(String headline, Node... children) {
            return new Node(NodeKind.SECTION, headline, "", List.of(children));
        }

        static Node item(String headline, String body, Node... points) {
            return new Node(NodeKind.ITEM, headline, body, List.of(points));
        }

        static Node point(String headline, String body) {
            return new Node(NodeKind.POINT, headline, body, List.of());
        }

        /** The same shape read back from a parsed node, without numbers, lines and suggestions. */
        static Node of(ParsedNode parsed) {
            return new Node(parsed.kind(), parsed.headline(), parsed.body(), parsed.children().stream().map(Node::of).toList());
        }
    }

    private OfficialText() {
    }

    /** The lines of the text: title, preamble paragraphs, then the outline. */
    static List<String> lines(String title, List<String> preamble, List<Node> nodes) {
        var lines = new ArrayList<String>();
        lines.add(title);
        lines.addAll(preamble);
        write(nodes, lines);
        return lines;
    }

    static String text(String title, List<String> preamble, List<Node> nodes) {
        return String.join("\n", lines(title, preamble, nodes)) + "\n";
    }

    private static void write(List<Node> nodes, List<String> lines) {
        int position = 0;
        for (var node : nodes) {
            position++;
            var number = switch (node.kind()) {
                case CHAPTER -> ChineseNumerals.of(position) + "、";
                case SECTION -> "（" + ChineseNumerals.of(position) + "）";
                case ITEM -> position + ".";
                case POINT -> "（" + position + "）";
            };
            var paragraphs = node.body().isEmpty() ? List.<String>of() : List.of(node.body().split("\n"));
            if (node.kind() == NodeKind.ITEM || node.kind() == NodeKind.POINT) {
                lines.add(number + node.headline() + "。" + (paragraphs.isEmpty() ? "" : paragraphs.get(0)));
                paragraphs.stream().skip(1).forEach(lines::add);
            } else {
                lines.add(number + node.headline());
                lines.addAll(paragraphs);
            }
            write(node.children(), lines);
        }
    }
}
