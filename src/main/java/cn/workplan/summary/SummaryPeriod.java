package cn.workplan.summary;

import java.time.LocalDate;

/** The days a drafted report covers: its reports are those of the periods that start within them. */
public record SummaryPeriod(SummaryKind kind, LocalDate start, LocalDate end) {

    public int year() {
        return start.getYear();
    }

    /**
     * The month (1–12) or the quarter (1–4) of a monthly or quarterly report; for the upward report 1 for the first half
     * and 2 for the whole year; 1 otherwise.
     */
    public int number() {
        return switch (kind) {
            case MONTHLY -> start.getMonthValue();
            case QUARTERLY -> (start.getMonthValue() - 1) / 3 + 1;
            case UPWARD -> end.getMonthValue() == 6 ? 1 : 2;
            default -> 1;
        };
    }

    /** The message key that names it on screen, with {@link #year()} and {@link #number()} as arguments. */
    public String messageKey() {
        return "summary.period." + kind.name();
    }
}
