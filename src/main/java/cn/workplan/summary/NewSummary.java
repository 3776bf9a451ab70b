package cn.workplan.summary;

/**
 * What to draft: the kind and, for a monthly or quarterly report, the month (1–12) or quarter (1–4) of the plan's
 * year.
 */
public record NewSummary(SummaryKind kind, Integer month, Integer quarter) {

    /** The month or the quarter, as the kind needs. */
    Integer number() {
        return kind == SummaryKind.MONTHLY ? month : kind == SummaryKind.QUARTERLY ? quarter : null;
    }
}
