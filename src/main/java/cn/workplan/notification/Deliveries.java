package cn.workplan.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.workplan.system.NotFoundException;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox ({@code notification_delivery}) holds, and shows the administrator what could not be sent.
 *
 * <p>A run claims due rows in a short transaction — {@code select … for update skip locked}, their next attempt moved
 * past a lease — so that no other thread or instance takes them, sends them with no transaction open, and records
 * each outcome: sent; or the error, tried again after a wait that doubles from
 * {@code workplan.notifications.delivery.first-retry} up to {@code max-retry-interval}; or, failing again
 * {@code give-up-after} after it was queued, given up ({@code FAILED}) until the administrator sends it again. A run
 * that dies after sending and before recording leaves its rows to be sent again once the lease is over: a message may
 * then arrive twice, never not at all.
 *
 * <p>E-mails go in batches over one connection; a robot's due rows go as one message (as many as fit), and a robot gets
 * at most one message every {@code workplan.notifications.robots.pace}, whatever the instances.
 */
@Service
@Transactional(readOnly = true)
public class Deliveries {

    /** The error of an e-mail when no SMTP server is configured (a message key: shown in words). */
    static final String NO_MAIL_SERVER = "delivery.error.noMailServer";
    /** The error of an e-mail whose reader has no address any more, or whose account was deactivated. */
    static final String NO_ADDRESS = "delivery.error.noAddress";

    public static final int PAGE_SIZE = 30;

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    /** How long a claimed row is left to its sender before another may take it. */
    private static final Duration LEASE = Duration.ofMinutes(5);
    /** Rows of one robot in one message at most. */
    private static final int ROBOT_ROWS = 30;
    /** Robots served by one run at most; the next run serves the others. */
    private static final int ROBOTS_PER_RUN = 100;
    /** E-mail batches of one run at most. */
    private static final int MAIL_BATCHES = 20;
    private static final int ERROR_LENGTH = 500;
    /** How long a robot rests after its platform said it was sent too much (钉钉 holds it ten minutes). */
    private static final Duration THROTTLED_PAUSE = Duration.ofMinutes(10);

    /** What one run did. */
    public record Run(int sent, int failed) {

        Run plus(Run other) {
            return new Run(sent + other.sent, failed + other.failed);
        }
    }

    private record MailRow(long id, String email, String name, boolean active, Long notificationId, String messageKey, String args,
            String content) {
    }

    private record RobotRow(long id, String messageKey, String args, String link, String content, String names) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Mail mail;
    private final RobotClient client;
    private final RobotMessages robotMessages;
    private final NotificationTexts texts;
    private final NotificationProperties properties;
    private final ObjectMapper mapper;
    private final Clock clock;

