package cn.workplan.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.workplan.document.DraftedNode.SuggestionType;
import cn.workplan.document.parsing.HeadlineSplitter;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Numbering;
import cn.workplan.system.InvalidInputException;

/**
 * An import between reading and saving: the source as read, the plans recognised in it and the lines
 * taken for web-page residue, each shaped by the person's edits on the preview. Kept between requests as a
 * {@link DraftSnapshot}; nothing here is a plan in the database until saved. Not thread-safe: one request works
 * on its own copy.
 */
public final class ImportDraft {

    private final String source;
    private final ImportPurpose purpose;
    private final List<String> lines;
    private final List<DraftedPlan> plans = new ArrayList<>();
    private final List<ResidueLine> residue = new ArrayList<>();
    private int nextNodeId = 1;

    ImportDraft(String source, ImportPurpose purpose, ReadDocument document, LocalDate today) {
        this.source = source;
        this.purpose = purpose == null ? ImportPurpose.PLAN : purpose;
        this.lines = document.lines();
        var parsed = document.result().plans();
        for (int i = 0; i < parsed.size(); i++) {
            var plan = new DraftedPlan(i, parsed.get(i), today);
            parsed.get(i).allNodes().forEach(node -> plan.nodes.add(DraftedNode.of(nextNodeId++, node)));
            plans.add(plan);
        }
        document.result().discarded().forEach(line -> residue.add(new ResidueLine(line)));
    }

    /** An empty draft to restore a {@link DraftSnapshot} into. */
    ImportDraft(String source, ImportPurpose purpose, List<String> lines, int nextNodeId) {
        this.source = source;
        this.purpose = purpose == null ? ImportPurpose.PLAN : purpose;
        this.lines = List.copyOf(lines);
        this.nextNodeId = nextNodeId;
    }

    void add(DraftedPlan plan) {
        plans.add(plan);
    }

    void add(ResidueLine line) {
        residue.add(line);
    }

    List<String> lines() {
        return lines;
    }

    int nextNodeId() {
        return nextNodeId;
    }

    /** The uploaded file's name, or empty for pasted text. */
    public String source() {
        return source;
    }

    /** What the document is read in for: a plan, or an upper-level document. */
    public ImportPurpose purpose() {
        return purpose;
    }

