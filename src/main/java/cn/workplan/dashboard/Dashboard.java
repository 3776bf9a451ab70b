package cn.workplan.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.workplan.execution.ReportingPeriod;
import cn.workplan.supervision.NoticeQueries;

/**
 * A plan's progress at a glance, as the leaders' dashboard shows it.
 *
 * @param plan    the plan shown
 * @param plans   the plans one may choose from, newest first
 * @param period  the reporting period being collected ({@code null} before the plan's year)
 * @param today   the day the lights are worked out for
 * @param tiles   the headline figures
 * @param chapters completion and lights by chapter, in the plan's order
 * @param offices  the lead offices, best first (a ranking)
 * @param townships the school × chapter grid summed up by township
 * @param schools  the school × chapter grid, by township and school
 * @param township the township whose schools the page shows, {@code null} for none
 * @param months   the reports of each period of the plan's year so far
 * @param targets  each target of the plan with what was reached
 * @param target   the target whose schools are shown ({@code null} when the plan has none)
 * @param targetSchools each school's latest value for that target, highest first
 * @param chase    what to chase today: overdue first, then behind schedule, by deadline
 * @param notices  supervision notices still open, unanswered past their deadline first
 */
public record Dashboard(PlanChoice plan, List<PlanChoice> plans, ReportingPeriod period, LocalDate today, Tiles tiles,
        List<Group> chapters, List<Group> offices, List<Chapter> gridChapters, List<GridRow> townships, List<GridRow> schools,
        String township, List<Month> months, List<TargetRow> targets, TargetRow target, List<SchoolValue> targetSchools,
        List<ChaseRow> chase, int chaseTotal, List<NoticeQueries.OpenNotice> notices) {

    /** A plan one may look at. */
    public record PlanChoice(long id, int year, String title, String status) {
    }

    /**
     * The headline figures.
     *
     * @param reported lines whose report for the current period was sent; {@code lines} all of the plan's lines
     */
    public record Tiles(int items, int finished, int onSchedule, int behind, int overdue, int notStarted, int reported, int lines,
            int openNotices, int unansweredNotices) {

        /** This period's reporting rate in percent. */
        public int reportingRate() {
            return lines == 0 ? 0 : (int) Math.round(reported * 100.0 / lines);
        }
    }

    /** Items of a chapter or a lead office: how many, how they stand, their mean progress. */
    public record Group(long id, String name, int items, int finished, int onSchedule, int behind, int overdue, int notStarted,
            int meanPercent) {

        /** Share of the items finished, in percent. */
        public int finishedRate() {
            return items == 0 ? 0 : (int) Math.round(finished * 100.0 / items);
        }
    }

    /**
     * A column of the school × chapter grid.
     *
     * @param started whether any of its items has begun its schedule or reported; a chapter not started shows its cells
     *                grey (未开始), not as red 0 %
     */
    public record Chapter(long id, String label, String name, boolean started) {
    }

    /**
     * A row of the school × chapter grid: a school (or a township), with a cell per chapter of {@link Dashboard#gridChapters()}.
     *
     * @param id the school's id; {@code null} for a township's row
     */
    public record GridRow(Long id, String name, String township, List<Cell> cells, Cell total) {
    }

    /**
     * The lines of a school (or township) under a chapter.
     *
     * @param overdue lines past their deadline and not done
     */
    public record Cell(int lines, int meanPercent, int overdue) {

        public static final Cell EMPTY = new Cell(0, 0, 0);

        public boolean isEmpty() {
            return lines == 0;
        }

        /** Nothing to show in colour yet: under a chapter that has not started, nothing reported and nothing overdue. */
        public boolean notStartedUnder(Chapter chapter) {
            return !chapter.started() && meanPercent == 0 && overdue == 0;
        }
    }

    /**
     * The reports of one period.
     *
     * @param label    the message key naming the period, with its year and {@code number} (month or quarter)
     * @param sent     sent and not (yet) returned: waiting for review or approved
     * @param meanPercent the mean progress those reports give
     */
    public record Month(LocalDate start, String label, int number, int sent, int approved, int returned, int meanPercent, int lines) {

        public int rate() {
            return lines == 0 ? 0 : (int) Math.round(sent * 100.0 / lines);
        }
    }

    /**
     * A target of an item, with the actual values the item's lines last reported.
     *
     * @param county   the county-wide figure ({@code null} without values), worked out as {@code basis} says
     * @param schools  schools that gave a value; {@code reached} of them meet the target
     */
    public record TargetRow(long id, long itemId, String itemLabel, String itemHeadline, String indicator,
            cn.workplan.plan.TargetComparator comparator,
            BigDecimal value, String unit, BigDecimal county, CountyBasis basis, int schools, int reached, Boolean met) {
    }

    /** How a target's county-wide figure is worked out, in this order of preference. */
    public enum CountyBasis {
        /** The lead office's consolidated value (it reports the county's figure itself). */
        LEAD_OFFICE("dashboard.targets.consolidated"),
        /** The schools' values weighted by their enrolment (在校生数), over the schools whose enrolment is known. */
        WEIGHTED("dashboard.targets.weighted"),
        /** The plain mean of the schools' values, when no reporting school's enrolment is known. */
        MEAN("dashboard.targets.mean");

        private final String messageKey;

        CountyBasis(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** A school's latest value for a target. */
    public record SchoolValue(long id, String name, String township, BigDecimal actual, boolean met) {
    }

    /** An item to chase, with the lead office's line (to remind) and its lead office. */
    public record ChaseRow(long itemId, String label, String headline, String leadOffice, LocalDate deadline, int percent,
            Status status, Long leadLine, boolean remindable) {
    }
}
