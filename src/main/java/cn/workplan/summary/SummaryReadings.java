package cn.workplan.summary;

import java.time.OffsetDateTime;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditTrail;
import cn.workplan.notification.Notifications;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The general office asks the leaders to read a drafted report (送阅); each leader says when they have read it (已阅). Until
 * then the report is on the leader's to-do list. Asking again (after changes) asks everyone again. Audited, and told: the
 * leaders when asked, the one who asked when a leader has read it.
 */
@Service
@Transactional
public class SummaryReadings {

    private static final Logger log = LoggerFactory.getLogger(SummaryReadings.class);

    private final JdbcClient jdbc;
    private final SummaryPolicy policy;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final Clock clock;

    SummaryReadings(JdbcClient jdbc, SummaryPolicy policy, AuditTrail audit, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Sends the report to every active leader to read; answers how many were asked. */
    public int ask(long summaryId, CurrentUser user) {
        policy.checkWrites(user);
        var title = title(summaryId);
        var now = OffsetDateTime.now(clock);
        var leaders = jdbc.sql("""
                insert into summary_reading (summary_id, user_id, requested_by, requested_at)
                select :summary, u.id, :user, :now from person_view u where u.active and u.role = :leader
                on conflict (summary_id, user_id) do update
                set requested_by = excluded.requested_by, requested_at = excluded.requested_at, read_at = null
                returning user_id""")
                .param("summary", summaryId).param("user", user.id()).param("now", now).param("leader", Role.LEADER.name())
                .query(Long.class).list();
        if (leaders.isEmpty()) {
            throw new InvalidInputException("readers", "summary.reading.noLeaders");
        }
        audit.record(AuditAction.REQUEST, Summaries.AUDIT_TYPE, summaryId, title, Map.of(), Map.of("readers", leaders.size()));
        notifications.send(leaders, "notification.summary.readingRequested", List.of(user.displayName(), title), "/summaries/" + summaryId);
        log.info("{} asked {} leader(s) to read the drafted report #{} ({})", user.getUsername(), leaders.size(), summaryId, title);
        return leaders.size();
    }

    /** A leader asked to read the report has read it; the one who asked is told. */
    public void read(long summaryId, CurrentUser user) {
        policy.checkReads(user);
        var title = title(summaryId);
        var requester = jdbc.sql("""
                update summary_reading set read_at = :now where summary_id = :summary and user_id = :user and read_at is null
                returning requested_by""")
                .param("now", OffsetDateTime.now(clock)).param("summary", summaryId).param("user", user.id())
                .query(Long.class).optional()
                .orElseThrow(() -> new InvalidInputException("read", "summary.reading.notAsked"));
        audit.record(AuditAction.READ, Summaries.AUDIT_TYPE, summaryId, title, Map.of(), Map.of("reader", user.displayName()));
        if (requester != user.id()) {
            notifications.send(List.of(requester), "notification.summary.read", List.of(user.displayName(), title), "/summaries/" + summaryId);
        }
        log.info("{} has read the drafted report #{} ({})", user.getUsername(), summaryId, title);
    }

    private String title(long summaryId) {
        return jdbc.sql("select title from summary where id = :id").param("id", summaryId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("summary", summaryId));
    }
}
