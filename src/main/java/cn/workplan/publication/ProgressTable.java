package cn.workplan.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.workplan.execution.PlanStandings;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Outline;
import cn.workplan.plan.OutlineNode;

/**
 * The quarterly progress table of the public page (counts and percentages only): per chapter, the task items due in each
 * quarter of the plan's year (by their deadline; without one, or due after the year, in the fourth) and how many of them
 * are finished, and all the chapter's items finished so far. No item, office, school or name: only figures.
 *
 * @param asOf the day the figures are for
 */
public record ProgressTable(LocalDate asOf, List<Row> rows, Row total) {

    /**
     * A chapter's figures.
     *
     * @param quarters the four quarters' items due and finished
     * @param done     its items finished (signed off, or their consolidated progress at 100 %)
     */
    public record Row(String chapter, int items, List<Cell> quarters, int done) {

        /** The share of its items finished, in percent. */
        public int percent() {
            return items == 0 ? 0 : Math.round(done * 100f / items);
        }
    }

    /**
     * A quarter of a chapter.
     *
     * @param over whether the quarter has ended on the table's day (its finished count is then a result, not a forecast)
     */
    public record Cell(int due, int done, boolean over) {

        public int percent() {
            return due == 0 ? 0 : Math.round(done * 100f / due);
        }
    }

    /** The table of the plan's items as they stand on the day. */
    static ProgressTable of(Outline outline, Map<Long, PlanStandings.Item> standings, LocalDate day) {
        int year = outline.plan().year();
        var byId = new LinkedHashMap<Long, OutlineNode>();
        outline.nodes().forEach(node -> byId.put(node.id(), node));
        var chapters = new LinkedHashMap<String, List<OutlineNode>>();
        outline.chapters().forEach(chapter -> chapters.put(chapter.label() + chapter.headline(), new ArrayList<>()));
        for (var item : outline.items()) {
            var parent = item.parentId() == null ? null : byId.get(item.parentId());
            while (parent != null && parent.kind() != NodeKind.CHAPTER) {
                parent = parent.parentId() == null ? null : byId.get(parent.parentId());
            }
            chapters.computeIfAbsent(parent == null ? "" : parent.label() + parent.headline(), key -> new ArrayList<>()).add(item);
        }
        var rows = new ArrayList<Row>();
        var all = new ArrayList<OutlineNode>();
        chapters.forEach((chapter, items) -> {
            if (!items.isEmpty()) {
                rows.add(row(chapter, items, standings, year, day));
                all.addAll(items);
            }
        });
        return new ProgressTable(day, List.copyOf(rows), row("", all, standings, year, day));
    }

    private static Row row(String chapter, List<OutlineNode> items, Map<Long, PlanStandings.Item> standings, int year, LocalDate day) {
        int[] due = new int[4];
        int[] finished = new int[4];
        int done = 0;
        for (var item : items) {
            var standing = standings.get(item.id());
            var deadline = standing == null ? null : standing.deadline();
            int quarter = deadline == null || deadline.getYear() != year ? 4 : (deadline.getMonthValue() - 1) / 3 + 1;
            due[quarter - 1]++;
            if (standing != null && standing.finished()) {
                finished[quarter - 1]++;
                done++;
            }
        }
        var quarters = new ArrayList<Cell>(4);
        for (int q = 0; q < 4; q++) {
            var end = LocalDate.of(year, q * 3 + 3, 1).plusMonths(1).minusDays(1);
            quarters.add(new Cell(due[q], finished[q], day.isAfter(end)));
        }
        return new Row(chapter, items.size(), List.copyOf(quarters), done);
    }
}
