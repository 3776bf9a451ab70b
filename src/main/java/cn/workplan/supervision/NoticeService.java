package cn.workplan.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditTrail;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;
import cn.workplan.system.StaleEditException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision notices through their life: issued → acknowledged → replied → closed, a reply sent back and answered
 * again, and escalation of the unanswered. Every step checks who may take it ({@link NoticePolicy}) and from which
 * state, is audited and logged, and is written in the notice's history; a notice the person may not see is "not
 * found". Replies, closing and sending back carry the version the page showed: nobody overwrites a reply they have
 * not seen, and nobody closes a reply that changed after they read it.
 */
@Service
@Transactional
public class NoticeService {

    static final String AUDIT_TYPE = "NOTICE";
    private static final Logger log = LoggerFactory.getLogger(NoticeService.class);

    private final JdbcClient jdbc;
    private final NoticePolicy policy;
    private final NoticeQueries queries;
    private final NoticeNumbers numbers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final SupervisionProperties properties;
    private final Clock clock;

    NoticeService(JdbcClient jdbc, NoticePolicy policy, NoticeQueries queries, NoticeNumbers numbers, AuditTrail audit,
            ApplicationEventPublisher events, SupervisionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.queries = queries;
        this.numbers = numbers;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** A notice as a transition finds it, its row locked. */
    private record Current(long id, String number, String itemHeadline, NoticeState state, String reply, long version,
            NoticePolicy.Parties parties) {

        String label() {
            return number + " · " + itemHeadline;
        }

        String link() {
            return "/notices/" + id;
        }
    }

    /** Issues a notice, numbered in the current year; returns its id. Leaders and the supervision office only. */
    public long issue(NoticeData data, CurrentUser user) {
        var target = queries.target(data.itemId(), data.lineId(), user); // refuses whoever may not issue notices
        var matter = data.matter() == null ? "" : data.matter().strip();
        if (matter.isEmpty() || matter.length() > NoticeData.MATTER_LENGTH) {
            throw new InvalidInputException("matter", "notice.error.matter");
        }
        var today = LocalDate.now(clock);
        if (data.replyBy() == null || data.replyBy().isBefore(today)) {
            throw new InvalidInputException("replyBy", "notice.error.pastDeadline");
        }
        if (target.officeId() != null && target.officeId().equals(user.officeId())) {
            throw new InvalidInputException("lineId", "notice.error.ownOffice");
        }
        int year = today.getYear();
        int number = numbers.next(year);
        long id = jdbc.sql("""
                insert into notice (year, number, plan_id, item_id, assignment_id, item_label, item_headline, office_id, school_id,
                                    matter, reply_by, issued_by, issuer_office_id)
                values (:year, :number, :plan, :item, :line, :label, :headline, :office, :school, :matter, :replyBy, :by, :byOffice)
                returning id""")
                .param("year", year).param("number", number).param("plan", target.planId()).param("item", target.itemId())
                .param("line", target.lineId()).param("label", target.itemLabel()).param("headline", target.itemHeadline())
                .param("office", target.officeId()).param("school", target.schoolId()).param("matter", matter)
                .param("replyBy", data.replyBy()).param("by", user.id()).param("byOffice", user.officeId())
                .query(Long.class).single();
        var printed = properties.number(year, number);
        history(id, "ISSUED", user.id(), matter);
        var state = new LinkedHashMap<String, Object>();
        state.put("item", target.itemLabel() + target.itemHeadline());
        state.put("recipient", target.recipient());
        state.put("matter", matter);
        state.put("replyBy", data.replyBy());
        audit.record(AuditAction.ISSUE, AUDIT_TYPE, id, printed + " · " + target.itemHeadline(), Map.of(), state);
        log.info("{} issued notice #{} {} to {} on item #{}, reply by {}", user.getUsername(), id, printed, target.recipient(),
                target.itemId(), data.replyBy());
        events.publishEvent(new NoticeIssued(id, printed, target.itemHeadline(),
                recipients(target.officeId(), target.schoolId()), "/notices/" + id));
        return id;
    }

    /** The recipient signs for the notice (签收), once. */
    public void acknowledge(long id, CurrentUser user) {
        var viewer = policy.viewer(user);
        var notice = current(id, viewer);
        if (!viewer.receives(notice.parties())) {
            throw new AccessDeniedException("not allowed: acknowledge a notice sent to someone else");
        }
        if (notice.state() != NoticeState.ISSUED) {
            throw new InvalidInputException("notice", "notice.error.acknowledged");
        }
        jdbc.sql("""
                update notice set state = 'ACKNOWLEDGED', acknowledged_by = :by, acknowledged_at = now(), version = version + 1
                where id = :id""").param("by", user.id()).param("id", id).update();
        history(id, "ACKNOWLEDGED", user.id(), null);
        audit.record(AuditAction.ACKNOWLEDGE, AUDIT_TYPE, id, notice.label(), Map.of("state", notice.state()),
                Map.of("state", NoticeState.ACKNOWLEDGED));
        log.info("{} acknowledged notice #{} {}", user.getUsername(), id, notice.number());
    }

    /** The recipient replies, after acknowledging; or revises the reply, until the notice is closed. */
    public void reply(long id, ReplyData data, CurrentUser user) {
        var viewer = policy.viewer(user);
        var notice = current(id, viewer);
        if (!viewer.receives(notice.parties())) {
            throw new AccessDeniedException("not allowed: reply to a notice sent to someone else");
        }
        if (!notice.state().acceptsReply()) {
            throw new InvalidInputException("reply",
                    notice.state() == NoticeState.ISSUED ? "notice.error.acknowledgeFirst" : "notice.error.closed");
        }
        var reply = data.replyText();
        if (reply.isEmpty() || reply.length() > ReplyData.MAX_LENGTH) {
            throw new InvalidInputException("reply", "notice.error.reply");
        }
        StaleEditException.check(AUDIT_TYPE, id, data.version(), notice.version());
        int updated = jdbc.sql("""
                update notice set reply = :reply, replied_by = :by, replied_at = now(), state = 'REPLIED', version = version + 1
                where id = :id and version = :version""")
                .param("reply", reply).param("by", user.id()).param("id", id).param("version", data.version())
                .update();
        if (updated == 0) {
            throw new StaleEditException(AUDIT_TYPE, id);
        }
        history(id, "REPLIED", user.id(), reply);
        var before = new LinkedHashMap<String, Object>();
        before.put("state", notice.state());
        before.put("reply", notice.reply());
        audit.record(AuditAction.REPLY, AUDIT_TYPE, id, notice.label(), before, Map.of("state", NoticeState.REPLIED, "reply", reply));
        boolean revised = notice.reply() != null;
        log.info("{} {} notice #{} {}", user.getUsername(), revised ? "revised the reply to" : "replied to", id, notice.number());
        events.publishEvent(new NoticeReplied(id, notice.number(), notice.itemHeadline(), notice.parties().issuedBy(), revised,
                notice.link()));
    }

    /** The issuer, the issuing office or a leader closes a replied notice (办结 / 销号); the comment is optional. */
    public void close(long id, ReviewData data, CurrentUser user) {
        var notice = reviewed(id, data, user);
        jdbc.sql("""
                update notice set state = 'CLOSED', closed_by = :by, closed_at = now(), version = version + 1
                where id = :id""").param("by", user.id()).param("id", id).update();
        var comment = data.commentText();
        history(id, "CLOSED", user.id(), comment.isEmpty() ? null : comment);
        audit.record(AuditAction.CLOSE, AUDIT_TYPE, id, notice.label(), Map.of("state", notice.state()),
                Map.of("state", NoticeState.CLOSED, "comment", comment));
        log.info("{} closed notice #{} {}", user.getUsername(), id, notice.number());
        events.publishEvent(new NoticeClosed(id, notice.number(), notice.itemHeadline(),
                recipients(notice.parties().officeId(), notice.parties().schoolId()), notice.link()));
    }

    /** The issuer, the issuing office or a leader sends the reply back with a comment: the recipient replies again. */
    public void sendBack(long id, ReviewData data, CurrentUser user) {
        var notice = reviewed(id, data, user);
        var comment = data.commentText();
        if (comment.isEmpty()) {
            throw new InvalidInputException("comment", "notice.error.commentRequired");
        }
        jdbc.sql("update notice set state = 'RETURNED', version = version + 1 where id = :id").param("id", id).update();
        history(id, "RETURNED", user.id(), comment);
        audit.record(AuditAction.RETURN, AUDIT_TYPE, id, notice.label(), Map.of("state", notice.state()),
                Map.of("state", NoticeState.RETURNED, "comment", comment));
        log.info("{} sent the reply to notice #{} {} back", user.getUsername(), id, notice.number());
        events.publishEvent(new NoticeReturned(id, notice.number(), notice.itemHeadline(),
                recipients(notice.parties().officeId(), notice.parties().schoolId()), comment, notice.link()));
    }

    /**
     * Escalates every notice that has had no reply by the end of its reply deadline — the deadline is before
     * {@code today} — and was not escalated yet: once, to the deputy director in charge (分管领导) of the recipient
     * office, or for a school of the item's lead office; without one (or when that account is inactive), to the
     * leader in charge of the general office (办公室), who is the director (局长) in county bureaus. Returns how many
     * were escalated. Notices being changed at this moment are left for the next run; a reply given before the
     * escalation commits prevents it.
     */
    public int escalateOverdue(LocalDate today) {
        var overdue = jdbc.sql("""
                select n.id, n.year, n.number, n.item_headline, l.id as leader_id, l.display_name as leader
                from notice n join plan_node_view i on i.id = n.item_id
                left join lateral (
                    select u.id, u.display_name from office_view o join person_view u on u.id = o.leader_user_id
                    where u.active and u.role = :leader
                      and (o.id = coalesce(n.office_id, i.lead_office_id) or o.coordinator and o.active)
                    order by o.id = coalesce(n.office_id, i.lead_office_id) desc, o.display_order, o.id
                    limit 1) l on true
                where n.escalated_at is null and n.replied_at is null and n.state in ('ISSUED', 'ACKNOWLEDGED')
                  and n.reply_by < :today
                order by n.id
                for update of n skip locked""")
                .param("today", today).param("leader", Role.LEADER.name())
                .query(OverdueRow.class).list().stream()
                .map(row -> new Overdue(row.id(), properties.number(row.year(), row.number()), row.itemHeadline(),
                        row.leaderId(), row.leader()))
                .toList();
        for (var notice : overdue) {
            jdbc.sql("update notice set escalated_at = now(), escalated_to = :leader where id = :id")
                    .param("leader", notice.leaderId()).param("id", notice.id()).update();
            history(notice.id(), "ESCALATED", null, notice.leader());
            audit.record(AuditAction.ESCALATE, AUDIT_TYPE, notice.id(), notice.number() + " · " + notice.itemHeadline(), Map.of(),
                    Map.of("escalatedTo", notice.leader() == null ? "" : notice.leader()));
            if (notice.leaderId() == null) {
                log.warn("Notice #{} {} is overdue and escalated, but no leader is in charge of its office nor of the general office",
                        notice.id(), notice.number());
            } else {
                log.info("Notice #{} {} had no reply by its deadline: escalated to {} (#{})", notice.id(), notice.number(),
                        notice.leader(), notice.leaderId());
                events.publishEvent(new NoticeEscalated(notice.id(), notice.number(), notice.itemHeadline(), notice.leaderId(),
                        "/notices/" + notice.id()));
            }
        }
        return overdue.size();
    }

    private record OverdueRow(long id, int year, int number, String itemHeadline, Long leaderId, String leader) {
    }

    private record Overdue(long id, String number, String itemHeadline, Long leaderId, String leader) {
    }

    /** The notice, locked, if the person may see it; "not found" otherwise. */
    private Current current(long id, NoticePolicy.Viewer viewer) {
        var notice = jdbc.sql("""
                select id, year, number, item_headline, state, reply, version, office_id, school_id, issued_by, issuer_office_id
                from notice where id = :id for update""")
                .param("id", id)
                .query(Locked.class)
                .optional()
                .map(row -> new Current(row.id(), properties.number(row.year(), row.number()), row.itemHeadline(), row.state(),
                        row.reply(), row.version(), new NoticePolicy.Parties(row.officeId(), row.schoolId(), row.issuedBy(),
                                row.issuerOfficeId())))
                .orElseThrow(() -> new NotFoundException("notice", id));
        if (!viewer.sees(notice.parties())) {
            throw new NotFoundException("notice", id);
        }
        return notice;
    }

    /** A notice's row as {@link #current} reads it. */
    private record Locked(long id, int year, int number, String itemHeadline, NoticeState state, String reply, long version,
            Long officeId, Long schoolId, long issuedBy, Long issuerOfficeId) {
    }

    /** A replied notice the person may close or send back, at the version they read. */
    private Current reviewed(long id, ReviewData data, CurrentUser user) {
        var viewer = policy.viewer(user);
        var notice = current(id, viewer);
        if (!viewer.reviews(notice.parties())) {
            throw new AccessDeniedException("not allowed: close a notice or send its reply back");
        }
        if (notice.state() != NoticeState.REPLIED) {
            throw new InvalidInputException("comment",
                    notice.state() == NoticeState.CLOSED ? "notice.error.closed" : "notice.error.notReplied");
        }
        if (data.commentText().length() > ReviewData.MAX_LENGTH) {
            throw new InvalidInputException("comment", "notice.error.commentTooLong");
        }
        StaleEditException.check(AUDIT_TYPE, id, data.version(), notice.version());
        return notice;
    }

    private void history(long noticeId, String action, Long actorId, String text) {
        jdbc.sql("insert into notice_event (notice_id, action, actor_id, text) values (:notice, :action, :actor, :text)")
                .param("notice", noticeId).param("action", action).param("actor", actorId).param("text", text)
                .update();
    }

    /** The people who answer for a notice: the active staff of the office, or the active principals of the school. */
    private List<Long> recipients(Long officeId, Long schoolId) {
        return jdbc.sql("""
                select id from person_view
                where active and (role = :staff and office_id = :office or role = :principal and school_id = :school)
                order by id""")
                .param("staff", Role.OFFICE_STAFF.name()).param("principal", Role.PRINCIPAL.name())
                .param("office", officeId).param("school", schoolId)
                .query(Long.class).list();
    }
}
