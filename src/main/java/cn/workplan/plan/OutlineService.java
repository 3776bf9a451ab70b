package cn.workplan.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Comparator;

import lombok.extern.slf4j.Slf4j;

import cn.workplan.account.CurrentUser;
import cn.workplan.org.OfficeService;
import cn.workplan.org.OrgOption;
import cn.workplan.org.SchoolService;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;
import cn.workplan.system.StaleEditException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a plan's outline: add, rename, edit, delete and move nodes, and comment on items. Every
 * change locks the plan row first, so that two people rearranging one plan never interleave; editing an
 * item's text is guarded by the item's version instead, so that a move never conflicts with an edit.
 * Every change is written to the audit log in its transaction ({@link OutlineAudit}).
 */
@Slf4j
@Service
@Transactional
public class OutlineService {

    private final PlanRepository plans;
    private final PlanNodeRepository nodes;
    private final ItemRevisions revisions;
    private final OfficeService offices;
    private final SchoolService schools;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final OutlineAudit audit;
    private final PlanNotifications notifications;

    OutlineService(
            PlanRepository plans, PlanNodeRepository nodes, ItemRevisions revisions, OfficeService offices,
            SchoolService schools, JdbcClient jdbc, ApplicationEventPublisher events, OutlineAudit audit,
            PlanNotifications notifications) {
        this.plans = plans;
        this.nodes = nodes;
        this.revisions = revisions;
        this.offices = offices;
        this.schools = schools;
        this.jdbc = jdbc;
        this.events = events;
        this.audit = audit;
        this.notifications = notifications;
    }

    /** Adds a chapter, section or sub-point at the end of its parent ({@code null}: the top level). */
    public long addHeading(long planId, Long parentId, NodeKind kind, String headline, String body, CurrentUser user) {
        if (kind == NodeKind.ITEM) {
            throw new IllegalArgumentException("items are added with addItem");
        }
        var plan = lock(planId, user);
        var parent = parentId == null ? null : nodeOf(plan, parentId);
        if (kind == NodeKind.POINT) {
            PlanPolicy.check(parent != null && PlanPolicy.canEditItem(plan.getStatus(), parent.getLeadOfficeId(), user) && plan.getStatus().isOpenForDrafting(),
                    "add a sub-point");
        } else {
            PlanPolicy.check(PlanPolicy.permissions(plan.getStatus(), user).arrange(), "add a heading");
        }
        checkPlacement(kind, parent);
        checkHeadline(headline);
        int position = nodes.children(planId, parentId).size();
        var node = nodes.save(new PlanNode(planId, parentId, kind, position, headline, body));
        audit.added(plan, node, OutlineAudit.Place.of(parent, position));
        log.info("{} added {} #{} to plan #{}", user.getUsername(), kind, node.getId(), planId);
        return node.getId();
    }

    /** Adds a task item at the end of a chapter or section ({@code null}: the top level). */
    public long addItem(long planId, Long parentId, ItemData data, CurrentUser user) {
        var plan = lock(planId, user);
        PlanPolicy.check(PlanPolicy.canAddItem(plan.getStatus(), user), "add an item");
        var parent = parentId == null ? null : nodeOf(plan, parentId);
        checkPlacement(NodeKind.ITEM, parent);
        if (!PlanPolicy.arrangesPlans(user) && !Objects.equals(data.leadOfficeId(), user.officeId())) {
            throw new InvalidInputException("leadOfficeId", "item.error.leadOfficeOwn");
        }
        int position = nodes.children(planId, parentId).size();
        var item = new PlanNode(planId, parentId, NodeKind.ITEM, position, data.headline(), data.body());
        apply(plan, item, data);
        item = nodes.save(item);
        revisions.record(item, user.getUsername(), null);
        audit.added(plan, item, OutlineAudit.Place.of(parent, position));
        log.info("{} added item #{} to plan #{}", user.getUsername(), item.getId(), planId);
        return item.getId();
    }

    /** Changes the text of a chapter, section or sub-point. */
    public void renameHeading(long nodeId, String headline, String body, Long version, CurrentUser user) {
        var node = find(nodeId);
        var plan = lock(node.getPlanId(), user);
        if (node.getKind() == NodeKind.ITEM) {
            throw new IllegalArgumentException("items are edited with updateItem");
        }
        if (node.getKind() == NodeKind.POINT) {
            var item = find(node.getParentId());
            PlanPolicy.check(PlanPolicy.canEditItem(plan.getStatus(), item.getLeadOfficeId(), user) && plan.getStatus().isOpenForDrafting(), "edit a sub-point");
        } else {
            PlanPolicy.check(PlanPolicy.permissions(plan.getStatus(), user).arrange(), "rename a heading");
        }
        StaleEditException.check("node", nodeId, version, node.getVersion());
        checkHeadline(headline);
        var before = audit.state(node);
        node.rename(headline, body);
        audit.changed(node, before, null);
    }