    /** The text of line {@code number} of the source. */
    public String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }

    public List<DraftedPlan> plans() {
        return List.copyOf(plans);
    }

    public List<ResidueLine> residue() {
        return List.copyOf(residue);
    }

    /** The residue line at {@code number} of the source, if it is one. */
    public ResidueLine residueAt(int number) {
        return residue.stream().filter(line -> line.line() == number).findFirst().orElse(null);
    }

    /** The source lines of a plan, numbered from 1: its part of the source and the residue around it. */
    public List<Integer> lineNumbersOf(DraftedPlan plan) {
        int first = plan.lines() == null ? 1 : plan.lines().first();
        int last = plan.lines() == null ? lines.size() : plan.lines().last();
        if (plans.size() == 1) {
            first = 1;
            last = lines.size();
        }
        var numbers = new ArrayList<Integer>();
        for (int n = first; n <= last; n++) {
            if (!lines.get(n - 1).isBlank()) {
                numbers.add(n);
            }
        }
        return numbers;
    }

    public DraftedPlan plan(int index) {
        if (index < 0 || index >= plans.size()) {
            throw new InvalidInputException("plan", "document.import.error.noPlan");
        }
        return plans.get(index);
    }

    /**
     * Notes that a plan of the import was saved as the plan {@code planId} (or, for an upper-level document, as that
     * document), so that it is not saved twice.
     */
    public void markSaved(int planIndex, long planId) {
        plan(planIndex).saved(planId);
    }

    /** Whether every recognised plan has been saved. */
    public boolean allSaved() {
        return plans.stream().allMatch(plan -> plan.savedPlanId() != null);
    }

    public void editHeader(int planIndex, String title, String documentNumber, int year, Numbering numbering) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("title", "NotBlank");
        }
        if (title.strip().length() > 200) {
            throw new InvalidInputException("title", "document.import.error.titleTooLong", 200);
        }
        if (documentNumber != null && documentNumber.strip().length() > 60) {
            throw new InvalidInputException("documentNumber", "plan.error.documentNumberTooLong", 60);
        }
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "document.import.error.year", 2000, 2100);
        }
        plan(planIndex).editHeader(title, documentNumber, year, numbering == null ? Numbering.CONTINUOUS : numbering);
    }

    public void changeKind(int nodeId, NodeKind kind) {
        node(nodeId).changeKind(kind);
    }

    /** Merges the node into the one before it in the same plan. */
    public void mergeIntoPrevious(int nodeId) {
        var plan = planOf(nodeId);
        int at = indexOf(plan, nodeId);
        if (at == 0) {
            throw new InvalidInputException("node", "document.import.error.nothingBefore");
        }
        plan.nodes.get(at - 1).absorb(plan.nodes.remove(at));
    }

    /** Splits the node's text at {@code at} (a character offset in headline。body) into two nodes of its level. */
    public void split(int nodeId, int at) {
        var plan = planOf(nodeId);
        int index = indexOf(plan, nodeId);
        var rest = plan.nodes.get(index).splitAt(at, nextNodeId);
        nextNodeId++;
        plan.nodes.add(index + 1, rest);
    }

    /** Drops the node alone: what stood under it now stands under the node before it. */
    public void drop(int nodeId) {
        var plan = planOf(nodeId);
        plan.nodes.remove(indexOf(plan, nodeId));
    }

    public void answer(int nodeId, SuggestionType type, int index, boolean accepted) {
        node(nodeId).answer(type, index, accepted);
    }

    /** Accepts every suggestion that can be saved as it is: all targets, the first dated deadline, the offices found. */
    public void acceptAll(int planIndex) {
        for (var node : plan(planIndex).nodes) {
            if (node.kind() != NodeKind.ITEM) {
                continue;
            }
            for (int i = 0; i < node.targets().size(); i++) {
                node.answer(SuggestionType.TARGET, i, true);
            }
            var deadlines = node.deadlines();
            for (int i = 0; i < deadlines.size(); i++) {
                if (deadlines.get(i).value().kind() != null) {
                    node.answer(SuggestionType.DEADLINE, i, true);
                    break;
                }
            }
            var offices = node.offices();
            for (int i = 0; i < offices.size(); i++) {
                var office = offices.get(i).value();
                if (office.officeId() != null
                        && (office.role() != OfficeSuggestion.OfficeRole.LEAD || node.leadOfficeId() == null)) {
                    node.answer(SuggestionType.OFFICE, i, true);
                }
            }
        }
    }

    /**
     * Keeps a residue line as a task item where it stands in the source (in the plan whose part of the source
     * holds it, else the nearest), or drops it again.
     */
    public void keepResidue(int lineNumber, boolean keep) {
        var line = residueAt(lineNumber);
        if (line == null) {
            throw new InvalidInputException("line", "document.import.error.noResidue");
        }
        if (line.kept() == keep) {
            return;
        }
        line.keep(keep);
        if (keep) {
            var plan = planHolding(lineNumber);
            var split = HeadlineSplitter.split(line.text());
            var node = new DraftedNode(nextNodeId++, NodeKind.ITEM, split.headline(), split.body(),
                    SourceLines.of(lineNumber), null, lineNumber);
            int at = 0;
            while (at < plan.nodes.size() && plan.nodes.get(at).lines().first() < lineNumber) {
                at++;
            }
            plan.nodes.add(at, node);
        } else {
            plans.forEach(plan -> plan.nodes.removeIf(node -> Integer.valueOf(lineNumber).equals(node.residueLine())));
        }
    }

    private DraftedPlan planHolding(int lineNumber) {
        if (plans.isEmpty()) {
            throw new InvalidInputException("line", "document.import.error.noPlan");
        }
        for (var plan : plans) {
            if (plan.lines() != null && lineNumber <= plan.lines().last()) {
                return plan;
            }
        }
        return plans.get(plans.size() - 1);
    }

    private DraftedNode node(int nodeId) {
        var plan = planOf(nodeId);
        return plan.nodes.get(indexOf(plan, nodeId));
    }

    private DraftedPlan planOf(int nodeId) {
        return plans.stream().filter(plan -> plan.nodes.stream().anyMatch(node -> node.id() == nodeId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("node", "document.import.error.noNode"));
    }

    private static int indexOf(DraftedPlan plan, int nodeId) {
        for (int i = 0; i < plan.nodes.size(); i++) {
            if (plan.nodes.get(i).id() == nodeId) {
                return i;
            }
        }
        throw new InvalidInputException("node", "document.import.error.noNode");
    }
}
