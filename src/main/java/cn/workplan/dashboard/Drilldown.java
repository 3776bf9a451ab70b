package cn.workplan.dashboard;

import java.time.LocalDate;
import java.util.List;

import cn.workplan.execution.ReportingPeriod;

/**
 * The items (or a school's, a township's lines) a dashboard figure stands for.
 *
 * @param filter   the filters applied (as the viewer may apply them)
 * @param rows     the first {@link DrilldownQueries#MAX_ROWS} rows; {@code total} how many there are
 * @param chapters the plan's chapters, {@code offices} its lead offices, for the filter form
 * @param caption  what the filters name, in words: the chapter's, office's, school's names
 */
public record Drilldown(Dashboard.PlanChoice plan, List<Dashboard.PlanChoice> plans, ReportingPeriod period, DrilldownFilter filter,
        boolean lines, List<Row> rows, int total, List<Option> chapters, List<Option> offices, List<String> caption) {

    /** A choice in the filter form. */
    public record Option(long id, String name) {
    }

    /**
     * An item, or a school's line of an item.
     *
     * @param lineId   the line, when the row is a line
     * @param party    the school (for a line) or the lead office (for an item)
     * @param reported lines (or, for a line, 1 or 0) whose report for the current period was sent; {@code lines} all of them
     */
    public record Row(long itemId, Long lineId, String label, String headline, String chapter, String party, String township,
            LocalDate deadline, int percent, Status status, int reported, int lines) {
    }
}
