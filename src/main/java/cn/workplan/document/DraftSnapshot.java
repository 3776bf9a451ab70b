package cn.workplan.document;

import java.time.LocalDate;
import java.util.List;

import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Numbering;

/**
 * An {@link ImportDraft} as plain records, for keeping it between requests (as JSON, in the database, so that any
 * instance of the application continues the preview): everything the person has shaped so far, and nothing else.
 * {@link #of} takes the snapshot, {@link #toDraft} makes the draft again.
 */
public record DraftSnapshot(String source, List<String> lines, List<Plan> plans, List<Residue> residue, int nextNodeId,
        ImportPurpose purpose) {

    public static DraftSnapshot of(ImportDraft draft) {
        return new DraftSnapshot(draft.source(), draft.lines(), draft.plans().stream().map(Plan::of).toList(),
                draft.residue().stream().map(Residue::of).toList(), draft.nextNodeId(), draft.purpose());
    }

    /** A snapshot kept before imports had a purpose reads as a plan's. */
    public ImportDraft toDraft() {
        var draft = new ImportDraft(source, purpose, lines, nextNodeId);
        plans.forEach(plan -> draft.add(plan.toPlan()));
        residue.forEach(line -> draft.add(line.toLine()));
        return draft;
    }

    /** A {@link DraftedPlan}. */
    public record Plan(int index, String title, String documentNumber, LocalDate issueDate, int year, Numbering numbering,
            String preamble, SourceLines lines, List<QuarterSchedule> schedule, List<Node> nodes, Long savedPlanId,
            Integer firstChapter, Integer firstItem) {

        static Plan of(DraftedPlan plan) {
            return new Plan(plan.index(), plan.title(), plan.documentNumber(), plan.issueDate(), plan.year(),
                    plan.numbering(), plan.preamble(), plan.lines(), plan.schedule(),
                    plan.nodes().stream().map(Node::of).toList(), plan.savedPlanId(), plan.firstChapter(), plan.firstItem());
        }

        DraftedPlan toPlan() {
            var plan = new DraftedPlan(index, title, documentNumber, issueDate, year, numbering, preamble, lines,
                    schedule == null ? List.of() : schedule, savedPlanId);
            plan.startAt(firstChapter, firstItem);
            nodes.forEach(node -> plan.nodes.add(node.toNode()));
            return plan;
        }
    }

    /** A {@link DraftedNode}. */
    public record Node(int id, NodeKind kind, String headline, String body, SourceLines lines,
            List<Answer<TargetSuggestion>> targets, List<Answer<DeadlineSuggestion>> deadlines,
            List<Answer<OfficeSuggestion>> offices, TaskAssignment assignment, Integer residueLine, List<ReadingNote> notes) {

        static Node of(DraftedNode node) {
            return new Node(node.id(), node.kind(), node.headline(), node.body(), node.lines(), Answer.of(node.targets()),
                    Answer.of(node.deadlines()), Answer.of(node.offices()), node.assignment(), node.residueLine(), node.notes());
        }

        DraftedNode toNode() {
            return DraftedNode.restore(id, kind, headline, body, lines, assignment, residueLine,
                    Answer.toSuggested(targets), Answer.toSuggested(deadlines), Answer.toSuggested(offices), notes);
        }
    }

    /** A {@link Suggested} value with the person's answer. */
    public record Answer<T>(T value, boolean accepted) {

        static <T> List<Answer<T>> of(List<Suggested<T>> suggested) {
            return suggested.stream().map(one -> new Answer<>(one.value(), one.accepted())).toList();
        }

        static <T> List<Suggested<T>> toSuggested(List<Answer<T>> answers) {
            return answers == null ? List.of() : answers.stream().map(answer -> {
                var suggested = new Suggested<>(answer.value());
                suggested.accept(answer.accepted());
                return suggested;
            }).toList();
        }
    }

    /** A {@link ResidueLine}. */
    public record Residue(int line, String text, DiscardReason reason, boolean kept) {

        static Residue of(ResidueLine line) {
            return new Residue(line.line(), line.text(), line.reason(), line.kept());
        }

        ResidueLine toLine() {
            var line = new ResidueLine(new DiscardedLine(this.line, text, reason));
            line.keep(kept);
            return line;
        }
    }
}
