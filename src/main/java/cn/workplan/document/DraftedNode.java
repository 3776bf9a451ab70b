package cn.workplan.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import cn.workplan.document.OfficeSuggestion.OfficeRole;
import cn.workplan.document.parsing.HeadlineSplitter;
import cn.workplan.document.parsing.PrintedMarks;
import cn.workplan.plan.NodeKind;

/**
 * A node of an import's outline as the person is shaping it on the preview: its level, its text, where it
 * stands in the source, and the parser's suggestions with the person's answers.
 */
public final class DraftedNode {

    private static final String SENTENCE_ENDS = "。！？；";

    private final int id;
    private NodeKind kind;
    private String headline;
    private String body;
    private SourceLines lines;
    private final List<Suggested<TargetSuggestion>> targets = new ArrayList<>();
    private final List<Suggested<DeadlineSuggestion>> deadlines = new ArrayList<>();
    private final List<Suggested<OfficeSuggestion>> offices = new ArrayList<>();
    /** What the reader did or doubted in reading this node: the preview marks it and says why. */
    private final List<ReadingNote> notes = new ArrayList<>();
    private final TaskAssignment assignment;
    private final Integer residueLine;

    DraftedNode(int id, NodeKind kind, String headline, String body, SourceLines lines, TaskAssignment assignment,
            Integer residueLine) {
        this.id = id;
        this.kind = kind;
        this.headline = headline == null ? "" : headline;
        this.body = body == null ? "" : body;
        this.lines = lines;
        this.assignment = assignment;
        this.residueLine = residueLine;
    }

    static DraftedNode of(int id, ParsedNode parsed) {
        var node = new DraftedNode(id, parsed.kind(), parsed.headline(), parsed.body(), parsed.lines(), parsed.assignment(), null);
        parsed.targets().forEach(target -> node.targets.add(new Suggested<>(target)));
        parsed.deadlines().forEach(deadline -> node.deadlines.add(new Suggested<>(deadline)));
        parsed.offices().forEach(office -> node.offices.add(new Suggested<>(office)));
        node.notes.addAll(parsed.notes());
        return node;
    }

    /** A node as a {@link DraftSnapshot} kept it, with the person's answers. */
    static DraftedNode restore(int id, NodeKind kind, String headline, String body, SourceLines lines,
            TaskAssignment assignment, Integer residueLine, List<Suggested<TargetSuggestion>> targets,
            List<Suggested<DeadlineSuggestion>> deadlines, List<Suggested<OfficeSuggestion>> offices, List<ReadingNote> notes) {
        var node = new DraftedNode(id, kind, headline, body, lines, assignment, residueLine);
        if (notes != null) {
            node.notes.addAll(notes);
        }
        node.targets.addAll(targets);
        node.deadlines.addAll(deadlines);
        node.offices.addAll(offices);
        return node;
    }

    public int id() {
        return id;
    }

    public NodeKind kind() {
        return kind;
    }

    public String headline() {
        return headline;
    }

    public String body() {
        return body;
    }

    public SourceLines lines() {
        return lines;
    }

    public List<Suggested<TargetSuggestion>> targets() {
        return List.copyOf(targets);
    }

    public List<Suggested<DeadlineSuggestion>> deadlines() {
        return List.copyOf(deadlines);
    }

    public List<Suggested<OfficeSuggestion>> offices() {
        return List.copyOf(offices);
    }

    /** The reader's notes on this node, in the order of the lines they are about. */
    public List<ReadingNote> notes() {
        return notes.stream().sorted(java.util.Comparator.comparingInt(ReadingNote::line)).toList();
    }

    public TaskAssignment assignment() {
        return assignment;
    }

    /** The residue line this node was kept from; {@code null} for a node the parser recognised. */
    public Integer residueLine() {
        return residueLine;
    }

    public boolean hasSuggestions() {
        return !targets.isEmpty() || !deadlines.isEmpty() || !offices.isEmpty();
    }

    /** Headline and body as one text: what merging and splitting work on. */
    public String text() {
        if (body.isEmpty()) {
            return headline;
        }
        if (headline.isEmpty()) {
            return body;
        }
        // a headline that ends with its own stop (？ ！ ；) takes no 。 after it
        return headline + (endsSentence(headline) ? "" : "。") + body;
    }

