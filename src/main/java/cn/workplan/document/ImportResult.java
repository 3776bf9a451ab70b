package cn.workplan.document;

import java.util.List;

/**
 * What an imported document was read as: usually one plan, several where the document holds several
 * (第一篇, 第二篇 … or several titles), and the lines left out as web-page residue, for a person to
 * drop or keep.
 */
public record ImportResult(List<ParsedPlan> plans, List<DiscardedLine> discarded) {

    public ImportResult {
        plans = List.copyOf(plans);
        discarded = List.copyOf(discarded);
    }

    /** The only plan; fails when the document held none or several. */
    public ParsedPlan plan() {
        if (plans.size() != 1) {
            throw new IllegalStateException("the document holds " + plans.size() + " plans");
        }
        return plans.get(0);
    }
}
