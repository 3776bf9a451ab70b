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
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extension requests (延期申请). A line's own office or school asks for a later deadline, with a reason; for the
 * lead office's line the request is about the item's own deadline. A leader decides the lead office's requests;
 * a leader or the head of the item's lead office decides the others'. Approving moves the deadline — the line's,
 * or through {@link ItemExecution} the item's, which the item's history then shows — and keeps the deadline
 * before the first extension as the baseline. One open request per line; the requester may withdraw it. Two
 * people deciding one request at once: the first decision counts, the second is told it was decided.
 */
@Service
@Transactional
public class Extensions {

    static final String AUDIT_TYPE = "EXTENSION";
    static final int TEXT_LIMIT = 1000;
    private static final Logger log = LoggerFactory.getLogger(Extensions.class);

    private final JdbcClient jdbc;
    private final ItemExecution items;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final ApprovalQueries approvals;
    private final Clock clock;
    private final ReportQueries lines;

    Extensions(JdbcClient jdbc, ItemExecution items, AuditTrail audit, Notifications notifications, ApprovalQueries approvals,
            Clock clock, ReportQueries lines) {
        this.lines = lines;
        this.jdbc = jdbc;
        this.items = items;
        this.audit = audit;
        this.notifications = notifications;
        this.approvals = approvals;
        this.clock = clock;
    }

    private record Request(long id, long lineId, LocalDate proposed, String reason, ExtensionState state, long requestedBy) {
    }

    /** The deadline a request moves: the item's for the lead office's line, else the line's own or, without one, the item's. */
    static LocalDate deadlineMoved(String kind, LocalDate lineDeadline, LocalDate itemDeadline) {
        return "LEAD".equals(kind) || lineDeadline == null ? itemDeadline : lineDeadline;
    }

    /** Asks for the line's deadline (the lead office's line: the item's) to move to a later day. Returns the request's id. */
    public long request(long lineId, LocalDate proposed, String reason, CurrentUser user) {
        var line = lines.line(lineId);
        if (!AssignmentPolicy.owns(user, line.officeId(), line.schoolId())) {
            throw new AccessDeniedException("not allowed: ask for an extension of line " + lineId);
        }
        checkOpen(line);
        var current = deadlineMoved(line.kind(), line.deadline(), line.itemDeadline());
        if (current == null) {
            throw new InvalidInputException("deadline", "extension.error.noDeadline");
        }
        var text = text(reason, "reason");
        if (text.isEmpty()) {
            throw new InvalidInputException("reason", "extension.error.reasonRequired");
        }
        if (proposed == null) {
            throw new InvalidInputException("proposedDeadline", "extension.error.dateRequired");
        }
        if (!proposed.isAfter(current)) {
            throw new InvalidInputException("proposedDeadline", "extension.error.notLater");
        }
        if (!proposed.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("proposedDeadline", "extension.error.past");
        }
        if (proposed.isAfter(LocalDate.of(line.year() + 1, 12, 31))) {
            throw new InvalidInputException("proposedDeadline", "extension.error.tooFar");
        }
        long id = jdbc.sql("""
                insert into extension_request (assignment_id, item_id, current_deadline, proposed_deadline, reason, requested_by,
                                               requested_at)
                values (:line, :item, :current, :proposed, :reason, :user, :now)
                on conflict (assignment_id) where state = 'PENDING' do nothing returning id""")
                .param("line", lineId).param("item", line.itemId()).param("current", current).param("proposed", proposed)
                .param("reason", text).param("user", user.id()).param("now", OffsetDateTime.now(clock))
                .query(Long.class).optional()
                .orElseThrow(() -> new InvalidInputException("proposedDeadline", "extension.error.open"));
        audit.record(AuditAction.REQUEST, AUDIT_TYPE, id, line.label(), Map.of("deadline", current.toString()),
                Map.of("deadline", proposed.toString(), "reason", text));
        notifications.send(approvals.inCharge(line.leadOfficeId(), line.isLead()), "notification.extension.requested",
                List.of(line.party(), line.headline(), proposed), "/approvals");
        log.info("{} asked to move the deadline of line #{} ({}{}) from {} to {}", user.getUsername(), lineId, line.party(),
                line.isLead() ? ", the item's deadline" : "", current, proposed);
        return id;
    }

