package cn.workplan.alignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditTrail;
import cn.workplan.plan.ItemData;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.OutlineService;
import cn.workplan.plan.PlanCopied;
import cn.workplan.plan.PlanStatus;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The links (对标) between a plan's task items and the points of upper-level documents: linking an item to a point,
 * unlinking it, turning a point into a new item of the plan (its headline copied, the link kept), and carrying every
 * link over to next year's plan when it is copied ({@link PlanCopied}). Linking twice, or unlinking what is not linked,
 * changes nothing and records nothing. Each change is audited ({@code ALIGNMENT}, the item's) and logged.
 */
@Service
@Transactional
public class Alignments {

    static final String AUDIT_TYPE = "ALIGNMENT";
    private static final Logger log = LoggerFactory.getLogger(Alignments.class);

    private final JdbcClient jdbc;
    /** Only for the two batch inserts below: JdbcClient has no batch API, and a copied plan's links go in one round trip. */
    private final JdbcTemplate jdbcTemplate;
    private final OutlineService outline;
    private final AlignmentPolicy policy;
    private final AuditTrail audit;

    Alignments(JdbcClient jdbc, JdbcTemplate jdbcTemplate, OutlineService outline, AlignmentPolicy policy, AuditTrail audit) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.outline = outline;
        this.policy = policy;
        this.audit = audit;
    }

    /** Links the plan's item to the point: the item carries it out. */
    public void link(long planId, long pointId, long itemId, CurrentUser user) {
        var item = item(planId, itemId, user);
        AlignmentPolicy.check(policy.links(item.status(), item.leadOfficeId(), user), "link an item");
        var point = point(pointId);
        int added = jdbc.sql("""
                insert into alignment (point_id, item_id, plan_id, created_by) values (:point, :item, :plan, :by)
                on conflict do nothing""")
                .param("point", pointId).param("item", itemId).param("plan", planId).param("by", user.getUsername()).update();
        if (added > 0) {
            audit.record(AuditAction.CREATE, AUDIT_TYPE, itemId, item.headline(), Map.of(), Map.of("point", point.named()));
            log.info("{} linked item #{} of plan #{} to point #{} ({})", user.getUsername(), itemId, planId, pointId, point.named());
        }
    }

    /** Takes the link between the plan's item and the point away. */
    public void unlink(long planId, long pointId, long itemId, CurrentUser user) {
        var item = item(planId, itemId, user);
        AlignmentPolicy.check(policy.links(item.status(), item.leadOfficeId(), user), "unlink an item");
        var point = point(pointId);
        int removed = jdbc.sql("delete from alignment where point_id = :point and item_id = :item")
                .param("point", pointId).param("item", itemId).update();
        if (removed > 0) {
            audit.record(AuditAction.DELETE, AUDIT_TYPE, itemId, item.headline(), Map.of("point", point.named()), Map.of());
            log.info("{} unlinked item #{} of plan #{} from point #{}", user.getUsername(), itemId, planId, pointId);
        }
    }

    /**
     * Adds a task item to the plan (at the end of {@code parentId}, a chapter or section; {@code null}: the top level)
     * with the point's headline, and links it to the point. The plan's own rules apply (who may add items, where); an
     * office's staff add it as their office's item. Returns the new item's id.
     */
    public long turnIntoItem(long planId, long pointId, Long parentId, CurrentUser user) {
        policy.checkReads(user);
        var point = point(pointId);
        var empty = ItemData.empty(user.is(Role.OFFICE_STAFF) && !policy.writesDocuments(user) ? user.officeId() : null);
        var data = new ItemData(point.headline(), "", empty.leadOfficeId(), java.util.List.of(), java.util.List.of(), empty.targets(),
                null, null, null, null, "", "", "", "", false, "", "", null);
        long itemId = outline.addItem(planId, parentId, data, user);
        link(planId, pointId, itemId, user);
        return itemId;
    }

    /** A link to store: the item carries out the point. */
    public record Link(long pointId, long itemId) {
    }

    /**
     * Stores links the system loads (the demo county, the volume generator), in the caller's transaction: no permission
     * check, one audit entry for all of them. Links already there are left as they are. Returns how many were added.
     */
    public int store(long planId, java.util.List<Link> links) {
        var rows = new ArrayList<Object[]>();
        links.forEach(link -> rows.add(new Object[] {link.pointId(), link.itemId(), planId, Actors.current()}));
        int[][] counts = jdbcTemplate.batchUpdate("""
                insert into alignment (point_id, item_id, plan_id, created_by) values (?, ?, ?, ?) on conflict do nothing""",
                rows, 1000, (statement, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        statement.setObject(i + 1, row[i]);
                    }
                });
        int added = java.util.Arrays.stream(counts).flatMapToInt(java.util.Arrays::stream).map(count -> Math.max(count, 0)).sum();
        if (added > 0) {
            var title = jdbc.sql("select title from plan_view where id = :plan").param("plan", planId).query(String.class).single();
            audit.record(AuditAction.CREATE, AUDIT_TYPE, planId, title, Map.of(), Map.of("links", added));
            log.info("{} stored {} link(s) of plan #{} to upper-level points", Actors.current(), added, planId);
        }
        return added;
    }

    /** Next year's plan keeps the links of the items it was copied from: one batch, in the copying transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PlanCopied copied) {
        var rows = new ArrayList<Object[]>();
        copied.items().forEach((origin, copy) -> rows.add(new Object[] {copy, copied.planId(), Actors.current(), origin}));
        int[][] counts = jdbcTemplate.batchUpdate("""
                insert into alignment (point_id, item_id, plan_id, created_by)
                select point_id, ?, ?, ? from alignment where item_id = ?""", rows, 500, (statement, row) -> {
            for (int i = 0; i < row.length; i++) {
                statement.setObject(i + 1, row[i]);
            }
        });
        int links = java.util.Arrays.stream(counts).flatMapToInt(java.util.Arrays::stream).map(count -> Math.max(count, 0)).sum();
        if (links > 0) {
            var title = jdbc.sql("select title from plan_view where id = :plan").param("plan", copied.planId()).query(String.class).single();
            var state = new LinkedHashMap<String, Object>();
            state.put("links", links);
            audit.record(AuditAction.COPY, AUDIT_TYPE, copied.planId(), title, Map.of(), state);
            log.info("plan #{} keeps {} link(s) to upper-level points of plan #{}, its origin", copied.planId(), links, copied.originPlanId());
        }
    }

    /** The item as far as linking needs it; not found when it is no item of the plan or the person may not see the plan. */
    private Item item(long planId, long itemId, CurrentUser user) {
        var item = jdbc.sql("""
                select n.plan_id, n.headline, n.lead_office_id, p.status from plan_node_view n join plan_view p on p.id = n.plan_id
                where n.id = :item and n.kind = :kind""")
                .param("item", itemId).param("kind", NodeKind.ITEM.name())
                .query((row, number) -> new Item(row.getLong("plan_id"), row.getString("headline"), row.getObject("lead_office_id", Long.class),
                        PlanStatus.valueOf(row.getString("status"))))
                .optional().filter(found -> found.planId() == planId).orElseThrow(() -> new NotFoundException("item", itemId));
        if (user.is(Role.PRINCIPAL) && item.status().isOpenForDrafting()) {
            throw new NotFoundException("item", itemId);
        }
        policy.checkReads(user);
        return item;
    }

    private record Item(long planId, String headline, Long leadOfficeId, PlanStatus status) {
    }

    /** A point that items may carry out. */
    private Point point(long pointId) {
        var point = jdbc.sql("""
                select p.headline, p.reference, p.linkable, d.title from upper_point p join upper_document d on d.id = p.document_id
                where p.id = :point""")
                .param("point", pointId)
                .query((row, number) -> new Point(row.getString("headline"), row.getString("reference"), row.getBoolean("linkable"),
                        row.getString("title")))
                .optional().orElseThrow(() -> new NotFoundException("point", pointId));
        if (!point.linkable()) {
            throw new InvalidInputException("pointId", "upper.error.notLinkable");
        }
        return point;
    }

    private record Point(String headline, String reference, boolean linkable, String document) {

        /** 《云岭市教育局2026年工作要点》第9条 深化集团化办学. */
        String named() {
            return "《" + document + "》第" + reference + "条 " + headline;
        }
    }
}
