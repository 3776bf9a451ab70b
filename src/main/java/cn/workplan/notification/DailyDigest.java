package cn.workplan.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily digest (每日待办): every morning at {@code workplan.notifications.digest.cron} (7:30, bureau time), one
 * message to each person who has any category waiting for it ({@link Preferences}), listing what waits for them
 * (each {@link DigestSource} in its order: what waits for them, then what they were told) with links — by e-mail and in their group, as they chose — instead of the single messages of
 * those categories. Nobody gets an empty one. Queued in the outbox like every message: once per person, channel and
 * day, however often the job runs and on however many instances (a unique key; ShedLock {@code notification-digest}
 * keeps the instances from even trying at once).
 */
@Component
public class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);
    private static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

    private final JdbcClient jdbc;
    private final DeliveryPreferences preferences;
    private final RobotDirectory robots;
    private final List<DigestSource> sources;
    private final Outbox outbox;
    private final Mail mail;
    private final MessageSource messages;
    private final NotificationProperties properties;
    private final Clock clock;

    DailyDigest(JdbcClient jdbc, DeliveryPreferences preferences, RobotDirectory robots, List<DigestSource> sources, Outbox outbox, Mail mail,
            MessageSource messages, NotificationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.preferences = preferences;
        this.robots = robots;
        this.sources = List.copyOf(sources);
        this.outbox = outbox;
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    private record Person(long id, String displayName, String email, Long officeId, Long schoolId) {
    }

    @Scheduled(cron = "${workplan.notifications.digest.cron:0 30 7 * * *}", zone = "${workplan.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "notification-digest")
    public void sendDigests() {
        send(LocalDate.now(clock));
    }

    /**
     * Queues the day's digests (in one transaction: a few statements, and the source's per person).
     *
     * @return how many messages were queued (none for those who had theirs today already)
     */
    @Transactional
    public int send(LocalDate day) {
        var asOf = clock.instant();
        var known = robots.robots();
        boolean mailing = mail.configured();
        var chosen = preferences.all();
        var people = jdbc.sql("select id, display_name, email, office_id, school_id from person_view where active order by id")
                .query(Person.class).list();
        var date = DateTimeFormatter.ofPattern(messages.getMessage("format.date", null, LANGUAGE), LANGUAGE).format(day);
        var digests = new ArrayList<Map<String, Object>>();
        int waiting = 0;
        for (var person : people) {
            var choice = chosen.getOrDefault(person.id(), Preferences.defaults());
            if (!choice.anyDigest()) {
                continue;
            }
            boolean byMail = choice.digestByEmail() && mailing && Outbox.hasAddress(person.email());
            var robot = choice.digestByRobot() ? known.robotFor(person.officeId(), person.schoolId()) : null;
            if (!byMail && robot == null) {
                continue;
            }
            var items = sources.stream().flatMap(source -> source.itemsFor(person.id(), asOf).stream()).toList();
            if (items.isEmpty()) {
                continue;
            }
            var shown = items.subList(0, Math.min(items.size(), properties.digest().maxItems()));
            var content = new Composed(messages.getMessage("notification.digest.title",
                    new Object[] {person.displayName(), date, items.size()}, LANGUAGE), shown, items.size());
            if (byMail) {
                digests.add(digest(DeliveryChannel.EMAIL, person.id(), null, day, content));
            }
            if (robot != null) {
                digests.add(digest(DeliveryChannel.ROBOT, person.id(), robot, day, content));
            }
            waiting++;
        }
        int queued = outbox.enqueueComposed(digests);
        log.info("Daily digests of {}: {} people have something waiting, {} message(s) queued", day, waiting, queued);
        return queued;
    }

    private static Map<String, Object> digest(DeliveryChannel channel, long userId, Long robot, LocalDate day, Composed content) {
        var digest = new LinkedHashMap<String, Object>();
        digest.put("channel", channel.name());
        digest.put("user", userId);
        if (robot != null) {
            digest.put("robot", robot);
        }
        digest.put("day", day.toString());
        digest.put("content", content);
        return digest;
    }
}
