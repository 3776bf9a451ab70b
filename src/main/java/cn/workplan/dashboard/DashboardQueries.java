package cn.workplan.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Comparator;

import cn.workplan.account.CurrentUser;
import cn.workplan.execution.LineReminders;
import cn.workplan.execution.PlanStandings;
import cn.workplan.execution.ReportState;
import cn.workplan.execution.ReportingPeriod;
import cn.workplan.plan.TargetComparator;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Outline;
import cn.workplan.plan.OutlineNode;
import cn.workplan.plan.PlanQueries;
import cn.workplan.plan.PlanStatus;
import cn.workplan.supervision.NoticeQueries;
import cn.workplan.system.NotFoundException;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leaders' dashboard of a plan: a constant number of statements whatever the plan's size — the plans to
 * choose from, the outline (for numbers, chapters and lead offices), the items' standings, the school × chapter
 * grid, the tally of the months, the targets (and one target's schools), the open notices.
 */
@Service
@Transactional(readOnly = true)
public class DashboardQueries {

    /** How many items the chase list shows; the rest are a click away. */
    static final int CHASE_ROWS = 20;

    private final JdbcClient jdbc;
    private final PlanQueries plans;
    private final PlanStandings standings;
    private final NoticeQueries notices;
    private final LineReminders reminders;

    DashboardQueries(JdbcClient jdbc, PlanQueries plans, PlanStandings standings, NoticeQueries notices, LineReminders reminders) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.standings = standings;
        this.notices = notices;
        this.reminders = reminders;
    }

    /** The plans being carried out or closed, newest first. */
    List<Dashboard.PlanChoice> plans() {
        return jdbc.sql("select id, year, title, status from plan_view where status in (:shown) order by year desc, id desc")
                .param("shown", List.of(PlanStatus.PUBLISHED.name(), PlanStatus.CLOSED.name()))
                .query(Dashboard.PlanChoice.class)
                .list();
    }

    /** The plan asked for, or the current one: the newest published plan of this year or before, else the newest. */
    Dashboard.PlanChoice choose(List<Dashboard.PlanChoice> choices, Long planId) {
        if (planId != null) {
            return choices.stream().filter(choice -> choice.id() == planId).findFirst()
                    .orElseThrow(() -> new NotFoundException("PLAN", planId));
        }
        int year = standings.today().getYear();
        return choices.stream().filter(choice -> PlanStatus.PUBLISHED.name().equals(choice.status()) && choice.year() <= year).findFirst()
                .or(() -> choices.stream().findFirst())
                .orElseThrow(() -> new NotFoundException("PLAN", 0L));
    }

    /** The leaders' dashboard; {@code township} narrows the school grid to one township's schools. */
    public Dashboard leaders(Long planId, String township, Long targetId, CurrentUser user) {
        if (!DashboardScope.of(user).bureau()) {
            throw new AccessDeniedException("not allowed: the bureau's dashboard");
        }
        var choices = plans();
        var plan = choose(choices, planId);
        var view = PlanView.of(plans.skeleton(plan.id(), user));
        var reporting = standings.reporting(plan.id());
        var today = standings.today();
        var items = standings.items(reporting, today);

        var tiles = new int[5];
        int reported = 0;
        int lines = 0;
        var chase = new ArrayList<Dashboard.ChaseRow>();
        for (var item : items.values()) {
            var status = Status.of(item.finished(), item.light());
            tiles[status.ordinal()]++;
            reported += item.reported();
            lines += item.allLines();
            if (item.lagging()) {
                var node = view.node(item.itemId());
                chase.add(new Dashboard.ChaseRow(item.itemId(), node.label(), node.headline(), node.leadOffice(), item.deadline(),
                        item.percent(), status, item.leadLine(), item.leadLine() != null && reminders.allows(user, node.leadOfficeId())));
            }
        }
        chase.sort(Comparator.comparing((Dashboard.ChaseRow row) -> row.status() != Status.OVERDUE)
                .thenComparing(Dashboard.ChaseRow::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Dashboard.ChaseRow::itemId));
        var open = notices.openOfPlan(plan.id());
        var tally = new Dashboard.Tiles(items.size(), tiles[0], tiles[1], tiles[2], tiles[3], tiles[4], reported, lines, open.size(),
                (int) open.stream().filter(NoticeQueries.OpenNotice::overdue).count());

        var chapterGroups = groups(view.chapterGroups(items));
        // a chapter none of whose items has begun its schedule (nor reported) is grey on the grid, not red at 0 %
        var notStarted = new java.util.HashSet<Long>();
        chapterGroups.stream().filter(group -> group.items() > 0 && group.notStarted() == group.items())
                .forEach(group -> notStarted.add(group.id()));
        var gridChapters = view.chapters().stream()
                .map(chapter -> new Dashboard.Chapter(chapter.id(), chapter.label(), chapter.headline(), !notStarted.contains(chapter.id())))
                .toList();
        var grid = grid(plan.id(), today, gridChapters);
        var townships = townships(grid, gridChapters);

        var targets = targets(plan.id(), view);
        var chosen = targets.stream().filter(target -> Objects.equals(target.id(), targetId)).findFirst()
                .or(() -> targets.stream().findFirst()).orElse(null);
        return new Dashboard(plan, choices, reporting.period(), today, tally, chapterGroups,
                ranking(groups(view.officeGroups(items))), gridChapters, townships, grid,
                township == null || township.isBlank() ? null : township, months(plan.id(), reporting, lines), targets, chosen,
                chosen == null ? List.of() : targetSchools(chosen), chase.subList(0, Math.min(CHASE_ROWS, chase.size())), chase.size(), open);
    }

    // ------------------------------------------------------------------------------------------ groups

    private static List<Dashboard.Group> groups(Map<GroupKey, List<PlanStandings.Item>> grouped) {
        var groups = new ArrayList<Dashboard.Group>();
        grouped.forEach((key, members) -> {
            var counts = new int[5];
            int percent = 0;
            for (var item : members) {
                counts[Status.of(item.finished(), item.light()).ordinal()]++;
                percent += item.percent();
            }
            groups.add(new Dashboard.Group(key.id(), key.name(), members.size(), counts[0], counts[1], counts[2], counts[3], counts[4],
                    members.isEmpty() ? 0 : Math.round((float) percent / members.size())));
        });
        return groups;
    }

    /** Best first: most finished, then highest mean progress, then fewest overdue. */
    private static List<Dashboard.Group> ranking(List<Dashboard.Group> groups) {
        return groups.stream().sorted(Comparator.comparingInt(Dashboard.Group::finishedRate).reversed()
                .thenComparing(Comparator.comparingInt(Dashboard.Group::meanPercent).reversed())
                .thenComparingInt(Dashboard.Group::overdue)
                .thenComparing(Dashboard.Group::name)).toList();
    }

    record GroupKey(long id, String name) {
    }

    // -------------------------------------------------------------------------------------- the grid

    private List<Dashboard.GridRow> grid(long planId, LocalDate today, List<Dashboard.Chapter> chapters) {
        var column = new HashMap<Long, Integer>();
        for (int i = 0; i < chapters.size(); i++) {
            column.put(chapters.get(i).id(), i);
        }
        var rows = new LinkedHashMap<Long, GridBuilder>();
        // the running totals per school and chapter (school_chapter_tally), with the open lines past their deadline
        // (assignment_open_idx: per item not signed off, its schools' lines neither done nor at 100 %)
        var cells = jdbc.sql("""
                select s.id as school_id, s.name, s.township, c.chapter_id, c.lines, c.percent_sum, coalesce(o.overdue, 0) as overdue
                from school_chapter_tally c join school_view s on s.id = c.school_id
                left join (select a.school_id, a.chapter_id, count(*) as overdue
                           from plan_node_view n join assignment_view a on a.item_id = n.id
                           where n.plan_id = :plan and n.kind = :item and n.completed_at is null
                             and a.school_id is not null and not a.reported_done and coalesce(a.reported_percent, 0) < 100
                             and coalesce(a.deadline, n.deadline) < :today
                           group by a.school_id, a.chapter_id) o on o.school_id = c.school_id and o.chapter_id = c.chapter_id
                where c.plan_id = :plan and c.lines > 0
                order by s.township, s.name, s.id""")
                .param("today", today).param("plan", planId).param("item", NodeKind.ITEM.name())
                .query(GRID_CELL)
                .list();
        for (var cell : cells) {
            var row = rows.computeIfAbsent(cell.schoolId(), school -> new GridBuilder(school, cell.name(), cell.township(), chapters.size()));
            var index = column.get(cell.chapterId());
            if (index != null) {
                row.add(index, cell.lines(), cell.percentSum(), cell.overdue());
            }
        }
        return rows.values().stream().map(GridBuilder::build).toList();
    }

    /** A school's lines under a chapter, as the grid's statement gives them. */
    private record GridCellRow(long schoolId, String name, String township, long chapterId, int lines, long percentSum, int overdue) {
    }

    /**
     * The grid's cells read by name, written out: Spring's record mapping converts every value through its conversion
     * service (some 20 µs a row), which for the grid's 1,800 cells on the ten-year data was half the dashboard's time
     * (29 against 76 ms p50). Lists that grow with the plan are mapped so here; small ones use the record mapping.
     */
    private static final RowMapper<GridCellRow> GRID_CELL = (rs, row) -> new GridCellRow(rs.getLong("school_id"),
            rs.getString("name"), rs.getString("township"), rs.getLong("chapter_id"), rs.getInt("lines"),
            rs.getLong("percent_sum"), rs.getInt("overdue"));

    private static List<Dashboard.GridRow> townships(List<Dashboard.GridRow> schools, List<Dashboard.Chapter> chapters) {
        var byTownship = new LinkedHashMap<String, GridBuilder>();
        for (var school : schools) {
            var row = byTownship.computeIfAbsent(school.township(), name -> new GridBuilder(null, name, name, chapters.size()));
            for (int i = 0; i < chapters.size(); i++) {
                var cell = school.cells().get(i);
                row.add(i, cell.lines(), (long) cell.meanPercent() * cell.lines(), cell.overdue());
            }
        }
        return byTownship.values().stream().map(GridBuilder::build).toList();
    }

    /** Sums the lines of a row's cells; a cell's mean progress is weighted by its lines. */
    private static final class GridBuilder {
        private final Long id;
        private final String name;
        private final String township;
        private final int[] lines;
        private final long[] percent;
        private final int[] overdue;

        GridBuilder(Long id, String name, String township, int columns) {
            this.id = id;
            this.name = name;
            this.township = township;
            lines = new int[columns];
            percent = new long[columns];
            overdue = new int[columns];
        }

        void add(int column, int lineCount, long percentSum, int overdueCount) {
            lines[column] += lineCount;
            percent[column] += percentSum;
            overdue[column] += overdueCount;
        }

        Dashboard.GridRow build() {
            var cells = new ArrayList<Dashboard.Cell>();
            int allLines = 0;
            long allPercent = 0;
            int allOverdue = 0;
            for (int i = 0; i < lines.length; i++) {
                cells.add(cell(lines[i], percent[i], overdue[i]));
                allLines += lines[i];
                allPercent += percent[i];
                allOverdue += overdue[i];
            }
            return new Dashboard.GridRow(id, name, township, cells, cell(allLines, allPercent, allOverdue));
        }

        private static Dashboard.Cell cell(int lines, long percent, int overdue) {
            return lines == 0 ? Dashboard.Cell.EMPTY : new Dashboard.Cell(lines, Math.round((float) percent / lines), overdue);
        }
    }

    // ------------------------------------------------------------------------------------ the months

    private List<Dashboard.Month> months(long planId, PlanStandings.Reporting reporting, int lines) {
        if (reporting.period() == null) {
            return List.of();
        }
        var tally = new HashMap<LocalDate, long[]>();
        var rows = jdbc.sql("select period_start, state, reports, percent_sum from report_tally where plan_id = :plan")
                .param("plan", planId)
                .query(MonthTallyRow.class)
                .list();
        for (var row : rows) {
            var counts = tally.computeIfAbsent(row.periodStart(), day -> new long[4]);
            switch (ReportState.valueOf(row.state())) {
                case SUBMITTED -> {
                    counts[0] += row.reports();
                    counts[3] += row.percentSum();
                }
                case APPROVED -> {
                    counts[0] += row.reports();
                    counts[1] += row.reports();
                    counts[3] += row.percentSum();
                }
                case RETURNED -> counts[2] += row.reports();
                case DRAFT -> {
                    // drafts are nobody's figures yet
                }
            }
        }
        var months = new ArrayList<Dashboard.Month>();
        var first = reporting.cycle().periodOf(LocalDate.of(reporting.year(), 1, 1));
        for (ReportingPeriod period = first; !period.start().isAfter(reporting.period().start()); period = period.next()) {
            var counts = tally.getOrDefault(period.start(), new long[4]);
            months.add(new Dashboard.Month(period.start(), period.messageKey(), period.number(), (int) counts[0], (int) counts[1], (int) counts[2],
                    counts[0] == 0 ? 0 : (int) Math.round((double) counts[3] / counts[0]), lines));
        }
        return months;
    }

    /** The reports of a period in one state (report_tally). */
    private record MonthTallyRow(LocalDate periodStart, String state, long reports, long percentSum) {
    }

    // ----------------------------------------------------------------------------------- the targets

    /**
     * Each target of the plan with its county-wide figure and whether that figure meets it. Both are worked out here,
     * in the statement that reads the totals: the figure as {@link Dashboard.CountyBasis} says (the lead office's
     * consolidated value, else the schools' weighted, else their plain mean, those two to two decimals), and the
     * verdict by {@code target_met} (V12), the rule the totals' {@code reached} counts are kept by, so that the page's
     * ✓ and the count of schools reaching the target can never disagree.
     */
    private List<Dashboard.TargetRow> targets(long planId, PlanView view) {
        return jdbc.sql("""
                select t.id, t.node_id as item_id, t.indicator, t.comparator, t.value, t.unit, v.consolidated, v.weighted, v.school_mean,
                       coalesce(v.schools, 0) as schools, coalesce(v.reached, 0) as reached,
                       target_met(t.comparator, coalesce(v.consolidated, v.weighted, v.school_mean), t.value) as met
                from plan_item_target_view t join plan_node_view n on n.id = t.node_id
                left join (select target_id, school_values as schools, reached,
                                  case when lead_values > 0 then round(lead_sum / lead_values, 4) end as consolidated,
                                  case when weight > 0 then round(weighted_sum / weight, 2) end as weighted,
                                  case when school_values > 0 then round(school_sum / school_values, 2) end as school_mean
                           from target_tally) v on v.target_id = t.id
                where n.plan_id = :plan
                order by t.node_id, t.position""")
                .param("plan", planId)
                .query((rs, row) -> new TargetTallyRow(rs.getLong("id"), rs.getLong("item_id"), rs.getString("indicator"),
                        rs.getString("comparator"), rs.getBigDecimal("value"), rs.getString("unit"),
                        rs.getBigDecimal("consolidated"), rs.getBigDecimal("weighted"), rs.getBigDecimal("school_mean"),
                        rs.getInt("schools"), rs.getInt("reached"), rs.getObject("met", Boolean.class)))
                .list()
                .stream().filter(row -> view.node(row.itemId()) != null)
                .map(row -> row.toTargetRow(view.node(row.itemId())))
                .toList();
    }

    /** A target and its totals, as {@link #targets} reads them. */
    private record TargetTallyRow(long id, long itemId, String indicator, String comparator, BigDecimal value, String unit,
            BigDecimal consolidated, BigDecimal weighted, BigDecimal schoolMean, int schools, int reached, Boolean met) {

        Dashboard.TargetRow toTargetRow(OutlineNode node) {
            var basis = consolidated != null ? Dashboard.CountyBasis.LEAD_OFFICE
                    : weighted != null ? Dashboard.CountyBasis.WEIGHTED : schoolMean != null ? Dashboard.CountyBasis.MEAN : null;
            var county = basis == null ? null : switch (basis) {
                case LEAD_OFFICE -> consolidated;
                case WEIGHTED -> weighted;
                case MEAN -> schoolMean;
            };
            return new Dashboard.TargetRow(id, itemId, node.label(), node.headline(), indicator,
                    TargetComparator.ofCode(comparator).orElseThrow(), value.stripTrailingZeros(), unit,
                    county == null ? null : county.stripTrailingZeros(), basis, schools, reached, met);
        }
    }

    /**
     * The schools' latest values for one target, highest first, each with whether it meets the target: by
     * {@code target_met}, as the target's {@code reached} count is kept, with the target's comparator and figure as
     * {@link #targets} read them.
     */
    private List<Dashboard.SchoolValue> targetSchools(Dashboard.TargetRow target) {
        return jdbc.sql("""
                select s.id, s.name, s.township, v.actual, target_met(:comparator, v.actual, :goal) as met
                from line_target_value v join school_view s on s.id = v.school_id
                where v.target_id = :target
                order by v.actual desc, s.name""")
                .param("target", target.id()).param("comparator", target.comparator().code()).param("goal", target.value())
                .query(Dashboard.SchoolValue.class)
                .list()
                .stream().map(school -> new Dashboard.SchoolValue(school.id(), school.name(), school.township(),
                        school.actual().stripTrailingZeros(), school.met()))
                .toList();
    }

    // -------------------------------------------------------------------------------- the plan's shape

    /** The outline as the dashboard needs it: each item's node and chapter. */
    record PlanView(Map<Long, OutlineNode> nodes, List<OutlineNode> chapters, Map<Long, Long> itemChapters) {

        static PlanView of(Outline outline) {
            var byId = new HashMap<Long, OutlineNode>();
            outline.nodes().forEach(node -> byId.put(node.id(), node));
            var itemChapters = new LinkedHashMap<Long, Long>();
            for (var item : outline.items()) {
                var current = item;
                while (current != null && current.kind() != NodeKind.CHAPTER) {
                    current = current.parentId() == null ? null : byId.get(current.parentId());
                }
                if (current != null) {
                    itemChapters.put(item.id(), current.id());
                }
            }
            return new PlanView(byId, outline.chapters(), itemChapters);
        }

        OutlineNode node(long id) {
            return nodes.get(id);
        }

        Long chapterOf(long itemId) {
            return itemChapters.get(itemId);
        }

        Map<GroupKey, List<PlanStandings.Item>> chapterGroups(Map<Long, PlanStandings.Item> items) {
            var groups = new LinkedHashMap<GroupKey, List<PlanStandings.Item>>();
            for (var chapter : chapters) {
                groups.put(new GroupKey(chapter.id(), chapter.label() + chapter.headline()), new ArrayList<>());
            }
            var byId = new HashMap<Long, GroupKey>();
            groups.keySet().forEach(key -> byId.put(key.id(), key));
            items.values().forEach(item -> {
                var chapter = chapterOf(item.itemId());
                if (chapter != null) {
                    groups.get(byId.get(chapter)).add(item);
                }
            });
            return groups;
        }

        Map<GroupKey, List<PlanStandings.Item>> officeGroups(Map<Long, PlanStandings.Item> items) {
            var groups = new LinkedHashMap<GroupKey, List<PlanStandings.Item>>();
            items.values().forEach(item -> {
                var node = nodes.get(item.itemId());
                if (node != null && node.leadOfficeId() != null) {
                    groups.computeIfAbsent(new GroupKey(node.leadOfficeId(), node.leadOffice()), key -> new ArrayList<>()).add(item);
                }
            });
            return groups;
        }
    }
}
