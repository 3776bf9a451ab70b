package cn.workplan.document.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import cn.workplan.document.ParsedNode;
import cn.workplan.document.ParsedPlan;
import cn.workplan.document.QuarterSchedule;
import cn.workplan.document.ReadingNote;
import cn.workplan.document.SourceLines;
import cn.workplan.document.TaskAssignment;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Numbering;

/**
 * Turns a plan that has been read into its result: headline and body of every node, inline sub-points
 * (一是…二是…) as points, and the suggestions each node's text holds.
 */
final class PlanAssembler {

    private final Suggestions suggestions;

    PlanAssembler(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    ParsedPlan assemble(DraftPlan plan) {
        var nodes = plan.nodes.stream().map(this::node).toList();
        var schedule = plan.schedule.stream().filter(period -> !period.tasks.isEmpty())
                .map(period -> new QuarterSchedule(period.quarter, period.period, period.tasks,
                        new SourceLines(period.firstLine, period.lastLine)))
                .toList();
        var preamble = plan.preamble.stream().map(DraftNode.Paragraph::text).collect(Collectors.joining("\n"));
        var lines = plan.lastLine == 0 ? null : new SourceLines(plan.firstLine, plan.lastLine);
        return new ParsedPlan(plan.title, plan.documentNumber, plan.issueDate, plan.publisher, plan.indexNumber,
                plan.subject, preamble, numbering(plan), nodes, schedule, lines);
    }

    private ParsedNode node(DraftNode draft) {
        var split = HeadlineSplitter.split(draft.paragraphs.get(0).text());
        var bodyParts = new ArrayList<String>();
        if (!split.body().isEmpty()) {
            bodyParts.add(split.body());
        }
        draft.body().forEach(paragraph -> bodyParts.add(paragraph.text().strip()));
        var body = String.join("\n", bodyParts);
        var lines = new SourceLines(draft.firstLine(), draft.lastLine());
        var children = new ArrayList<ParsedNode>(draft.children.stream().map(this::node).toList());

        if (draft.kind == NodeKind.ITEM && draft.childrenOf(NodeKind.POINT) == 0) {
            var inline = InlinePoints.find(body);
            if (inline.isPresent()) {
                body = inline.get().lead();
                for (var point : inline.get().points()) {
                    var pointSplit = HeadlineSplitter.split(point.text());
                    children.add(node(NodeKind.POINT, point.number(), false, pointSplit.headline(), pointSplit.body(), null, lines,
                            List.of(), List.of()));
                }
            }
        }
        var assignment = draft.kind == NodeKind.ITEM && draft.row != null
                ? new TaskAssignment(draft.row.lead(), draft.row.responsible(), draft.row.deadline())
                : null;
        return node(draft.kind, draft.number, draft.numberInferred, split.headline(), body, assignment, lines, children,
                draft.notes);
    }

    private ParsedNode node(NodeKind kind, String number, boolean inferred, String headline, String body,
            TaskAssignment assignment, SourceLines lines, List<ParsedNode> children, List<ReadingNote> notes) {
        var found = suggestions.in(body.isEmpty() ? headline : headline + "。" + body, assignment);
        return new ParsedNode(kind, number, inferred, headline, body, found.targets(), found.deadlines(), found.offices(),
                assignment, lines, children, notes.stream().distinct().toList());
    }

    /**
     * Whether task items run on through the plan or restart in every chapter or section, as the numbers printed say:
     * where a chapter or section opens with an item after items of an earlier one, its number either goes on (7 after
     * 6) or starts again (1). The more frequent wins; a plan without such a place runs on when its first item is not 1
     * (a part of a plan, items 3, 4, 5), and otherwise restarts.
     */
    private static Numbering numbering(DraftPlan plan) {
        var containers = new ArrayList<DraftNode>();
        var numbers = new ArrayList<String>();
        collectItems(plan.nodes, null, containers, numbers);
        int goesOn = 0;
        int restarts = 0;
        for (int i = 1; i < numbers.size(); i++) {
            if (containers.get(i) == containers.get(i - 1)) {
                continue;
            }
            int number = parse(numbers.get(i));
            if (number == parse(numbers.get(i - 1)) + 1) {
                goesOn++;
            } else if (number == 1) {
                restarts++;
            }
        }
        if (goesOn != restarts) {
            return goesOn > restarts ? Numbering.CONTINUOUS : Numbering.PER_SECTION;
        }
        return !numbers.isEmpty() && parse(numbers.get(0)) > 1 ? Numbering.CONTINUOUS : Numbering.PER_SECTION;
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void collectItems(List<DraftNode> nodes, DraftNode parent, List<DraftNode> containers, List<String> numbers) {
        for (var node : nodes) {
            if (node.kind == NodeKind.ITEM) {
                containers.add(parent);
                numbers.add(node.number);
            } else if (node.kind != NodeKind.POINT) {
                collectItems(node.children, node, containers, numbers);
            }
        }
    }
}
