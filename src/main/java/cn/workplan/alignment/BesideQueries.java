package cn.workplan.alignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.workplan.account.CurrentUser;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.OutlineNode;
import cn.workplan.plan.PlanQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the drafting page (对标起草): the plan's outline, the upper-level document beside it, their links, the chosen
 * point, and suggestions by shared key terms ({@link Suggestions}). A fixed number of statements: the plan's outline
 * (four), the documents to choose from (one), the chosen document, its points and the plan's links to it (three).
 */
@Service
@Transactional(readOnly = true)
public class BesideQueries {

    /** How many items are suggested for a chosen point, and how many pending suggestions the page lists at most. */
    static final int FOR_POINT = 5;
    static final int PENDING = 30;

    private final PlanQueries plans;
    private final UpperDocumentQueries documents;
    private final AlignmentPolicy policy;

    BesideQueries(PlanQueries plans, UpperDocumentQueries documents, AlignmentPolicy policy) {
        this.plans = plans;
        this.documents = documents;
        this.policy = policy;
    }

    /**
     * The plan beside an upper-level document ({@code null}: the first the plan is offered) with a chosen point
     * ({@code null}: none). Not found when the person may not see the plan, the document or the point.
     */
    public Beside beside(long planId, Long documentId, Long pointId, CurrentUser user) {
        var outline = plans.outline(planId, user);
        policy.checkReads(user);
        var offered = documents.forPlan(planId, outline.plan().year());
        Long chosenDocument = documentId != null ? documentId : offered.isEmpty() ? null : offered.get(0).id();
        var itemsById = new LinkedHashMap<Long, OutlineNode>();
        outline.items().forEach(item -> itemsById.put(item.id(), item));
        var linkable = new HashSet<Long>();
        outline.items().stream().filter(item -> policy.links(outline.plan().status(), item.leadOfficeId(), user))
                .forEach(item -> linkable.add(item.id()));
        var containers = outline.containersFor(NodeKind.ITEM);
        boolean addsItems = outline.plan().can().addItems();
        if (chosenDocument == null) {
            return new Beside(outline, offered, null, List.of(), Map.of(), Map.of(), null, List.of(), List.of(), containers, linkable,
                    addsItems, itemsById, Map.of());
        }
        var header = documents.header(chosenDocument, user);
        var points = documents.points(chosenDocument);
        var pointsById = new LinkedHashMap<Long, UpperPoint>();
        points.forEach(point -> pointsById.put(point.id(), point));
        var itemsByPoint = documents.links(chosenDocument, planId);
        var pointsByItem = new HashMap<Long, List<Long>>();
        itemsByPoint.forEach((point, items) -> items.forEach(item -> pointsByItem.computeIfAbsent(item, key -> new ArrayList<>()).add(point)));
        pointsByItem.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(id -> pointsById.get(id).position())));
        UpperPoint chosen = null;
        if (pointId != null) {
            chosen = pointsById.get(pointId);
            if (chosen == null || !chosen.linkable()) {
                throw new cn.workplan.system.NotFoundException("point", pointId);
            }
        }
        var texts = new LinkedHashMap<Long, Suggestions.Text>();
        outline.items().forEach(item -> texts.put(item.id(), new Suggestions.Text(item.headline(), item.body())));
        var suggestions = new Suggestions(texts);
        var forChosen = new ArrayList<Beside.Suggestion>();
        if (chosen != null) {
            var linked = itemsByPoint.getOrDefault(chosen.id(), List.of());
            for (var scored : suggestions.forPoint(chosen.id(), text(chosen), FOR_POINT + linked.size())) {
                if (!linked.contains(scored.itemId()) && forChosen.size() < FOR_POINT) {
                    forChosen.add(new Beside.Suggestion(chosen, itemsById.get(scored.itemId()), scored.percent()));
                }
            }
        }
        var pending = new ArrayList<Beside.Suggestion>();
        for (var point : points) {
            if (pending.size() >= PENDING || !point.linkable() || itemsByPoint.containsKey(point.id())) {
                continue;
            }
            suggestions.forPoint(point.id(), text(point), 1)
                    .forEach(scored -> pending.add(new Beside.Suggestion(point, itemsById.get(scored.itemId()), scored.percent())));
        }
        return new Beside(outline, offered, header, points, itemsByPoint, pointsByItem, chosen, List.copyOf(forChosen),
                List.copyOf(pending), containers, linkable, addsItems, itemsById, pointsById);
    }

    private static Suggestions.Text text(UpperPoint point) {
        return new Suggestions.Text(point.headline(), point.body());
    }
}
