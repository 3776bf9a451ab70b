package cn.workplan.document;

import java.util.List;

/**
 * Everything an {@link ImportResult} says, one fact to a line, so that two readings of the same document can be
 * compared in full: the plans' headers, every node with its text, suggestions and lines, the schedule and the lines
 * set aside. Leaves out what was added to the result after issue #13 (reading notes), so that a dump taken before
 * compares with one taken after.
 */
final class ResultDump {

    private ResultDump() {
    }

    static String of(ImportResult result) {
        var out = new StringBuilder();
        for (var plan : result.plans()) {
            out.append("PLAN title=").append(plan.title()).append(" number=").append(plan.documentNumber())
                    .append(" issued=").append(plan.issueDate()).append(" publisher=").append(plan.publisher())
                    .append(" index=").append(plan.indexNumber()).append(" subject=").append(plan.subject())
                    .append(" numbering=").append(plan.numbering()).append(" lines=").append(plan.lines()).append('\n');
            out.append("PREAMBLE ").append(plan.preamble().replace("\n", "⏎")).append('\n');
            nodes(plan.nodes(), "", out);
            for (var period : plan.schedule()) {
                out.append("SCHEDULE ").append(period).append('\n');
            }
        }
        for (var line : result.discarded()) {
            out.append("DISCARDED ").append(line).append('\n');
        }
        return out.toString();
    }

    private static void nodes(List<ParsedNode> nodes, String indent, StringBuilder out) {
        for (var node : nodes) {
            out.append(indent).append(node.kind()).append(' ').append(node.number()).append(node.numberInferred() ? "*" : "")
                    .append(" lines=").append(node.lines()).append(" | ").append(node.headline()).append('\n');
            out.append(indent).append("  body: ").append(node.body().replace("\n", "⏎")).append('\n');
            node.targets().forEach(target -> out.append(indent).append("  target: ").append(target).append('\n'));
            node.deadlines().forEach(deadline -> out.append(indent).append("  deadline: ").append(deadline).append('\n'));
            node.offices().forEach(office -> out.append(indent).append("  office: ").append(office).append('\n'));
            if (node.assignment() != null) {
                out.append(indent).append("  assignment: ").append(node.assignment()).append('\n');
            }
            nodes(node.children(), indent + "    ", out);
        }
    }
}
