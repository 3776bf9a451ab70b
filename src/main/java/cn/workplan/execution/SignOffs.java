package cn.workplan.execution;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import cn.workplan.account.CurrentUser;
import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditTrail;
import cn.workplan.notification.Notifications;
import cn.workplan.plan.ItemExecution;
import cn.workplan.plan.NodeKind;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing items off (办结). The lead office proposes its item as done, with a note, once its latest consolidated
 * report says done or 100 %; a leader confirms — the item is signed off (through {@link ItemExecution}, so its
 * history shows it), its light turns green and its lines are no longer due for reports — or sends the proposal
 * back with a comment; a leader reopens a signed-off item, with a reason. Every step is kept (the item's sign-off
 * history) and audited. Two leaders deciding one proposal at once: the first decision counts.
 */
@Service
@Transactional
public class SignOffs {

    static final String AUDIT_TYPE = "SIGN_OFF";
    private static final Logger log = LoggerFactory.getLogger(SignOffs.class);

    private final JdbcClient jdbc;
    private final ItemExecution items;
    private final ReportQueries reports;
    private final AuditTrail audit;
    private final ApprovalQueries approvals;
    private final Notifications notifications;
    private final Clock clock;

    SignOffs(JdbcClient jdbc, ItemExecution items, ReportQueries reports, AuditTrail audit, ApprovalQueries approvals,
            Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.items = items;
        this.reports = reports;
        this.audit = audit;
        this.approvals = approvals;
        this.notifications = notifications;
        this.clock = clock;
    }

    private record Item(long id, String headline, Long leadOfficeId, boolean signedOff, boolean published) {

        String link() {
            return "/items/" + id + "/lines#sign-off";
        }
    }

    /** The proposal a leader decided: its note and who proposed it. */
    private record Proposal(String note, long proposedBy) {
    }

    /** Whether the lead office's latest consolidated report says the item is done, or 100 %: a proposal needs it. */
    static boolean ready(ItemProgress progress) {
        return progress.lines().values().stream()
                .anyMatch(line -> "LEAD".equals(line.kind()) && line.approved() != null && (line.done() || line.latest() >= 100));
    }