    Deliveries(JdbcClient jdbc, PlatformTransactionManager transactionManager, Mail mail, RobotClient client,
            RobotMessages robotMessages, NotificationTexts texts, NotificationProperties properties, ObjectMapper mapper, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.mail = mail;
        this.client = client;
        this.robotMessages = robotMessages;
        this.texts = texts;
        this.properties = properties;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Sends what is due now: e-mails, then each robot's messages. Safe to run at the same moment on any number of
     * threads and instances. Never throws for a channel that is down.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public Run deliverDue() {
        var run = deliverMail().plus(deliverToRobots());
        if (run.sent() + run.failed() > 0) {
            log.info("Delivered {} message(s), {} failed", run.sent(), run.failed());
        }
        return run;
    }

    private Run deliverMail() {
        var run = new Run(0, 0);
        for (int batch = 0; batch < MAIL_BATCHES; batch++) {
            var now = clock.instant();
            var rows = transactions.execute(status -> jdbc.sql("""
                    with claimed as (
                        update notification_delivery d set attempts = d.attempts + 1, next_attempt_at = :lease
                        where d.id in (
                            select id from notification_delivery
                            where state = 'PENDING' and channel = 'EMAIL' and next_attempt_at <= :now
                            order by next_attempt_at, id limit :batch
                            for update skip locked)
                        returning d.id, d.user_id, d.notification_id, d.content)
                    select c.id, u.email, u.display_name as name, u.active, c.notification_id, n.message_key,
                           cast(n.args as text) as args, cast(c.content as text) as content
                    from claimed c join person_view u on u.id = c.user_id left join notification n on n.id = c.notification_id
                    order by c.id""")
                    .param("now", Timestamp.from(now)).param("lease", Timestamp.from(now.plus(LEASE)))
                    .param("batch", properties.delivery().batch())
                    .query(MailRow.class).list());
            if (rows.isEmpty()) {
                break;
            }
            var letters = new ArrayList<Mail.Letter>();
            var failures = new java.util.HashMap<Long, String>();
            for (var row : rows) {
                if (!row.active() || !Outbox.hasAddress(row.email())) {
                    failures.put(row.id(), NO_ADDRESS);
                } else {
                    letters.add(new Mail.Letter(row.id(), row.email(), row.name(), row.notificationId(), row.messageKey(), row.args(),
                            composed(row.content())));
                }
            }
            failures.putAll(mail.send(letters));
            var sent = rows.stream().map(MailRow::id).filter(id -> !failures.containsKey(id)).toList();
            record(sent, failures);
            failures.forEach((id, error) -> log.warn("E-mail of delivery #{} not sent: {}", id, error));
            run = run.plus(new Run(sent.size(), failures.size()));
            if (rows.size() < properties.delivery().batch()) {
                break;
            }
        }
        return run;
    }

    private Run deliverToRobots() {
        var run = new Run(0, 0);
        for (int served = 0; served < ROBOTS_PER_RUN; served++) {
            var now = clock.instant();
            var claim = transactions.execute(status -> claimRobot(now));
            if (claim == null) {
                break;
            }
            var robot = claim.robot();
            var parts = new ArrayList<RobotMessages.Part>();
            for (var row : claim.rows()) {
                var composed = composed(row.content());
                parts.add(composed != null ? robotMessages.composed(row.id(), composed)
                        : robotMessages.notification(row.id(), row.names(), texts.render(row.messageKey(), row.args(), Locale.SIMPLIFIED_CHINESE),
                                row.link()));
            }
            var composition = robotMessages.compose(robot.platform(), parts);
            if (!composition.left().isEmpty()) {
                // the rest waits for the robot's next message, as if never claimed
                transactions.executeWithoutResult(status -> jdbc.sql("""
                        update notification_delivery set attempts = attempts - 1, next_attempt_at = :now where id in (:ids)""")
                        .param("now", Timestamp.from(now)).param("ids", composition.left()).update());
            }
            var result = client.post(robot, composition.message());
            if (result.delivered()) {
                record(composition.included(), Map.of());
                log.info("Sent {} message(s) to {}: deliveries {}", composition.included().size(), robot, composition.included());
                run = run.plus(new Run(composition.included().size(), 0));
            } else {
                var failures = new java.util.HashMap<Long, String>();
                composition.included().forEach(id -> failures.put(id, result.error()));
                record(List.of(), failures);
                if (result.throttled()) {
                    jdbc.sql("update notification_robot set next_send_at = :until where id = :id")
                            .param("until", Timestamp.from(clock.instant().plus(THROTTLED_PAUSE))).param("id", robot.id()).update();
                }
                log.warn("{} did not take deliveries {}: {}", robot, composition.included(), result.error());
                run = run.plus(new Run(0, composition.included().size()));
            }
        }
        return run;
    }

    private record RobotClaim(RobotClient.Robot robot, List<RobotRow> rows) {
    }

    /** One robot that may send now and has due rows, locked while its rows are claimed and its next message paced. */
    private RobotClaim claimRobot(Instant now) {
        var robot = jdbc.sql("""
                select r.id, r.platform, r.webhook, r.secret from notification_robot r
                where (r.next_send_at is null or r.next_send_at <= :now)
                  and exists (select 1 from notification_delivery d
                              where d.robot_id = r.id and d.state = 'PENDING' and d.next_attempt_at <= :now)
                order by r.next_send_at nulls first, r.id
                limit 1
                for update of r skip locked""")
                .param("now", Timestamp.from(now))
                .query((row, number) -> new RobotClient.Robot(row.getLong("id"), RobotPlatform.valueOf(row.getString("platform")),
                        row.getString("webhook"), row.getString("secret")))
                .optional();
        if (robot.isEmpty()) {
            return null;
        }
        jdbc.sql("update notification_robot set next_send_at = :next where id = :id")
                .param("next", Timestamp.from(now.plus(properties.robots().pace()))).param("id", robot.get().id()).update();
        var rows = jdbc.sql("""
                with claimed as (
                    update notification_delivery d set attempts = d.attempts + 1, next_attempt_at = :lease
                    where d.id in (
                        select id from notification_delivery
                        where robot_id = :robot and state = 'PENDING' and next_attempt_at <= :now
                        order by id limit :rows
                        for update skip locked)
                    returning d.id, d.notification_id, d.audience, d.content, d.user_id)
                select c.id, n.message_key, cast(n.args as text) as args, n.link, cast(c.content as text) as content,
                       (select string_agg(u.display_name, '、' order by u.id) from person_view u
                        where u.id in (select cast(a.value as bigint) from jsonb_array_elements_text(c.audience) as a(value))
                           or u.id = c.user_id) as names
                from claimed c left join notification n on n.id = c.notification_id
                order by c.id""")
                .param("robot", robot.get().id()).param("now", Timestamp.from(now)).param("lease", Timestamp.from(now.plus(LEASE)))
                .param("rows", ROBOT_ROWS)
                .query(RobotRow.class).list();
        return rows.isEmpty() ? null : new RobotClaim(robot.get(), rows);
    }

    /** Sent rows, and failed ones with their error: tried again after the back-off, or given up. */
    private void record(List<Long> sent, Map<Long, String> failures) {
        var now = clock.instant();
        transactions.executeWithoutResult(status -> {
            if (!sent.isEmpty()) {
                jdbc.sql("update notification_delivery set state = 'SENT', sent_at = :now where id in (:ids)")
                        .param("now", Timestamp.from(now)).param("ids", sent).update();
            }
            var byError = new java.util.LinkedHashMap<String, List<Long>>();
            failures.forEach((id, error) -> byError.computeIfAbsent(error, text -> new ArrayList<>()).add(id));
            byError.forEach((error, ids) -> jdbc.sql("""
                    update notification_delivery
                    set last_error = :error,
                        next_attempt_at = cast(:now as timestamptz)
                                          + least(:first * power(2, least(attempts, 30) - 1), :max) * interval '1 second',
                        state = case when queued_at <= :giveUpBefore then 'FAILED' else 'PENDING' end
                    where id in (:ids)""")
                    .param("error", error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH - 1) + "…" : error)
                    .param("now", Timestamp.from(now))
                    .param("first", (double) properties.delivery().firstRetry().toSeconds())
                    .param("max", (double) properties.delivery().maxRetryInterval().toSeconds())
                    .param("giveUpBefore", Timestamp.from(now.minus(properties.delivery().giveUpAfter())))
                    .param("ids", ids).update());
        });
    }

