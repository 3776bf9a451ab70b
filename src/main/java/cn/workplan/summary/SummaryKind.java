package cn.workplan.summary;

import java.time.LocalDate;

import cn.workplan.system.InvalidInputException;

/** What a drafted report is: a month's or a quarter's progress report, the mid-year or the year-end summary. */
public enum SummaryKind {
    /** 月报: one month's progress. */
    MONTHLY,
    /** 季报: one quarter's progress, with the next quarter's milestones. */
    QUARTERLY,
    /** 上半年工作总结和下半年工作思路: January to June, with the third and fourth quarters' milestones. */
    MID_YEAR,
    /** 年度工作总结: the year, with the unfinished items to carry over. */
    YEAR_END,
    /**
     * 贯彻落实上级工作要点情况报告 (the upward report): how an upper-level document's points are carried out by the plan's
     * items, for the first half of the year or the whole year.
     */
    UPWARD;

    public String messageKey() {
        return "summary.kind." + name();
    }

    /** Whether the kind covers one of several periods of the year, chosen by number (a month, a quarter). */
    public boolean numbered() {
        return this == MONTHLY || this == QUARTERLY;
    }

    /**
     * The period of the plan's year it covers.
     *
     * @param number the month (1–12) or the quarter (1–4); for the upward report 1 for the first half, 2 for the year;
     *               ignored for the half year and the year
     */
    public SummaryPeriod period(int year, Integer number) {
        return switch (this) {
            case MONTHLY -> {
                check(number, 12, "month");
                var start = LocalDate.of(year, number, 1);
                yield new SummaryPeriod(this, start, start.plusMonths(1).minusDays(1));
            }
            case QUARTERLY -> {
                check(number, 4, "quarter");
                var start = LocalDate.of(year, number * 3 - 2, 1);
                yield new SummaryPeriod(this, start, start.plusMonths(3).minusDays(1));
            }
            case MID_YEAR -> new SummaryPeriod(this, LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30));
            case YEAR_END -> new SummaryPeriod(this, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            case UPWARD -> {
                check(number, 2, "half");
                yield new SummaryPeriod(this, LocalDate.of(year, 1, 1), number == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31));
            }
        };
    }

    private static void check(Integer number, int last, String field) {
        if (number == null || number < 1 || number > last) {
            throw new InvalidInputException(field, "summary.error.period");
        }
    }
}
