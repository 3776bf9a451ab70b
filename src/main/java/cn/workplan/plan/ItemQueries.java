package cn.workplan.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.workplan.account.CurrentUser;
import cn.workplan.org.OfficeService;
import cn.workplan.org.PersonDirectory;
import cn.workplan.org.SchoolService;
import cn.workplan.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One task item's page: its details, comments and history. */
@Service
@Transactional(readOnly = true)
public class ItemQueries {

    private static final List<String> HISTORY_FIELDS = List.of("headline", "body", "leadOfficeId",
            "cooperatingOfficeIds", "schoolIds", "targets", "deadline", "q1", "q2", "q3", "q4", "keyItem", "tags", "signedOff");

    private final PlanNodeRepository nodes;
    private final PlanQueries plans;
    private final ItemRevisions revisions;
    private final OfficeService offices;
    private final SchoolService schools;
    private final PersonDirectory people;
    private final JdbcClient jdbc;
    private final Clock clock;

    ItemQueries(
            PlanNodeRepository nodes, PlanQueries plans, ItemRevisions revisions, OfficeService offices,
            SchoolService schools, PersonDirectory people, JdbcClient jdbc, Clock clock) {
        this.nodes = nodes;
        this.plans = plans;
        this.revisions = revisions;
        this.offices = offices;
        this.schools = schools;
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public ItemView item(long nodeId, CurrentUser user) {
        var item = nodes.findById(nodeId).filter(node -> node.getKind() == NodeKind.ITEM)
                .orElseThrow(() -> new NotFoundException("item", nodeId));
        var outline = plans.outline(item.getPlanId(), user);
        var numbered = outline.nodes().stream().filter(node -> node.id() == nodeId).findFirst().orElseThrow();
        var officeNames = offices.names();
        var schoolNames = schools.names();
        var origin = item.getCarriedFromId() == null ? null : jdbc.sql("""
                select p.id as plan_id, p.title from plan_node n join plan p on p.id = n.plan_id where n.id = :node""")
                .param("node", item.getCarriedFromId())
                .query(Origin.class).optional().orElse(null);
        var comments = jdbc.sql("""
                select id, author_id, created_at, body, answer, answered_by, answered_at from plan_comment
                where node_id = :node order by created_at, id""")
                .param("node", nodeId)
                .query(CommentRow.class).list();
        var ids = new java.util.HashSet<Long>();
        comments.forEach(comment -> {
            ids.add(comment.authorId());
            if (comment.answeredBy() != null) {
                ids.add(comment.answeredBy());
            }
        });
        var authors = people.names(ids);
        boolean answerable = PlanPolicy.canAnswer(outline.plan().status(), item.getLeadOfficeId(), user);
        return new ItemView(item.getId(), item.getPlanId(), item.getParentId(), numbered.label(), item.getHeadline(),
                item.getBody(), item.getLeadOfficeId(), officeNames.get(item.getLeadOfficeId()),
                List.copyOf(item.getCooperatingOfficeIds()), names(item.getCooperatingOfficeIds(), officeNames),
                List.copyOf(item.getSchoolIds()), names(item.getSchoolIds(), schoolNames),
                List.copyOf(item.getTargets()), item.getDeadlineKind(), item.getDeadline(), item.getBaselineDeadline(),
                List.of(item.getQ1(), item.getQ2(), item.getQ3(), item.getQ4()), item.isKeyItem(), List.copyOf(item.getTags()),
                item.getCarriedFromId(), origin == null ? null : origin.planId(), origin == null ? null : origin.title(),
                item.getVersion(), item.getCompletedAt(), numbered.editable(), outline.childrenOf(nodeId),
                comments.stream().map(comment -> new ItemView.Comment(comment.id(), authors.getOrDefault(comment.authorId(), "?"),
                        comment.createdAt(), comment.body(), comment.answer(),
                        comment.answeredBy() == null ? null : authors.getOrDefault(comment.answeredBy(), "?"), comment.answeredAt(),
                        answerable && comment.answer() == null)).toList());
    }

    private record Origin(long planId, String title) {
    }

    private record CommentRow(long id, long authorId, Instant createdAt, String body, String answer, Long answeredBy,
            Instant answeredAt) {
    }

    /** Every saved version of the item, newest first, each with what changed since the one before. */
    public List<RevisionView> history(long nodeId, CurrentUser user) {
        var item = nodes.findById(nodeId).orElseThrow(() -> new NotFoundException("item", nodeId));
        plans.header(item.getPlanId(), user);
        var officeNames = offices.names();
        var schoolNames = schools.names();
        var views = new ArrayList<RevisionView>();
        var zone = clock.getZone();
        Map<String, Object> previous = Map.of();
        for (var revision : revisions.of(nodeId)) {
            var changes = new ArrayList<RevisionView.Change>();
            for (var field : HISTORY_FIELDS) {
                var before = text(field, previous.get(field), officeNames, schoolNames, zone);
                var after = text(field, revision.snapshot().get(field), officeNames, schoolNames, zone);
                boolean unsetAtCreation = previous.isEmpty() && (after.isEmpty() || "false".equals(after));
                if (!Objects.equals(before, after) && !unsetAtCreation) {
                    changes.add(new RevisionView.Change(field, before, after));
                }
            }
            views.add(new RevisionView(revision.number(), revision.changedAt(), revision.changedBy(), revision.reason(), changes));
            previous = revision.snapshot();
        }
        Collections.reverse(views);
        return views;
    }

    private static String text(String field, Object value, Map<Long, String> officeNames, Map<Long, String> schoolNames,
            ZoneId zone) {
        if (value == null) {
            return "";
        }
        return switch (field) {
            case "leadOfficeId" -> officeNames.getOrDefault(((Number) value).longValue(), "");
            case "cooperatingOfficeIds" -> String.join("、", names(longs(value), officeNames));
            case "schoolIds" -> String.join("、", names(longs(value), schoolNames));
            case "targets", "tags" -> String.join("；", ((Collection<?>) value).stream().map(String::valueOf).toList());
            case "signedOff" -> Instant.parse((String) value).atZone(zone).toLocalDate().toString();
            default -> String.valueOf(value);
        };
    }

    private static List<Long> longs(Object value) {
        return ((Collection<?>) value).stream().map(id -> ((Number) id).longValue()).toList();
    }

    private static List<String> names(Collection<Long> ids, Map<Long, String> names) {
        return ids.stream().map(names::get).filter(Objects::nonNull).toList();
    }
}