    /**
     * Saves a task item. Once the plan is published the change is a revision and needs a reason.
     * Throws {@link StaleEditException} when someone else saved the item since the form was opened.
     */
    public void updateItem(long nodeId, ItemData data, CurrentUser user) {
        var item = find(nodeId);
        if (item.getKind() != NodeKind.ITEM) {
            throw new NotFoundException("item", nodeId);
        }
        var plan = lock(item.getPlanId(), user);
        PlanPolicy.check(PlanPolicy.canEditItem(plan.getStatus(), item.getLeadOfficeId(), user), "edit the item");
        StaleEditException.check("item", nodeId, data.version(), item.getVersion());
        if (plan.getStatus() == PlanStatus.PUBLISHED && (data.reason() == null || data.reason().isBlank())) {
            throw new InvalidInputException("reason", "item.error.reasonRequired");
        }
        if (!PlanPolicy.arrangesPlans(user) && !Objects.equals(data.leadOfficeId(), user.officeId())) {
            throw new InvalidInputException("leadOfficeId", "item.error.leadOfficeOwn");
        }
        var before = audit.state(item);
        apply(plan, item, data);
        nodes.saveAndFlush(item);
        revisions.record(item, user.getUsername(), data.reason());
        audit.changed(item, before, plan.getStatus() == PlanStatus.PUBLISHED ? data.reason() : null);
        if (plan.getStatus() == PlanStatus.PUBLISHED) {
            events.publishEvent(new ItemRevised(plan.getId(), nodeId, data.reason().strip(), user.id()));
        }
        log.info("{} saved item #{} of plan #{}{}", user.getUsername(), nodeId, plan.getId(),
                plan.getStatus() == PlanStatus.PUBLISHED ? " as a revision: " + data.reason() : "");
    }

    /** Deletes a node with everything under it, and closes the gap among its siblings. */
    public void delete(long nodeId, CurrentUser user) {
        var node = find(nodeId);
        var plan = lock(node.getPlanId(), user);
        boolean allowed = switch (node.getKind()) {
            case CHAPTER, SECTION -> PlanPolicy.permissions(plan.getStatus(), user).arrange();
            case ITEM -> plan.getStatus().isOpenForDrafting() && PlanPolicy.canEditItem(plan.getStatus(), node.getLeadOfficeId(), user);
            case POINT -> plan.getStatus().isOpenForDrafting() && PlanPolicy.canEditItem(plan.getStatus(), find(node.getParentId()).getLeadOfficeId(), user);
        };
        PlanPolicy.check(allowed, "delete " + node.getKind());
        var parentId = node.getParentId();
        audit.deleted(plan, node, place(node), descendants(node));
        nodes.deleteNode(nodeId);
        renumberPositions(plan.getId(), parentId);
        log.info("{} deleted {} #{} of plan #{}", user.getUsername(), node.getKind(), nodeId, plan.getId());
    }

    /**
     * Moves a node to position {@code index} (0-based, clamped) among the children of {@code parentId}
     * ({@code null}: the top level). Numbers follow from positions, so the rest renumber by themselves.
     */
    public void move(long nodeId, Long parentId, int index, CurrentUser user) {
        var node = find(nodeId);
        var plan = lock(node.getPlanId(), user);
        PlanPolicy.check(PlanPolicy.permissions(plan.getStatus(), user).arrange(), "move a node");
        var parent = parentId == null ? null : nodeOf(plan, parentId);
        // the placement rules alone keep a node out of its own subtree: only chapters, sections and
        // items hold children, and none of them may stand under a node of its own kind or below
        checkPlacement(node.getKind(), parent);
        var from = place(node);
        var oldParentId = node.getParentId();
        var siblings = new ArrayList<>(nodes.children(plan.getId(), parentId).stream()
                .filter(sibling -> sibling.getId() != nodeId).toList());
        int at = Math.max(0, Math.min(index, siblings.size()));
        siblings.add(at, node);
        for (int i = 0; i < siblings.size(); i++) {
            var sibling = siblings.get(i);
            if (sibling.getPosition() != i || !Objects.equals(sibling.getParentId(), parentId)) {
                nodes.place(sibling.getId(), parentId, i);
            }
        }
        if (!Objects.equals(oldParentId, parentId)) {
            renumberPositions(plan.getId(), oldParentId);
        }
        audit.moved(node, from, OutlineAudit.Place.of(parent, at));
        log.info("{} moved {} #{} of plan #{} to parent {} at {}", user.getUsername(), node.getKind(), nodeId,
                plan.getId(), parentId, at);
    }

