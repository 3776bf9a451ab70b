package cn.workplan.summary;

/**
 * What to draft: the kind and, for a monthly or quarterly report, the month (1–12) or quarter (1–4) of the plan's
 * year; for the upward report (贯彻落实情况报告) the upper-level document it follows and the half (1: the first half of
 * the year, 2: the whole year).
 */
public record NewSummary(SummaryKind kind, Integer month, Integer quarter, Long upper, Integer half) {

    /** A report that follows no upper-level document. */
    public NewSummary(SummaryKind kind, Integer month, Integer quarter) {
        this(kind, month, quarter, null, null);
    }

    /** The month, the quarter or the half, as the kind needs. */
    Integer number() {
        return switch (kind) {
            case MONTHLY -> month;
            case QUARTERLY -> quarter;
            case UPWARD -> half;
            default -> null;
        };
    }
}
