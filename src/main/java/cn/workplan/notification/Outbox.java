package cn.workplan.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queues the messages notifications leave as, in the transaction that stores them: an e-mail per person who wants
 * the category by e-mail and has an address (when mail is configured), and one message per group robot for all the
 * people of its group who want it there (the same text once, naming them), unless the category waits for their daily
 * digest. After the commit {@link DeliveryWorker} sends them.
 */
@Component
class Outbox {

    /** An e-mail address as the application takes one: something, an {@code @}, something. */
    private static final Pattern ADDRESS = Pattern.compile("\\S+@\\S+");

    private static final JsonNodeFactory json = JsonNodeFactory.instance;

    /** A notification just stored, with what its reader's channels need. */
    record Stored(long id, long userId, String messageKey, String args, String link, String email, Long officeId, Long schoolId) {
    }

    /** Messages were queued in the current transaction; they are sent once it commits. */
    record Queued(int count) {
    }

    private final JdbcClient jdbc;
    private final RobotDirectory robots;
    private final DeliveryPreferences preferences;
    private final Mail mail;
    private final ApplicationEventPublisher events;
    private final ObjectMapper mapper;
    private final Clock clock;

    Outbox(JdbcClient jdbc, RobotDirectory robots, DeliveryPreferences preferences, Mail mail, ApplicationEventPublisher events,
            ObjectMapper mapper, Clock clock) {
        this.jdbc = jdbc;
        this.robots = robots;
        this.preferences = preferences;
        this.mail = mail;
        this.events = events;
        this.mapper = mapper;
        this.clock = clock;
    }

    static boolean hasAddress(String email) {
        return email != null && ADDRESS.matcher(email.strip()).matches();
    }

    /** Queues the messages of the notifications; answers how many. */
    int enqueue(List<Stored> stored) {
        if (stored.isEmpty()) {
            return 0;
        }
        var known = robots.robots();
        boolean mailing = mail.configured();
        if (known.isEmpty() && !mailing) {
            return 0;
        }
        var chosen = preferences.of(stored.stream().map(Stored::userId).distinct().toList());
        var rows = json.arrayNode();
        // one robot message per robot and text: the people it is for, and the first one's notification to show
        var groups = new LinkedHashMap<List<Object>, ObjectNode>();
        for (var notification : stored) {
            var choice = chosen.getOrDefault(notification.userId(), Preferences.defaults())
                    .choice(NotificationCategory.of(notification.messageKey()));
            if (choice.digest()) {
                continue;
            }
            if (choice.email() && mailing && hasAddress(notification.email())) {
                rows.addObject().put("channel", DeliveryChannel.EMAIL.name()).put("user", notification.userId())
                        .put("notification", notification.id());
            }
            var robot = choice.robot() ? known.robotFor(notification.officeId(), notification.schoolId()) : null;
            if (robot != null) {
                var group = groups.computeIfAbsent(List.of(robot, notification.messageKey(), notification.args(),
                        Objects.requireNonNullElse(notification.link(), "")), key -> {
                            var row = rows.addObject().put("channel", DeliveryChannel.ROBOT.name()).put("robot", robot)
                                    .put("notification", notification.id());
                            row.putArray("audience");
                            return row;
                        });
                ((ArrayNode) group.get("audience")).add(notification.userId());
            }
        }
        return insert(rows);
    }

    /**
     * Queues composed messages (a daily digest, one per person and channel and day however often it is queued).
     *
     * @param digests each with {@code channel}, {@code user}, {@code robot} (for a robot), {@code day} and {@code content}
     * @return how many were queued
     */
    int enqueueComposed(List<Map<String, Object>> digests) {
        var rows = json.arrayNode();
        digests.forEach(digest -> rows.add(mapper.valueToTree(digest)));
        return insert(rows);
    }

    private int insert(ArrayNode rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        var now = java.sql.Timestamp.from(clock.instant());
        int queued = jdbc.sql("""
                insert into notification_delivery (channel, user_id, robot_id, notification_id, audience, content, digest_day,
                                                   next_attempt_at, queued_at)
                select e.row ->> 'channel', cast(e.row ->> 'user' as bigint), cast(e.row ->> 'robot' as bigint),
                       cast(e.row ->> 'notification' as bigint), e.row -> 'audience', e.row -> 'content',
                       cast(e.row ->> 'day' as date), :now, :now
                from jsonb_array_elements(cast(:rows as jsonb)) as e(row)
                on conflict (user_id, digest_day, channel) where digest_day is not null do nothing""")
                .param("rows", rows.toString()).param("now", now).update();
        if (queued > 0) {
            events.publishEvent(new Queued(queued));
        }
        return queued;
    }
}