    /** Moves a node one place up (-1) or down (+1) among its siblings. */
    public void shift(long nodeId, int delta, CurrentUser user) {
        var node = find(nodeId);
        var siblings = nodes.children(node.getPlanId(), node.getParentId());
        int current = 0;
        while (current < siblings.size() && siblings.get(current).getId() != nodeId) {
            current++;
        }
        move(nodeId, node.getParentId(), Math.max(0, current + delta), user);
    }

    /** A leader's (or the general office's) comment on an item during review. */
    public void comment(long nodeId, String text, CurrentUser user) {
        var node = find(nodeId);
        var plan = plans.findById(node.getPlanId()).orElseThrow();
        PlanPolicy.check(PlanPolicy.permissions(plan.getStatus(), user).comment(), "comment");
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("comment", "NotBlank");
        }
        if (text.length() > 2000) {
            throw new InvalidInputException("comment", "comment.error.tooLong", 2000);
        }
        jdbc.sql("insert into plan_comment (plan_id, node_id, author_id, body) values (:plan, :node, :author, :body)")
                .param("plan", plan.getId()).param("node", nodeId).param("author", user.id()).param("body", text.strip())
                .update();
        audit.commented(node, text.strip());
        notifications.commented(node, text, user);
        log.info("{} commented on item #{} of plan #{}", user.getUsername(), nodeId, plan.getId());
    }

    /**
     * Answers a review comment (答复): the general office, or the item's lead office, says what came of it while the
     * plan is drafted or reviewed. Once; a plan is published only when every comment is answered. The comment's
     * author is told.
     *
     * @return the item the comment is on
     */
    public long answer(long commentId, String text, CurrentUser user) {
        var comment = jdbc.sql("select node_id, author_id from plan_comment where id = :id").param("id", commentId)
                .query(CommentRef.class).optional()
                .orElseThrow(() -> new NotFoundException("comment", commentId));
        var node = find(comment.nodeId());
        var plan = lock(node.getPlanId(), user);
        PlanPolicy.check(PlanPolicy.canAnswer(plan.getStatus(), node.getLeadOfficeId(), user), "answer a comment");
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("answer", "NotBlank");
        }
        if (text.strip().length() > 2000) {
            throw new InvalidInputException("answer", "comment.error.tooLong", 2000);
        }
        // the plan row is locked: two people answering at once answer one after the other, the second is told
        int answered = jdbc.sql("""
                update plan_comment set answer = :answer, answered_by = :by, answered_at = now()
                where id = :id and answered_at is null""")
                .param("answer", text.strip()).param("by", user.id()).param("id", commentId)
                .update();
        if (answered == 0) {
            throw new InvalidInputException("answer", "comment.error.answered");
        }
        audit.answered(node, text.strip());
        notifications.answered(comment.authorId(), node, text, user);
        log.info("{} answered comment #{} on item #{} of plan #{}", user.getUsername(), commentId, node.getId(), plan.getId());
        return node.getId();
    }

    /** The item a comment is on (for the way back to it). */
    @Transactional(readOnly = true)
    public long itemOfComment(long commentId) {
        return jdbc.sql("select node_id from plan_comment where id = :id").param("id", commentId)
                .query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("comment", commentId));
    }

    private void apply(Plan plan, PlanNode item, ItemData data) {
        checkHeadline(data.headline());
        var activeOffices = ids(offices.options());
        if (data.leadOfficeId() != null && !activeOffices.contains(data.leadOfficeId())) {
            throw new InvalidInputException("leadOfficeId", "item.error.unknownOffice");
        }
        if (!activeOffices.containsAll(data.cooperatingOfficeIds())) {
            throw new InvalidInputException("cooperatingOfficeIds", "item.error.unknownOffice");
        }
        if (!ids(schools.options()).containsAll(data.schoolIds())) {
            throw new InvalidInputException("schoolIds", "item.error.unknownSchool");
        }
        item.applyItem(data, deadline(plan.getYear(), data), targets(data.targets()));
    }

    /** The deadline as a date: the day given, or the end of the month, quarter or year of the plan. */
    static LocalDate deadline(int year, ItemData data) {
        if (data.deadlineKind() == null) {
            return null;
        }
        return switch (data.deadlineKind()) {
            case DATE -> {
                if (data.deadlineDate() == null) {
                    throw new InvalidInputException("deadlineDate", "item.error.deadlineDate");
                }
                yield data.deadlineDate();
            }
            case MONTH_END -> {
                if (data.deadlineMonth() == null) {
                    throw new InvalidInputException("deadlineMonth", "item.error.deadlineMonth");
                }
                yield YearMonth.of(year, data.deadlineMonth()).atEndOfMonth();
            }
            case QUARTER_END -> {
                if (data.deadlineQuarter() == null) {
                    throw new InvalidInputException("deadlineQuarter", "item.error.deadlineQuarter");
                }
                yield YearMonth.of(year, data.deadlineQuarter() * 3).atEndOfMonth();
            }
            case YEAR_END -> LocalDate.of(year, 12, 31);
        };
    }

    static List<Target> targets(List<TargetData> rows) {
        var targets = new ArrayList<Target>();
        for (int index = 0; index < rows.size(); index++) {
            var row = rows.get(index);
            if (row == null || row.isBlank()) {
                continue;
            }
            int i = index;
            if (row.indicator() == null || row.indicator().isBlank()) {
                throw new InvalidInputException("targets[" + i + "].indicator", "item.error.targetIndicator");
            }
            var comparator = TargetComparator.ofCode(row.comparator())
                    .orElseThrow(() -> new InvalidInputException("targets[" + i + "].comparator", "item.error.targetComparator"));
            if (row.value() == null) {
                throw new InvalidInputException("targets[" + i + "].value", "item.error.targetValue");
            }
            targets.add(new Target(row.indicator().strip(), comparator, row.value(),
                    row.unit() == null ? "" : row.unit().strip()));
        }
        return targets;
    }

    private static void checkHeadline(String headline) {
        if (headline == null || headline.isBlank()) {
            throw new InvalidInputException("headline", "NotBlank");
        }
        if (headline.strip().length() > 500) {
            throw new InvalidInputException("headline", "item.error.headlineTooLong", 500);
        }
    }

    private static void checkPlacement(NodeKind kind, PlanNode parent) {
        if (!kind.mayStandUnder(parent == null ? null : parent.getKind())) {
            throw new InvalidInputException("parentId", "outline.error.placement");
        }
    }

    private void renumberPositions(long planId, Long parentId) {
        var siblings = nodes.children(planId, parentId);
        for (int i = 0; i < siblings.size(); i++) {
            if (siblings.get(i).getPosition() != i) {
                nodes.place(siblings.get(i).getId(), parentId, i);
            }
        }
    }

    private static HashSet<Long> ids(List<OrgOption> options) {
        var ids = new HashSet<Long>();
        options.forEach(option -> ids.add(option.id()));
        return ids;
    }

    private Plan lock(long planId, CurrentUser user) {
        var plan = plans.lockById(planId).orElseThrow(() -> new NotFoundException("plan", planId));
        if (!PlanPolicy.canView(plan.getStatus(), user)) {
            throw new NotFoundException("plan", planId);
        }
        return plan;
    }

    /** Where the node stands now: its parent and its place among its siblings. */
    private OutlineAudit.Place place(PlanNode node) {
        var parent = node.getParentId() == null ? null : find(node.getParentId());
        var siblings = nodes.children(node.getPlanId(), node.getParentId());
        int index = 0;
        while (index < siblings.size() && !siblings.get(index).getId().equals(node.getId())) {
            index++;
        }
        return OutlineAudit.Place.of(parent, index);
    }

    /** Everything under the node, in document order. */
    private List<PlanNode> descendants(PlanNode node) {
        var byParent = new java.util.HashMap<Long, List<PlanNode>>();
        for (var each : nodes.findByPlanId(node.getPlanId())) {
            if (each.getParentId() != null) {
                byParent.computeIfAbsent(each.getParentId(), id -> new ArrayList<>()).add(each);
            }
        }
        byParent.values().forEach(children -> children.sort(Comparator.comparingInt(PlanNode::getPosition)));
        var found = new ArrayList<PlanNode>();
        collect(node.getId(), byParent, found);
        return found;
    }

    private static void collect(long parentId, Map<Long, List<PlanNode>> byParent, List<PlanNode> found) {
        for (var child : byParent.getOrDefault(parentId, List.of())) {
            found.add(child);
            collect(child.getId(), byParent, found);
        }
    }

    private PlanNode nodeOf(Plan plan, long nodeId) {
        var node = find(nodeId);
        if (node.getPlanId() != plan.getId()) {
            throw new NotFoundException("node", nodeId);
        }
        return node;
    }

    private PlanNode find(long nodeId) {
        return nodes.findById(nodeId).orElseThrow(() -> new NotFoundException("node", nodeId));
    }

    private record CommentRef(long nodeId, long authorId) {
    }
}
