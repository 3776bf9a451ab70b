package cn.workplan.alignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Numbering;
import cn.workplan.plan.PlanStatus;
import cn.workplan.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads upper-level documents: the list by year, one document with its outline and the plans that carry it out, the
 * documents to offer beside a plan. A fixed number of statements each, whatever the document's size. Principals are
 * refused before anything is looked up.
 */
@Service
@Transactional(readOnly = true)
public class UpperDocumentQueries {

    private final JdbcClient jdbc;
    private final AlignmentPolicy policy;

    UpperDocumentQueries(JdbcClient jdbc, AlignmentPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** Every upper-level document, newest year first, with its points and how many of them are carried out. One statement. */
    public List<UpperDocumentRow> list(CurrentUser user) {
        policy.checkReads(user);
        return jdbc.sql("""
                select d.id, d.year, d.title, d.issuer, d.document_number, d.issue_date,
                       count(p.id) filter (where p.linkable) as points,
                       count(p.id) filter (where p.linkable and exists (select 1 from alignment a where a.point_id = p.id)) as linked
                from upper_document d left join upper_point p on p.document_id = d.id
                group by d.id order by d.year desc, d.id desc""")
                .query(UpperDocumentQueries::row).list();
    }

    /**
     * The documents to offer beside a plan: those of its year and of the year before (a plan is drafted in winter, often
     * before the city's points of its year are out), and those its items carry out already; the plan's year first. One
     * statement.
     */
    public List<UpperDocumentRow> forPlan(long planId, int year) {
        return jdbc.sql("""
                select d.id, d.year, d.title, d.issuer, d.document_number, d.issue_date,
                       count(p.id) filter (where p.linkable) as points,
                       count(p.id) filter (where p.linkable and exists (select 1 from alignment a where a.point_id = p.id
                                                                         and a.plan_id = :plan)) as linked
                from upper_document d left join upper_point p on p.document_id = d.id
                where d.year in (:year, :year - 1) or exists (select 1 from alignment a join upper_point x on x.id = a.point_id
                                                where a.plan_id = :plan and x.document_id = d.id)
                group by d.id order by d.year = :year desc, d.year desc, d.id desc""")
                .param("plan", planId).param("year", year).query(UpperDocumentQueries::row).list();
    }

    /** One document with its outline and the plans linked to it. Three statements. */
    public UpperDocumentView document(long id, CurrentUser user) {
        policy.checkReads(user);
        var header = header(id, user);
        return new UpperDocumentView(header, points(id), linkedPlans(id, user));
    }

    /** The document's header; not found when there is none. One statement. */
    public UpperDocumentHeader header(long id, CurrentUser user) {
        policy.checkReads(user);
        return jdbc.sql("""
                select id, year, title, issuer, document_number, issue_date, preamble, numbering, source, created_by, created_at, version
                from upper_document where id = :id""")
                .param("id", id)
                .query((row, number) -> new UpperDocumentHeader(row.getLong("id"), row.getInt("year"), row.getString("title"),
                        row.getString("issuer"), row.getString("document_number"), row.getObject("issue_date", LocalDate.class),
                        row.getString("preamble"), Numbering.valueOf(row.getString("numbering")), row.getString("source"),
                        row.getString("created_by"), row.getObject("created_at", OffsetDateTime.class).toInstant(),
                        row.getLong("version"), policy.writesDocuments(user)))
                .optional().orElseThrow(() -> new NotFoundException("upper document", id));
    }

    /** The document's nodes in document order. One statement. */
    List<UpperPoint> points(long documentId) {
        var rows = jdbc.sql("""
                select id, parent_id, kind, position, label, reference, headline, body, linkable
                from upper_point where document_id = :document order by position""")
                .param("document", documentId)
                .query((row, number) -> new UpperPoint(row.getLong("id"), row.getObject("parent_id", Long.class),
                        NodeKind.valueOf(row.getString("kind")), row.getInt("position"), 0, row.getString("label"),
                        row.getString("reference"), row.getString("headline"), row.getString("body"), row.getBoolean("linkable")))
                .list();
        var depths = new HashMap<Long, Integer>();
        var points = new ArrayList<UpperPoint>(rows.size());
        for (var row : rows) {
            int depth = row.parentId() == null ? 0 : depths.getOrDefault(row.parentId(), 0) + 1;
            depths.put(row.id(), depth);
            points.add(new UpperPoint(row.id(), row.parentId(), row.kind(), row.position(), depth, row.label(), row.reference(),
                    row.headline(), row.body(), row.linkable()));
        }
        return points;
    }

    /**
     * The plans with items linked to the document, newest first; a principal's drafts are none of theirs. One statement.
     * Grouped by every column shown: a view carries no primary key to group by the plan's id alone.
     */
    List<LinkedPlan> linkedPlans(long documentId, CurrentUser user) {
        return jdbc.sql("""
                select p.id, p.year, p.title, p.status, count(*) as links
                from alignment a join upper_point x on x.id = a.point_id join plan_view p on p.id = a.plan_id
                where x.document_id = :document
                group by p.id, p.year, p.title, p.status order by p.year desc, p.id desc""")
                .param("document", documentId)
                .query((row, number) -> new LinkedPlan(row.getLong("id"), row.getInt("year"), row.getString("title"),
                        PlanStatus.valueOf(row.getString("status")), row.getInt("links")))
                .list().stream()
                .filter(plan -> !user.is(Role.PRINCIPAL) || !plan.status().isOpenForDrafting())
                .toList();
    }

    /** For each point of the document, the items of the plan that carry it out, in the points' order. One statement. */
    Map<Long, List<Long>> links(long documentId, long planId) {
        var links = new HashMap<Long, List<Long>>();
        jdbc.sql("""
                select a.point_id, a.item_id from alignment a join upper_point p on p.id = a.point_id
                where a.plan_id = :plan and p.document_id = :document order by a.point_id, a.item_id""")
                .param("plan", planId).param("document", documentId)
                .query(row -> {
                    links.computeIfAbsent(row.getLong("point_id"), key -> new ArrayList<>()).add(row.getLong("item_id"));
                });
        return links;
    }

    /** A point an item carries out, with its document, for the item's page. */
    public record ItemLink(long documentId, String document, String issuer, long pointId, String reference, String headline) {
    }

    /** The points the item carries out, in their documents' order; none for a principal. One statement. */
    public List<ItemLink> pointsOfItem(long itemId, CurrentUser user) {
        if (!policy.reads(user)) {
            return List.of();
        }
        return jdbc.sql("""
                select d.id as document_id, d.title, d.issuer, p.id as point_id, p.reference, p.headline
                from alignment a join upper_point p on p.id = a.point_id join upper_document d on d.id = p.document_id
                where a.item_id = :item order by d.year desc, d.id, p.position""")
                .param("item", itemId)
                .query((row, number) -> new ItemLink(row.getLong("document_id"), row.getString("title"), row.getString("issuer"),
                        row.getLong("point_id"), row.getString("reference"), row.getString("headline")))
                .list();
    }

    private static UpperDocumentRow row(ResultSet row, int number) throws SQLException {
        return new UpperDocumentRow(row.getLong("id"), row.getInt("year"), row.getString("title"), row.getString("issuer"),
                row.getString("document_number"), row.getObject("issue_date", LocalDate.class), row.getInt("points"),
                row.getInt("linked"));
    }
}