    /** The places where the text may be split: after each sentence but the last, with that sentence. */
    public List<SplitPoint> splitPoints() {
        var text = text();
        var points = new ArrayList<SplitPoint>();
        int start = 0;
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (SENTENCE_ENDS.indexOf(c) >= 0 || c == '\n') {
                var sentence = text.substring(start, i + 1).strip();
                if (!sentence.isEmpty() && !text.substring(i + 1).isBlank()) {
                    points.add(new SplitPoint(i + 1, sentence));
                }
                start = i + 1;
            }
        }
        return points;
    }

    /** A place to split a node's text: the text before it ends with {@code sentence}. */
    public record SplitPoint(int at, String sentence) {
    }

    /** The lead office the person accepted: the first accepted office the text names as leading. */
    public Long leadOfficeId() {
        return offices.stream().filter(Suggested::accepted).map(Suggested::value)
                .filter(office -> office.role() == OfficeRole.LEAD && office.officeId() != null)
                .map(OfficeSuggestion::officeId).findFirst().orElse(null);
    }

    /** The other accepted offices, without the lead office and without repeats. */
    public List<Long> cooperatingOfficeIds() {
        var lead = leadOfficeId();
        return offices.stream().filter(Suggested::accepted).map(Suggested::value)
                .map(OfficeSuggestion::officeId).filter(Objects::nonNull)
                .filter(office -> !office.equals(lead)).distinct().toList();
    }

    public List<TargetSuggestion> acceptedTargets() {
        return targets.stream().filter(Suggested::accepted).map(Suggested::value).toList();
    }

    public DeadlineSuggestion acceptedDeadline() {
        return deadlines.stream().filter(Suggested::accepted).map(Suggested::value).findFirst().orElse(null);
    }

    /** The node at another level: a number printed in its text goes, for the outline numbers it at its new level. */
    void changeKind(NodeKind kind) {
        this.kind = kind;
        var unmarked = PrintedMarks.strip(headline);
        if (!unmarked.isBlank()) {
            headline = unmarked;
        }
    }

    /** Accepts or ignores one suggestion; a deadline or lead office accepted replaces the one accepted before. */
    void answer(SuggestionType type, int index, boolean accepted) {
        switch (type) {
            case TARGET -> at(targets, index).accept(accepted);
            case DEADLINE -> {
                var deadline = at(deadlines, index);
                if (accepted && deadline.value().kind() == null) {
                    throw new cn.workplan.system.InvalidInputException("suggestion", "document.import.error.wordsOnly");
                }
                if (accepted) {
                    deadlines.forEach(other -> other.accept(false));
                }
                deadline.accept(accepted);
            }
            case OFFICE -> {
                var office = at(offices, index);
                if (accepted && office.value().officeId() == null) {
                    throw new cn.workplan.system.InvalidInputException("suggestion", "document.import.error.unknownOffice");
                }
                if (accepted && office.value().role() == OfficeRole.LEAD) {
                    offices.stream().filter(other -> other.value().role() == OfficeRole.LEAD).forEach(other -> other.accept(false));
                }
                office.accept(accepted);
            }
        }
    }

    private static <T> Suggested<T> at(List<Suggested<T>> list, int index) {
        if (index < 0 || index >= list.size()) {
            throw new cn.workplan.system.InvalidInputException("suggestion", "document.import.error.noSuggestion");
        }
        return list.get(index);
    }

    /** Takes in the node after it: its text becomes part of this body, its suggestions join these. */
    void absorb(DraftedNode next) {
        var nextText = next.text();
        if (headline.isEmpty()) {
            var split = HeadlineSplitter.split(nextText);
            headline = split.headline();
            body = join(body, split.body());
        } else {
            // the text taken in reads as the sentence it was: its headline gets back the 。 the reading took off
            body = join(body, endsSentence(nextText) ? nextText : nextText + "。");
        }
        lines = new SourceLines(Math.min(lines.first(), next.lines.first()), Math.max(lines.last(), next.lines.last()));
        targets.addAll(next.targets);
        deadlines.addAll(next.deadlines);
        offices.addAll(next.offices);
        notes.addAll(next.notes);
    }

    /** Cuts the text at {@code at}: this node keeps what stands before, a new node of the same level takes the rest. */
    DraftedNode splitAt(int at, int newId) {
        var text = text();
        if (at <= 0 || at >= text.length() || text.substring(0, at).isBlank() || text.substring(at).isBlank()) {
            throw new cn.workplan.system.InvalidInputException("at", "document.import.error.splitPosition");
        }
        var before = HeadlineSplitter.split(text.substring(0, at));
        // the part split off is numbered by the outline: a number printed before it (4.12月底前) is not its text
        var after = HeadlineSplitter.split(PrintedMarks.strip(text.substring(at).strip()));
        var rest = new DraftedNode(newId, kind, after.headline(), after.body(), lines, assignment, null);
        headline = before.headline();
        body = before.body();
        var restText = rest.text();
        var ownText = text();
        moveTo(targets, rest.targets, target -> belongsAfter(target.source(), target.phrase(), ownText, restText));
        moveTo(deadlines, rest.deadlines, deadline -> belongsAfter(deadline.source(), deadline.phrase(), ownText, restText));
        moveTo(offices, rest.offices, office -> belongsAfter(office.source(), office.mention(), ownText, restText));
        return rest;
    }

    private static boolean belongsAfter(String source, String phrase, String before, String after) {
        var clue = source != null && !source.isBlank() ? source.strip() : phrase;
        if (clue == null || clue.isBlank()) {
            return false;
        }
        return !before.contains(clue) && after.contains(clue)
                || phrase != null && !before.contains(phrase) && after.contains(phrase);
    }

    private static <T> void moveTo(List<Suggested<T>> from, List<Suggested<T>> to, Predicate<T> moves) {
        var moving = from.stream().filter(suggested -> moves.test(suggested.value())).toList();
        from.removeAll(moving);
        to.addAll(moving);
    }

    private static boolean endsSentence(String text) {
        var stripped = text.strip();
        return !stripped.isEmpty() && "。！？；：…!?;:".indexOf(stripped.charAt(stripped.length() - 1)) >= 0;
    }

    private static String join(String first, String second) {
        if (first.isBlank()) {
            return second;
        }
        return second.isBlank() ? first : first + "\n" + second;
    }

    /** Which list of suggestions an answer is about. */
    public enum SuggestionType {
        TARGET, DEADLINE, OFFICE
    }
}
