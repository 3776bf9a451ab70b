package cn.workplan.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import lombok.extern.slf4j.Slf4j;

import cn.workplan.account.CurrentUser;
import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditTrail;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;
import cn.workplan.system.StaleEditException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Plans as a whole: create, edit the header, move through the workflow, delete a draft, copy to next year. */
@Slf4j
@Service
@Transactional
public class PlanService {

    static final String AUDIT_TYPE = "PLAN";

    private final PlanRepository plans;
    private final PlanNodeRepository nodes;
    private final ItemRevisions revisions;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final PlanNotifications notifications;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    PlanService(
            PlanRepository plans, PlanNodeRepository nodes, ItemRevisions revisions, AuditTrail audit, Clock clock,
            ApplicationEventPublisher events, PlanNotifications notifications,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.plans = plans;
        this.nodes = nodes;
        this.revisions = revisions;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    /** Whether the person may start a plan: the general office and administrators. */
    public static boolean canCreate(CurrentUser user) {
        return PlanPolicy.canCreate(user);
    }

    public static void checkCanCreate(CurrentUser user) {
        PlanPolicy.check(PlanPolicy.canCreate(user), "create a plan");
    }

    public long create(PlanData data, CurrentUser user) {
        checkCanCreate(user);
        var plan = saveUnique(new Plan(data, user.getUsername(), null));
        audit.created(AUDIT_TYPE, plan.getId(), plan.getTitle(), state(plan));
        log.info("{} created plan #{} {}", user.getUsername(), plan.getId(), plan.getTitle());
        return plan.getId();
    }

    /**
     * Starts a draft read from an existing document (the import), keeping the document number and issue
     * date it was issued under ({@code null} when the document gives none). The outline is added with
     * {@link OutlineService} in the caller's transaction.
     */
    public long createFromDocument(PlanData data, String documentNumber, java.time.LocalDate issueDate, CurrentUser user) {
        return createFromDocument(data, documentNumber, issueDate, 1, 1, user);
    }

    /**
     * As {@link #createFromDocument(PlanData, String, java.time.LocalDate, CurrentUser)}, for an excerpt of a plan whose
     * outline was printed from chapter {@code firstChapter} and item {@code firstItem} on: it keeps those numbers.
     */
    public long createFromDocument(PlanData data, String documentNumber, java.time.LocalDate issueDate, int firstChapter,
            int firstItem, CurrentUser user) {
        checkCanCreate(user);
        if (documentNumber != null && documentNumber.strip().length() > 60) {
            throw new InvalidInputException("documentNumber", "plan.error.documentNumberTooLong", 60);
        }
        var plan = new Plan(data, user.getUsername(), null);
        plan.readFrom(documentNumber, issueDate);
        plan.startAt(firstChapter, firstItem);
        plan = saveUnique(plan);
        var state = state(plan);
        state.put("documentNumber", plan.getDocumentNumber());
        state.put("issueDate", plan.getIssueDate());
        // the outline that follows is recorded node by node, by the outline service
        audit.record(AuditAction.IMPORT, AUDIT_TYPE, plan.getId(), plan.getTitle(), Map.of(), state);
        log.info("{} imported plan #{} {}", user.getUsername(), plan.getId(), plan.getTitle());
        return plan.getId();
    }

    public void update(long planId, PlanData data, CurrentUser user) {
        var plan = find(planId);
        PlanPolicy.check(PlanPolicy.permissions(plan.getStatus(), user).editHeader(), "edit the plan header");
        StaleEditException.check(AUDIT_TYPE, planId, data.version(), plan.getVersion());
        var before = state(plan);
        plan.apply(data);
        saveUnique(plan);
        audit.updated(AUDIT_TYPE, planId, plan.getTitle(), before, state(plan));
    }

    /** Draft → in review: the leaders may now comment on every item; they are told. */
    public void submit(long planId, CurrentUser user) {
        var step = transition(planId, user, PlanStatus.IN_REVIEW, PlanPermissions::submit);
        record(AuditAction.SEND_FOR_REVIEW, step);
        notifications.submitted(step.plan(), user);
    }

    /** In review → draft, for another round of drafting; the general office is told. */
    public void returnToDraft(long planId, CurrentUser user) {
        var step = transition(planId, user, PlanStatus.DRAFT, PlanPermissions::returnToDraft);
        record(AuditAction.RETURN, step);
        notifications.returned(step.plan(), user);
    }

    /** In review → published, with its document number and issue date; from now on the text is frozen. */
    public void publish(long planId, PublishData data, CurrentUser user) {
        var step = transition(planId, user, PlanStatus.PUBLISHED, PlanPermissions::publish);
        var plan = step.plan();
        var before = new LinkedHashMap<String, Object>(Map.of("status", step.from()));
        before.put("documentNumber", plan.getDocumentNumber());
        before.put("issueDate", plan.getIssueDate());
        plan.publishAs(data.documentNumber(), data.issueDate());
        var after = new LinkedHashMap<String, Object>(Map.of("status", plan.getStatus()));
        after.put("documentNumber", plan.getDocumentNumber());
        after.put("issueDate", plan.getIssueDate());
        audit.record(AuditAction.PUBLISH, AUDIT_TYPE, planId, plan.getTitle(), before, after);
        // the execution module makes the lines of responsibility and tells each office and school of its tasks
        events.publishEvent(new PlanPublished(planId, user.id()));
    }

    /** Published → closed at the end of the year; those who answered for its lines are told that reporting ends. */
    public void close(long planId, CurrentUser user) {
        var step = transition(planId, user, PlanStatus.CLOSED, PlanPermissions::close);
        record(AuditAction.CLOSE, step);
        events.publishEvent(new PlanClosed(planId, step.plan().getTitle(), user.id()));
    }

    /** A step of the workflow, recorded as what it is (送审, 退回, 发布, 结束) with the status before and after. */
    private void record(AuditAction action, Step step) {
        var plan = step.plan();
        audit.record(action, AUDIT_TYPE, plan.getId(), plan.getTitle(), Map.of("status", step.from()), Map.of("status", plan.getStatus()));
    }

    private record Step(Plan plan, PlanStatus from) {
    }

    public void delete(long planId, CurrentUser user) {
        var plan = find(planId);
        PlanPolicy.check(PlanPolicy.permissions(plan.getStatus(), user).delete(), "delete the plan");
        audit.record(AuditAction.DELETE, AUDIT_TYPE, planId, plan.getTitle(), state(plan), Map.of());
        plans.delete(plan);
        log.info("{} deleted draft plan #{} {}", user.getUsername(), planId, plan.getTitle());
    }

    /**
     * Starts a new draft from this plan: the same chapters, sections, items and sub-points. Items that
     * were not finished are marked as carried over (结转) and keep a link to their origin.
     */
    public long copy(long planId, CopyData data, CurrentUser user) {
        var origin = find(planId);
        PlanPolicy.check(PlanPolicy.permissions(origin.getStatus(), user).copy(), "copy the plan");
        if (data.year() < origin.getYear()) {
            throw new InvalidInputException("year", "plan.error.copyYear", origin.getYear());
        }
        var copy = saveUnique(new Plan(new PlanData(data.year(), data.title(), origin.getKind(), origin.getPreamble(),
                origin.getNumbering(), null), user.getUsername(), origin.getId()));
        var ids = new HashMap<Long, Long>();
        var items = new HashMap<Long, Long>();
        var source = OutlineNumbering.documentOrder(nodes.findByPlanId(planId).stream().map(NodeRef::new).toList());
        int carried = 0;
        for (var ref : source) {
            var node = ref.node();
            var twin = new PlanNode(copy.getId(), node.getParentId() == null ? null : ids.get(node.getParentId()),
                    node.getKind(), node.getPosition(), node.getHeadline(), node.getBody());
            if (node.getKind() == NodeKind.ITEM) {
                twin.copyDetailsFrom(node, shiftYear(node, data.year() - origin.getYear()));
                if (node.getCompletedAt() == null) {
                    twin.carriedFrom(node.getId());
                    carried++;
                }
            }
            twin = nodes.save(twin);
            ids.put(node.getId(), twin.getId());
            if (twin.getKind() == NodeKind.ITEM) {
                revisions.record(twin, user.getUsername(), null);
                items.put(node.getId(), twin.getId());
            }
        }
        var state = state(copy);
        state.put("origin", origin.getTitle());
        state.put("carriedOver", carried);
        audit.record(AuditAction.COPY, AUDIT_TYPE, copy.getId(), copy.getTitle(), Map.of(), state);
        events.publishEvent(new PlanCopied(planId, copy.getId(), items));
        log.info("{} copied plan #{} into #{} ({} items carried over)", user.getUsername(), planId, copy.getId(), carried);
        return copy.getId();
    }

    private static java.time.LocalDate shiftYear(PlanNode node, int years) {
        if (node.getDeadline() == null) {
            return null;
        }
        var shifted = node.getDeadline().plusYears(years);
        // "2月底" stays at the end of the month: 2027-02-28 becomes 2028-02-29, not 2028-02-28
        return node.getDeadlineKind() == DeadlineKind.MONTH_END ? java.time.YearMonth.from(shifted).atEndOfMonth() : shifted;
    }

    private Step transition(long planId, CurrentUser user, PlanStatus to,
            java.util.function.Predicate<PlanPermissions> allowed) {
        var plan = plans.lockById(planId).orElseThrow(() -> new NotFoundException("plan", planId));
        if (!PlanPolicy.canView(plan.getStatus(), user)) {
            throw new NotFoundException("plan", planId);
        }
        PlanPolicy.check(allowed.test(PlanPolicy.permissions(plan.getStatus(), user)), plan.getStatus() + " -> " + to);
        if (to == PlanStatus.IN_REVIEW || to == PlanStatus.PUBLISHED) {
            if (nodes.countByPlanIdAndKind(planId, NodeKind.ITEM) == 0) {
                throw new InvalidInputException("status", "plan.error.noItems");
            }
        }
        if (to == PlanStatus.PUBLISHED) {
            // a leader's comment is answered before the text is frozen (the general office's to-do lists it)
            int open = jdbc.sql("select count(*) from plan_comment where plan_id = :plan and answered_at is null")
                    .param("plan", planId).query(Integer.class).single();
            if (open > 0) {
                throw new InvalidInputException("status", "plan.error.openComments", open);
            }
        }
        var from = plan.getStatus();
        plan.moveTo(to, Instant.now(clock));
        log.info("{} moved plan #{} from {} to {}", user.getUsername(), planId, from, to);
        return new Step(plan, from);
    }

    /**
     * Saves a new or changed plan whose year and title no other plan has; else {@code InvalidInputException} on the
     * title. The check gives the message; the unique key decides when two people save the same title at once.
     */
    private Plan saveUnique(Plan plan) {
        try {
            // (a changed plan is flushed before this query runs, so the key may already refuse it here)
            if (plans.titleTaken(plan.getYear(), plan.getTitle(), plan.getId() == null ? 0 : plan.getId())) {
                throw duplicateTitle(plan);
            }
            return plans.saveAndFlush(plan);
        } catch (DataIntegrityViolationException e) {
            if (e.getMessage() != null && e.getMessage().contains("plan_year_title_key")) {
                throw duplicateTitle(plan);
            }
            throw e;
        }
    }

    private static InvalidInputException duplicateTitle(Plan plan) {
        return new InvalidInputException("title", "plan.error.duplicateTitle", plan.getYear(), plan.getTitle());
    }

    private Plan find(long planId) {
        return plans.findById(planId).orElseThrow(() -> new NotFoundException("plan", planId));
    }

    private static Map<String, Object> state(Plan plan) {
        var state = new LinkedHashMap<String, Object>();
        state.put("year", plan.getYear());
        state.put("title", plan.getTitle());
        state.put("kind", plan.getKind());
        state.put("numbering", plan.getNumbering());
        state.put("preamble", plan.getPreamble());
        state.put("status", plan.getStatus());
        return state;
    }

    /** A node seen by {@link OutlineNumbering}. */
    record NodeRef(PlanNode node) implements OutlineNumbering.Node {
        @Override
        public long id() {
            return node.getId();
        }

        @Override
        public Long parentId() {
            return node.getParentId();
        }

        @Override
        public NodeKind kind() {
            return node.getKind();
        }

        @Override
        public int position() {
            return node.getPosition();
        }
    }
}