    /**
     * Approves the request — the deadline moves, the first one stays as the baseline — or rejects it with a comment
     * (required then). {@code version} is the request's as the decider saw it.
     */
    public void decide(long requestId, boolean approve, String comment, long version, CurrentUser user) {
        var request = find(requestId);
        var line = lines.line(request.lineId());
        if (!AssignmentPolicy.decidesExtension(user, line.kind(), line.leadOfficeId())) {
            throw new AccessDeniedException("not allowed: decide extension request " + requestId);
        }
        var text = text(comment, "comment");
        if (!approve && text.isEmpty()) {
            throw new InvalidInputException("comment", "extension.error.commentRequired");
        }
        if (request.state() != ExtensionState.PENDING) {
            throw new InvalidInputException("state", "extension.error.decided");
        }
        if (approve) {
            checkOpen(line);
        }
        var state = approve ? ExtensionState.APPROVED : ExtensionState.REJECTED;
        int updated = jdbc.sql("""
                update extension_request set state = :state, decided_by = :user, decided_at = :now, decision_comment = :comment,
                       version = version + 1
                where id = :id and state = 'PENDING' and version = :version""")
                .param("state", state.name()).param("user", user.id()).param("now", OffsetDateTime.now(clock))
                .param("comment", text.isEmpty() ? null : text).param("id", requestId).param("version", version)
                .update();
        if (updated == 0) {
            // another decision (or the requester's withdrawal) came first
            throw new InvalidInputException("state", "extension.error.decided");
        }
        var before = deadlineMoved(line.kind(), line.deadline(), line.itemDeadline());
        if (approve && !(line.isLead() ? items.extendDeadline(line.itemId(), request.proposed(), request.reason(), user.getUsername())
                : moveLine(line.id(), request.proposed()))) {
            // the deadline was set as late or later meanwhile: approving would not extend it
            throw new InvalidInputException("state", "extension.error.outdated");
        }
        notifications.send(List.of(request.requestedBy()), approve ? "notification.extension.approved" : "notification.extension.rejected",
                List.of(line.headline(), line.party(), approve ? request.proposed() : text), "/items/" + line.itemId() + "/lines#extensions");
        audit.record(approve ? AuditAction.APPROVE : AuditAction.REJECT, AUDIT_TYPE, requestId, line.label(),
                Map.of("state", ExtensionState.PENDING.name(), "deadline", String.valueOf(before)),
                Map.of("state", state.name(), "deadline", String.valueOf(approve ? request.proposed() : before), "comment", text));
        log.info("{} {} the extension of line #{} ({}{}) to {}", user.getUsername(), approve ? "approved" : "rejected", line.id(),
                line.party(), line.isLead() ? ", the item's deadline" : "", request.proposed());
    }

    /** The requester's office or school takes back a request not yet decided. */
    public void withdraw(long requestId, CurrentUser user) {
        var request = find(requestId);
        var line = lines.line(request.lineId());
        if (!AssignmentPolicy.owns(user, line.officeId(), line.schoolId())) {
            throw new AccessDeniedException("not allowed: withdraw extension request " + requestId);
        }
        int updated = jdbc.sql("""
                update extension_request set state = 'WITHDRAWN', decided_by = :user, decided_at = :now, version = version + 1
                where id = :id and state = 'PENDING'""")
                .param("user", user.id()).param("now", OffsetDateTime.now(clock)).param("id", requestId)
                .update();
        if (updated == 0) {
            throw new InvalidInputException("state", "extension.error.decided");
        }
        audit.record(AuditAction.WITHDRAW, AUDIT_TYPE, requestId, line.label(), Map.of("state", ExtensionState.PENDING.name()),
                Map.of("state", ExtensionState.WITHDRAWN.name()));
        log.info("{} withdrew extension request #{} of line #{} ({})", user.getUsername(), requestId, line.id(), line.party());
    }

    /** Moves a line's own deadline to a later day, keeping the one before its first extension as its baseline. */
    private boolean moveLine(long lineId, LocalDate later) {
        return jdbc.sql("""
                update assignment a set baseline_deadline = coalesce(a.baseline_deadline, a.deadline, n.deadline), deadline = :later,
                       version = a.version + 1
                from plan_node_view n
                where n.id = a.item_id and a.id = :line and coalesce(a.deadline, n.deadline) < :later""")
                .param("later", later).param("line", lineId)
                .update() == 1;
    }

    private static void checkOpen(ReportLine line) {
        if (!line.published()) {
            throw new InvalidInputException("state", "assignment.error.notPublished");
        }
        if (line.signedOff()) {
            throw new InvalidInputException("state", "extension.error.signedOff");
        }
    }

    private Request find(long requestId) {
        return jdbc.sql("""
                select id, assignment_id as line_id, proposed_deadline as proposed, reason, state, requested_by
                from extension_request where id = :id""")
                .param("id", requestId)
                .query(Request.class)
                .optional().orElseThrow(() -> new NotFoundException("extension", requestId));
    }

    /** The text stripped, refused beyond {@link #TEXT_LIMIT} characters. */
    static String text(String text, String field) {
        var stripped = text == null ? "" : text.strip();
        if (stripped.length() > TEXT_LIMIT) {
            throw new InvalidInputException(field, "execution.error.textTooLong");
        }
        return stripped;
    }
}
