package cn.workplan.execution;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.workplan.account.CurrentUser;
import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditTrail;
import cn.workplan.notification.Notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-click reminder (催办) of a line of responsibility: the item's lead office, a leader or an administrator
 * tells the line's office staff or school principals to get on with the item, with a link to its lines. A line is
 * reminded at most once in 24 hours, whoever asks (no spam); every reminder is audited.
 */
@Service
public class LineReminders {

    /** How long after a reminder the same line is not reminded again. */
    static final Duration QUIET_TIME = Duration.ofHours(24);
    static final String LINE_MESSAGE = "notification.reminder.line";

    private static final Logger log = LoggerFactory.getLogger(LineReminders.class);

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final Clock clock;
    private final ReportQueries lines;

    LineReminders(JdbcClient jdbc, Notifications notifications, AuditTrail audit, Clock clock, ReportQueries lines) {
        this.lines = lines;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** Why a reminder was not sent; the message key takes the line's office or school and the last reminder's time. */
    public enum Refusal {
        /** The plan is no longer carried out, or the item is signed off. */
        NOT_OPEN,
        /** The person's own office's line: they need no reminder from themselves. */
        OWN_LINE,
        /** Nobody active answers for the line (a school without a principal's account). */
        NOBODY,
        /** The line was reminded less than 24 hours ago. */
        TOO_SOON;

        public String messageKey() {
            return "reminder.refused." + name();
        }
    }

    /**
     * What came of a reminder.
     *
     * @param people     how many people were reminded (0 when refused)
     * @param refusal    why none was sent, or {@code null}
     * @param remindedAt the last reminder of the line when it was too soon for another
     */
    public record Outcome(long itemId, String party, int people, Refusal refusal, Instant remindedAt) {

        public boolean sent() {
            return refusal == null;
        }
    }

    /** Whether the person may remind the lines of an item led by the office (the 催办 buttons on the item's lines). */
    public boolean allows(CurrentUser user, Long leadOfficeId) {
        return AssignmentPolicy.reminds(user, leadOfficeId);
    }

    /** Whether the person may remind this line of an item led by the office: not their own. */
    public boolean allows(CurrentUser user, Long leadOfficeId, ItemLines.Line line) {
        return allows(user, leadOfficeId) && !AssignmentPolicy.owns(user, line.officeId(), line.schoolId());
    }

    /** Reminds the line's people, unless refused; only the lead office, leaders and administrators may. */
    @Transactional
    public Outcome remind(long lineId, CurrentUser user) {
        var line = lines.line(lineId);
        if (!AssignmentPolicy.reminds(user, line.leadOfficeId())) {
            throw new AccessDeniedException("not allowed: remind line " + lineId);
        }
        if (!line.published() || line.signedOff()) {
            return refused(line, Refusal.NOT_OPEN, null);
        }
        if (AssignmentPolicy.owns(user, line.officeId(), line.schoolId())) {
            return refused(line, Refusal.OWN_LINE, null);
        }
        var people = LinePeople.roles(jdbc.sql("select u.id from assignment a " + LinePeople.JOIN + "where a.id = :line order by u.id"))
                .param("line", lineId)
                .query(Long.class).list();
        if (people.isEmpty()) {
            return refused(line, Refusal.NOBODY, null);
        }
        var now = Instant.now(clock);
        boolean due = jdbc.sql("""
                insert into line_reminder (assignment_id, reminded_at, reminded_by) values (:line, :now, :user)
                on conflict (assignment_id) do update set reminded_at = excluded.reminded_at, reminded_by = excluded.reminded_by
                where line_reminder.reminded_at <= :quietSince
                returning assignment_id""")
                .param("line", lineId).param("now", Timestamp.from(now)).param("user", user.id())
                .param("quietSince", Timestamp.from(now.minus(QUIET_TIME)))
                .query(Long.class).optional().isPresent();
        if (!due) {
            var last = jdbc.sql("select reminded_at from line_reminder where assignment_id = :line").param("line", lineId)
                    .query(Timestamp.class).single().toInstant();
            return refused(line, Refusal.TOO_SOON, last);
        }
        int sent = notifications.send(people, LINE_MESSAGE, List.of(user.displayName(), line.headline()),
                "/items/" + line.itemId() + "/lines");
        audit.record(AuditAction.REMIND, AssignmentService.AUDIT_TYPE, lineId, line.label(), Map.of(), Map.of("recipients", sent));
        log.info("{} reminded {} people of line #{} ({}) of item #{}", user.getUsername(), sent, lineId, line.party(), line.itemId());
        return new Outcome(line.itemId(), line.party(), sent, null, null);
    }

    private static Outcome refused(ReportLine line, Refusal refusal, Instant remindedAt) {
        log.info("Reminder of line #{} ({}) refused: {}", line.id(), line.party(), refusal);
        return new Outcome(line.itemId(), line.party(), 0, refusal, remindedAt);
    }
}
