package cn.workplan.alignment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.workplan.account.CurrentUser;
import cn.workplan.execution.Light;
import cn.workplan.execution.PlanStandings;
import cn.workplan.plan.OutlineNode;
import cn.workplan.plan.PlanQueries;
import cn.workplan.plan.PlanStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An upper-level document against a plan of the bureau: which points its items carry out, which have none, and how far
 * the items of each point have come ({@link Coverage}); and the same links as plain ids for the upward report. A fixed
 * number of statements whatever the sizes: the document (two), the plans to choose from (two), the plan's outline
 * without bodies (four), its links to the document (one), its items' standing (two).
 */
@Service
@Transactional(readOnly = true)
public class CoverageQueries {

    private final UpperDocumentQueries documents;
    private final PlanQueries plans;
    private final PlanStandings standings;
    private final AlignmentPolicy policy;

    CoverageQueries(UpperDocumentQueries documents, PlanQueries plans, PlanStandings standings, AlignmentPolicy policy) {
        this.documents = documents;
        this.plans = plans;
        this.standings = standings;
        this.policy = policy;
    }

    /**
     * The document's coverage by the plan ({@code null}: the newest plan linked to it, else the newest of its year).
     * Not found when the person may not see the plan.
     */
    public Coverage coverage(long documentId, Long planId, CurrentUser user) {
        policy.checkReads(user);
        var document = documents.header(documentId, user);
        var points = documents.points(documentId);
        var choices = choices(documentId, document.year(), user);
        Long chosen = planId != null ? planId : choices.isEmpty() ? null : choices.get(0).id();
        if (chosen == null) {
            var rows = points.stream().map(point -> new Coverage.Row(point, List.of(),
                    point.linkable() ? PointStatus.UNCOVERED : null, 0)).toList();
            return new Coverage(document, null, choices, rows, false, totals(rows, 0, Map.of()));
        }
        var outline = plans.skeleton(chosen, user);
        var links = documents.links(documentId, chosen);
        var status = outline.plan().status();
        boolean carriedOut = status == PlanStatus.PUBLISHED || status == PlanStatus.CLOSED;
        Map<Long, PlanStandings.Item> standing = carriedOut
                ? standings.items(standings.reporting(chosen), standings.today()) : Map.of();
        var items = new HashMap<Long, OutlineNode>();
        var order = new HashMap<Long, Integer>();
        outline.items().forEach(item -> {
            order.put(item.id(), order.size());
            items.put(item.id(), item);
        });
        var pointsOfItem = new HashMap<Long, Integer>();
        links.values().forEach(linked -> linked.forEach(item -> pointsOfItem.merge(item, 1, Integer::sum)));
        var rows = new ArrayList<Coverage.Row>(points.size());
        for (var point : points) {
            if (!point.linkable()) {
                rows.add(new Coverage.Row(point, List.of(), null, 0));
                continue;
            }
            var covering = new ArrayList<Coverage.Item>();
            for (var itemId : links.getOrDefault(point.id(), List.of())) {
                var item = items.get(itemId);
                if (item == null) {
                    continue;
                }
                var stand = standing.get(itemId);
                boolean finished = stand != null && stand.finished() || item.completed();
                covering.add(new Coverage.Item(itemId, item.label(), item.headline(), item.leadOffice(),
                        stand == null ? 0 : finished ? 100 : stand.percent(), stand == null ? null : stand.light(), finished,
                        pointsOfItem.getOrDefault(itemId, 0)));
            }
            covering.sort(java.util.Comparator.comparingInt(item -> order.get(item.id())));
            rows.add(new Coverage.Row(point, List.copyOf(covering), status(covering, carriedOut), percent(covering)));
        }
        return new Coverage(document, outline.plan(), choices, rows, carriedOut, totals(rows, outline.items().size(), pointsOfItem));
    }

    /** An upper-level document's points in order, and for each point the ids of the plan's items that carry it out. */
    public record Chain(UpperDocumentHeader document, List<UpperPoint> points, Map<Long, List<Long>> items) {

        public List<Long> itemsOf(long pointId) {
            return items.getOrDefault(pointId, List.of());
        }
    }

    /** The document's points and the plan's items linked to them, for the upward report. Three statements. */
    public Chain chain(long documentId, long planId, CurrentUser user) {
        policy.checkReads(user);
        return new Chain(documents.header(documentId, user), documents.points(documentId), documents.links(documentId, planId));
    }

    /** The plans to read the document against: those linked to it, then the others of its year, newest first. */
    private List<LinkedPlan> choices(long documentId, int year, CurrentUser user) {
        var choices = new LinkedHashMap<Long, LinkedPlan>();
        documents.linkedPlans(documentId, user).forEach(plan -> choices.put(plan.id(), plan));
        plans.list(user).stream().filter(plan -> plan.year() == year && !choices.containsKey(plan.id()))
                .forEach(plan -> choices.put(plan.id(), new LinkedPlan(plan.id(), plan.year(), plan.title(), plan.status(), 0)));
        return List.copyOf(choices.values());
    }

    /** Where a point stands: the worst of its unfinished items. */
    static PointStatus status(List<Coverage.Item> items, boolean carriedOut) {
        if (items.isEmpty()) {
            return PointStatus.UNCOVERED;
        }
        if (!carriedOut) {
            return PointStatus.COVERED;
        }
        if (items.stream().allMatch(Coverage.Item::finished)) {
            return PointStatus.DONE;
        }
        var open = items.stream().filter(item -> !item.finished()).toList();
        if (open.stream().anyMatch(item -> item.light() == Light.RED)) {
            return PointStatus.OVERDUE;
        }
        if (open.stream().anyMatch(item -> item.light() == Light.YELLOW)) {
            return PointStatus.BEHIND;
        }
        if (open.stream().allMatch(item -> item.light() == Light.GREY)) {
            return PointStatus.NOT_STARTED;
        }
        return PointStatus.ON_SCHEDULE;
    }

    /** The mean progress of the items, finished ones at 100 %. */
    static int percent(List<Coverage.Item> items) {
        return items.isEmpty() ? 0 : (int) Math.round(items.stream().mapToInt(Coverage.Item::percent).average().orElse(0));
    }

    private static Coverage.Totals totals(List<Coverage.Row> rows, int planItems, Map<Long, Integer> pointsOfItem) {
        int points = 0;
        int covered = 0;
        var byStatus = new EnumMap<PointStatus, Integer>(PointStatus.class);
        for (var row : rows) {
            if (!row.point().linkable()) {
                continue;
            }
            points++;
            if (!row.items().isEmpty()) {
                covered++;
            }
            byStatus.merge(row.status(), 1, Integer::sum);
        }
        // items linked to points of the document: the links' items that are items of the plan
        var linked = rows.stream().flatMap(row -> row.items().stream()).map(Coverage.Item::id).distinct().toList();
        int several = (int) linked.stream().filter(id -> pointsOfItem.getOrDefault(id, 0) > 1).count();
        return new Coverage.Totals(points, covered, linked.size(), several, planItems - linked.size(), byStatus);
    }
}