    /** The lead office proposes its item as done, with a note on what was done (required). */
    public void propose(long itemId, String note, CurrentUser user) {
        var item = item(itemId);
        if (!AssignmentPolicy.proposesSignOff(user, item.leadOfficeId())) {
            throw new AccessDeniedException("not allowed: propose item " + itemId + " as done");
        }
        checkPublished(item);
        if (item.signedOff()) {
            throw new InvalidInputException("state", "signOff.error.signedOff");
        }
        var text = Extensions.text(note, "note");
        if (text.isEmpty()) {
            throw new InvalidInputException("note", "signOff.error.noteRequired");
        }
        if (!ready(reports.progress(itemId, LocalDate.now(clock)))) {
            throw new InvalidInputException("state", "signOff.error.notDone");
        }
        var now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into sign_off (item_id, state, note, proposed_by, proposed_at) values (:item, 'PROPOSED', :note, :user, :now)
                on conflict (item_id) do update
                set state = 'PROPOSED', note = excluded.note, proposed_by = excluded.proposed_by, proposed_at = excluded.proposed_at,
                    decided_by = null, decided_at = null, comment = null, version = sign_off.version + 1
                where sign_off.state <> 'PROPOSED' returning version""")
                .param("item", itemId).param("note", text).param("user", user.id()).param("now", now)
                .query(Long.class).optional()
                .orElseThrow(() -> new InvalidInputException("state", "signOff.error.proposed"));
        step(itemId, SignOffState.PROPOSED, user, text, now);
        notifications.send(approvals.inCharge(item.leadOfficeId(), true), "notification.signOff.proposed",
                List.of(user.displayName(), item.headline()), "/approvals");
        audit.record(AuditAction.REQUEST, AUDIT_TYPE, itemId, item.headline(), Map.of(),
                Map.of("state", SignOffState.PROPOSED.name(), "note", text));
        log.info("{} proposed item #{} as done", user.getUsername(), itemId);
    }

    /**
     * A leader confirms the proposal — the item is signed off — or sends it back with a comment (required then).
     * {@code version} is the proposal's as the leader saw it.
     */
    public void decide(long itemId, boolean confirm, String comment, long version, CurrentUser user) {
        var item = item(itemId);
        if (!AssignmentPolicy.decidesSignOff(user)) {
            throw new AccessDeniedException("not allowed: decide the sign-off of item " + itemId);
        }
        checkPublished(item);
        var text = Extensions.text(comment, "comment");
        if (!confirm && text.isEmpty()) {
            throw new InvalidInputException("comment", "signOff.error.commentRequired");
        }
        var state = confirm ? SignOffState.CONFIRMED : SignOffState.RETURNED;
        var now = OffsetDateTime.now(clock);
        var proposal = jdbc.sql("""
                update sign_off set state = :state, decided_by = :user, decided_at = :now, comment = :comment, version = version + 1
                where item_id = :item and state = 'PROPOSED' and version = :version returning note, proposed_by""")
                .param("state", state.name()).param("user", user.id()).param("now", now)
                .param("comment", text.isEmpty() ? null : text).param("item", itemId).param("version", version)
                .query(Proposal.class).optional()
                // decided by another leader meanwhile, or withdrawn and proposed again with another note
                .orElseThrow(() -> new InvalidInputException("state", "signOff.error.notProposed"));
        if (confirm && !items.signOff(itemId, proposal.note(), user.getUsername())) {
            throw new InvalidInputException("state", "signOff.error.signedOff");
        }
        step(itemId, state, user, text.isEmpty() ? null : text, now);
        notifications.send(List.of(proposal.proposedBy()), confirm ? "notification.signOff.confirmed" : "notification.signOff.returned",
                confirm ? List.of(item.headline()) : List.of(item.headline(), text), item.link());
        audit.record(confirm ? AuditAction.APPROVE : AuditAction.RETURN, AUDIT_TYPE, itemId, item.headline(),
                Map.of("state", SignOffState.PROPOSED.name()), Map.of("state", state.name(), "comment", text));
        log.info("{} {} item #{}", user.getUsername(), confirm ? "signed off" : "sent back the sign-off of", itemId);
    }

    /** A leader reopens a signed-off item, with a reason (required): it is carried out and reported on again. */
    public void reopen(long itemId, String reason, CurrentUser user) {
        var item = item(itemId);
        if (!AssignmentPolicy.decidesSignOff(user)) {
            throw new AccessDeniedException("not allowed: reopen item " + itemId);
        }
        checkPublished(item);
        var text = Extensions.text(reason, "reason");
        if (text.isEmpty()) {
            throw new InvalidInputException("reason", "signOff.error.reasonRequired");
        }
        var now = OffsetDateTime.now(clock);
        // the sign-off row first (items signed off without a proposal, like the demo's, have none), then the item:
        // the same order as a decision, so that the two never wait for each other
        var proposer = jdbc.sql("""
                update sign_off set state = 'REOPENED', decided_by = :user, decided_at = :now, comment = :reason, version = version + 1
                where item_id = :item returning proposed_by""")
                .param("user", user.id()).param("now", now).param("reason", text).param("item", itemId)
                .query(Long.class).list();
        if (!items.reopen(itemId, text, user.getUsername())) {
            throw new InvalidInputException("state", "signOff.error.notSignedOff");
        }
        step(itemId, SignOffState.REOPENED, user, text, now);
        notifications.send(proposer, "notification.signOff.reopened", List.of(item.headline(), text), item.link());
        audit.record(AuditAction.REOPEN, AUDIT_TYPE, itemId, item.headline(), Map.of("state", SignOffState.CONFIRMED.name()),
                Map.of("state", SignOffState.REOPENED.name(), "reason", text));
        log.info("{} reopened item #{}: {}", user.getUsername(), itemId, text);
    }

    private static void checkPublished(Item item) {
        if (!item.published()) {
            throw new InvalidInputException("state", "assignment.error.notPublished");
        }
    }

    private Item item(long itemId) {
        return jdbc.sql("""
                select n.id, n.headline, n.lead_office_id, n.completed_at is not null as signed_off, p.in_force as published
                from plan_node_view n join plan_view p on p.id = n.plan_id where n.id = :item and n.kind = :kind""")
                .param("item", itemId).param("kind", NodeKind.ITEM.name())
                .query(Item.class)
                .optional().orElseThrow(() -> new NotFoundException("item", itemId));
    }

    private void step(long itemId, SignOffState action, CurrentUser user, String note, OffsetDateTime at) {
        jdbc.sql("insert into sign_off_event (item_id, action, actor_id, note, occurred_at) values (:item, :action, :actor, :note, :at)")
                .param("item", itemId).param("action", action.name()).param("actor", user.id()).param("note", note).param("at", at)
                .update();
    }
}