    private Composed composed(String content) {
        if (content == null) {
            return null;
        }
        try {
            return mapper.readValue(content, Composed.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable content of a delivery", e);
        }
    }

    /** A message the administrator is shown: given up, or being tried again after an error. */
    public record Problem(long id, DeliveryChannel channel, String state, int attempts, Instant queuedAt, Instant nextAttemptAt,
            String lastError, Long userId, String userName, Long robotId, RobotScope robotScope, Long officeId, Long schoolId,
            RobotPlatform platform, String text) {

        /** Given up: it waits for the administrator. */
        public boolean failed() {
            return "FAILED".equals(state);
        }

        /** The error is one of the application's own, a message key; otherwise the server's words. */
        public boolean errorIsMessage() {
            return lastError != null && lastError.startsWith("delivery.error.");
        }
    }

    private record ProblemRow(long id, String channel, String state, int attempts, Timestamp queuedAt, Timestamp nextAttemptAt,
            String lastError, Long userId, String userName, Long robotId, String scope, Long officeId, Long schoolId, String platform,
            String messageKey, String args, String title) {
    }

    /** A page (from 0) of the messages given up or being tried again, newest first, in the reader's language. */
    public Page<Problem> problems(int page, Locale locale) {
        var request = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
        long total = jdbc.sql("""
                select count(*) from notification_delivery where state = 'FAILED' or state = 'PENDING' and last_error is not null""")
                .query(Long.class).single();
        var rows = jdbc.sql("""
                select d.id, d.channel, d.state, d.attempts, d.queued_at, d.next_attempt_at, d.last_error, d.user_id,
                       u.display_name as user_name, d.robot_id, r.scope, r.office_id, r.school_id, r.platform,
                       n.message_key, cast(n.args as text) as args, d.content ->> 'title' as title
                from notification_delivery d
                left join notification_robot r on r.id = d.robot_id
                left join person_view u on u.id = d.user_id
                left join notification n on n.id = d.notification_id
                where d.state = 'FAILED' or d.state = 'PENDING' and d.last_error is not null
                order by d.id desc limit :limit offset :offset""")
                .param("limit", request.getPageSize()).param("offset", request.getOffset())
                .query(ProblemRow.class).list();
        return new PageImpl<>(rows.stream().map(row -> new Problem(row.id(), DeliveryChannel.valueOf(row.channel()), row.state(),
                row.attempts(), row.queuedAt().toInstant(), row.nextAttemptAt().toInstant(), row.lastError(), row.userId(), row.userName(),
                row.robotId(), row.scope() == null ? null : RobotScope.valueOf(row.scope()), row.officeId(), row.schoolId(),
                row.platform() == null ? null : RobotPlatform.valueOf(row.platform()),
                row.messageKey() != null ? texts.render(row.messageKey(), row.args(), locale) : row.title())).toList(), request, total);
    }

    /** How many messages were given up (the administrator's pages show it). */
    public long failedCount() {
        return jdbc.sql("select count(*) from notification_delivery where state = 'FAILED'").query(Long.class).single();
    }

    /** A message before and after the administrator sent it again, for the audit log. */
    public record Retried(long id, String label, Map<String, String> before, Map<String, String> after) {
    }

    /**
     * Queues a message again, to be sent by the next run (within {@code workplan.notifications.delivery.interval}):
     * due now, its attempts and its time to give up counted anew. A message sent meanwhile is left as it is.
     */
    @Transactional
    public Optional<Retried> retry(long id) {
        var before = jdbc.sql("select state, attempts from notification_delivery where id = :id for update")
                .param("id", id).query(Attempted.class)
                .optional().orElseThrow(() -> new NotFoundException("delivery", id));
        if ("SENT".equals(before.state())) {
            return Optional.empty();
        }
        var now = Timestamp.from(clock.instant());
        jdbc.sql("update notification_delivery set state = 'PENDING', attempts = 0, next_attempt_at = :now, queued_at = :now where id = :id")
                .param("now", now).param("id", id).update();
        log.info("Delivery #{} queued again (was {} after {} attempt(s))", id, before.state(), before.attempts());
        return Optional.of(new Retried(id, "#" + id, before.audited(), Map.of("state", "PENDING", "attempts", "0")));
    }

    /** Forgets sent messages after {@code keep-sent} and given-up ones after {@code keep-failed}, nightly, on one instance. */
    @Scheduled(cron = "${workplan.notifications.delivery.cleanup-cron:0 50 3 * * *}", zone = "${workplan.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "notification-delivery-cleanup")
    @Transactional
    public void forgetOldNightly() {
        // ShedLock's proxy refuses a locked method that returns a value: the count stays in forgetOld
        forgetOld();
    }

    int forgetOld() {
        var now = clock.instant();
        int sent = jdbc.sql("delete from notification_delivery where state = 'SENT' and sent_at < :before")
                .param("before", Timestamp.from(now.minus(properties.delivery().keepSent()))).update();
        int failed = jdbc.sql("delete from notification_delivery where state = 'FAILED' and queued_at < :before")
                .param("before", Timestamp.from(now.minus(properties.delivery().keepFailed()))).update();
        log.info("Forgot {} sent and {} given-up message(s) of the outbox", sent, failed);
        return sent + failed;
    }

    private record Attempted(String state, int attempts) {

        /** As the audit log records it. */
        Map<String, String> audited() {
            return Map.of("state", state, "attempts", Integer.toString(attempts));
        }
    }
}
