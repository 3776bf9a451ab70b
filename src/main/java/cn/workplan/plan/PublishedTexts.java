package cn.workplan.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A published plan's text as it was published, and what was revised in it since, for the public page (政务公开): no
 * viewer, no permissions, nothing but the document. Once published, the outline's shape is frozen and only task items
 * are revised (each save keeps a snapshot in {@code plan_node_revision}), so the text as published is every node with
 * its item's last snapshot taken before publishing; each later snapshot whose headline or body differs from the one
 * before it is an amendment, dated. Plans that are not published or closed have no published text. Three statements
 * whatever the plan's size.
 */
@Service
@Transactional(readOnly = true)
public class PublishedTexts {

    private static final PlanPermissions NONE = new PlanPermissions(false, false, false, false, false, false, false, false,
            false, false, false);

    private final JdbcClient jdbc;

    PublishedTexts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The text as published and the amendments since.
     *
     * @param publishedAt when the plan was published
     * @param amendments  the revisions of its items' text after publishing, oldest first
     */
    public record PublishedText(Outline outline, Instant publishedAt, List<Amendment> amendments) {
    }

    /**
     * A task item's text as revised after publishing.
     *
     * @param number   the item's number as printed (3.)
     * @param revised  when the revision was saved
     * @param headline the revised headline; {@code body} the revised body
     */
    public record Amendment(long itemId, String number, Instant revised, String headline, String body) {
    }

    /** The plan's published text, or empty when it is not published or closed (a draft has none). */
    public Optional<PublishedText> published(long planId) {
        var header = jdbc.sql("""
                select id, year, title, kind, preamble, numbering, status, document_number, issue_date, published_at, version,
                       first_chapter, first_item
                from plan where id = :plan and status in ('PUBLISHED', 'CLOSED') and published_at is not null""")
                .param("plan", planId)
                .query((row, number) -> new Header(new PlanHeader(row.getLong("id"), row.getInt("year"), row.getString("title"),
                        PlanKind.valueOf(row.getString("kind")), row.getString("preamble"), Numbering.valueOf(row.getString("numbering")),
                        PlanStatus.valueOf(row.getString("status")), row.getString("document_number"),
                        row.getObject("issue_date", LocalDate.class), null, null, row.getLong("version"), NONE,
                        row.getInt("first_chapter"), row.getInt("first_item")),
                        row.getObject("published_at", OffsetDateTime.class).toInstant()))
                .optional();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        var plan = header.get().plan();
        var publishedAt = header.get().publishedAt();
        // each node with its item's last snapshot from before publishing (none for headings and sub-points, which are frozen)
        var rows = jdbc.sql("""
                select n.id, n.parent_id, n.kind, n.position,
                       coalesce(r.snapshot ->> 'headline', n.headline) as headline, coalesce(r.snapshot ->> 'body', n.body) as body
                from plan_node n
                left join lateral (select x.snapshot from plan_node_revision x
                                   where x.node_id = n.id and x.changed_at <= :published
                                   order by x.revision desc limit 1) r on n.kind = 'ITEM'
                where n.plan_id = :plan""")
                .param("plan", planId).param("published", OffsetDateTime.ofInstant(publishedAt, java.time.ZoneOffset.UTC))
                .query(PublishedTexts::row).list();
        var numbers = OutlineNumbering.number(rows, plan.numbering(), plan.firstChapter(), plan.firstItem());
        var nodes = new ArrayList<OutlineNode>(rows.size());
        var byId = new HashMap<Long, NodeRow>();
        rows.forEach(row -> byId.put(row.id(), row));
        for (var row : OutlineNumbering.documentOrder(rows)) {
            var number = numbers.get(row.id());
            nodes.add(new OutlineNode(row.id(), row.parentId(), row.kind(), row.position(), depth(row, byId), number.label(),
                    number.plain(), number.plain(), row.headline(), row.body(), null, null, List.of(), 0, false, null, null,
                    List.of("", "", "", ""), List.of(), null, false, 0, 0, false));
        }
        var outline = new Outline(plan, nodes);
        return Optional.of(new PublishedText(outline, publishedAt, amendments(planId, publishedAt, numbers)));
    }

    /** The revisions after publishing that changed an item's headline or body, oldest first. */
    private List<Amendment> amendments(long planId, Instant publishedAt, Map<Long, OutlineNumbering.Number> numbers) {
        return jdbc.sql("""
                select node_id, changed_at, headline, body from (
                    select r.node_id, r.changed_at, r.snapshot ->> 'headline' as headline, r.snapshot ->> 'body' as body,
                           lag(r.snapshot ->> 'headline') over (partition by r.node_id order by r.revision) as headline_before,
                           lag(r.snapshot ->> 'body') over (partition by r.node_id order by r.revision) as body_before
                    from plan_node n join plan_node_revision r on r.node_id = n.id
                    where n.plan_id = :plan and n.kind = 'ITEM') revisions
                where changed_at > :published
                  and (headline is distinct from headline_before or body is distinct from body_before)
                order by changed_at, node_id""")
                .param("plan", planId).param("published", OffsetDateTime.ofInstant(publishedAt, java.time.ZoneOffset.UTC))
                .query((row, number) -> {
                    long itemId = row.getLong("node_id");
                    var printed = numbers.get(itemId);
                    return new Amendment(itemId, printed == null ? "" : printed.label(),
                            row.getObject("changed_at", OffsetDateTime.class).toInstant(), row.getString("headline"),
                            row.getString("body") == null ? "" : row.getString("body"));
                })
                .list();
    }

    private record Header(PlanHeader plan, Instant publishedAt) {
    }

    private record NodeRow(long id, Long parentId, NodeKind kind, int position, String headline, String body)
            implements OutlineNumbering.Node {
    }

    private static NodeRow row(ResultSet row, int number) throws SQLException {
        return new NodeRow(row.getLong("id"), row.getObject("parent_id", Long.class), NodeKind.valueOf(row.getString("kind")),
                row.getInt("position"), row.getString("headline"), row.getString("body") == null ? "" : row.getString("body"));
    }

    private static int depth(NodeRow row, Map<Long, NodeRow> byId) {
        int depth = 0;
        for (var parent = row.parentId(); parent != null && byId.containsKey(parent); parent = byId.get(parent).parentId()) {
            depth++;
        }
        return depth;
    }
}
