package cn.workplan.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;
import cn.workplan.system.StaleEditException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The group robots of 企业微信 and 钉钉 that notifications are posted to: one for the bureau, one per office, one per
 * school ({@link RobotDirectory} says whose messages go where). The administrator pastes the webhook address the
 * platform shows; it is taken only at the platform's configured address
 * ({@code workplan.notifications.robots.wecom-address}, {@code dingtalk-address}), so that no other server is ever sent
 * to, and kept as that address with the robot's token. The key, token and secret are never shown back in full, nor
 * logged; the caller audits the changes (this module knows no audit log) with {@link RobotView#auditState()}.
 */
@Service
@Transactional(readOnly = true)
public class Robots {

    private static final Logger log = LoggerFactory.getLogger(Robots.class);
    /** A robot's key or access token: what the platforms hand out (a UUID, 64 hexadecimal digits). */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]{8,200}");
    /** 钉钉's signing secret ("SEC" and 64 hexadecimal digits). */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9+/=._~-]{8,200}");

    private final JdbcClient jdbc;
    private final NotificationProperties properties;
    private final RobotClient client;
    private final RobotMessages messages;
    private final MessageSource texts;

    Robots(JdbcClient jdbc, NotificationProperties properties, RobotClient client, RobotMessages messages, MessageSource texts) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.client = client;
        this.messages = messages;
        this.texts = texts;
    }

    private record Row(long id, String scope, Long officeId, Long schoolId, String platform, String webhook, String secret, long version,
            long waiting, long failed, Timestamp lastSentAt) {

        RobotView view() {
            return new RobotView(id, RobotScope.valueOf(scope), officeId, schoolId, RobotPlatform.valueOf(platform), mask(webhook),
                    secret != null, version, waiting, failed, lastSentAt == null ? null : lastSentAt.toInstant());
        }
    }

    private static final String SELECT = """
            select r.id, r.scope, r.office_id, r.school_id, r.platform, r.webhook, r.secret, r.version,
                   (select count(*) from notification_delivery d where d.robot_id = r.id and d.state = 'PENDING' and d.last_error is not null) as waiting,
                   (select count(*) from notification_delivery d where d.robot_id = r.id and d.state = 'FAILED') as failed,
                   (select max(d.sent_at) from notification_delivery d where d.robot_id = r.id and d.state = 'SENT') as last_sent_at
            from notification_robot r""";

    /** Every robot: the bureau's first, then offices', then schools'. */
    public List<RobotView> list() {
        return jdbc.sql(SELECT + " order by case r.scope when 'BUREAU' then 0 when 'OFFICE' then 1 else 2 end, r.id")
                .query(Row.class).list().stream().map(Row::view).toList();
    }

    public RobotView get(long id) {
        return row(id).view();
    }

    private Row row(long id) {
        return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(Row.class).optional()
                .orElseThrow(() -> new NotFoundException("robot", id));
    }

    /** Adds a robot; a place has one robot at most. */
    @Transactional
    public RobotView create(RobotData data) {
        var place = place(data, null);
        if (data.webhook() == null || data.webhook().isBlank()) {
            throw new InvalidInputException("webhook", "robot.error.webhookMissing");
        }
        var webhook = webhook(data.platform(), data.webhook());
        var secret = secret(data.platform(), data.secret(), null, false);
        long id;
        try {
            id = jdbc.sql("""
                    insert into notification_robot (scope, office_id, school_id, platform, webhook, secret)
                    values (:scope, :office, :school, :platform, :webhook, :secret) returning id""")
                    .param("scope", data.scope().name()).param("office", place.officeId()).param("school", place.schoolId())
                    .param("platform", data.platform().name()).param("webhook", webhook).param("secret", secret)
                    .query(Long.class).single();
        } catch (DataIntegrityViolationException e) {
            throw placeRefused(data, e);
        }
        var view = get(id);
        log.info("Robot #{} added: {} {} {}", id, data.platform(), data.scope(), place);
        return view;
    }

    /** A robot before and after a change. */
    public record Change(RobotView before, RobotView after) {
    }

    /** Changes a robot; a blank webhook or secret keeps the one it has. */
    @Transactional
    public Change update(long id, RobotData data) {
        var current = jdbc.sql("select webhook, secret, version, platform from notification_robot where id = :id for update")
                .param("id", id).query(Stored.class)
                .optional().orElseThrow(() -> new NotFoundException("robot", id));
        StaleEditException.check("robot", id, data.version(), current.version());
        var before = get(id);
        var place = place(data, id);
        boolean samePlatform = data.platform().name().equals(current.platform());
        if ((data.webhook() == null || data.webhook().isBlank()) && !samePlatform) {
            throw new InvalidInputException("webhook", "robot.error.webhookMissing");
        }
        var webhook = data.webhook() == null || data.webhook().isBlank() ? current.webhook() : webhook(data.platform(), data.webhook());
        var secret = secret(data.platform(), data.secret(), samePlatform ? current.secret() : null, data.removesSecret());
        try {
            jdbc.sql("""
                    update notification_robot set scope = :scope, office_id = :office, school_id = :school, platform = :platform,
                        webhook = :webhook, secret = :secret, version = version + 1, updated_at = now()
                    where id = :id""")
                    .param("scope", data.scope().name()).param("office", place.officeId()).param("school", place.schoolId())
                    .param("platform", data.platform().name()).param("webhook", webhook).param("secret", secret).param("id", id)
                    .update();
        } catch (DataIntegrityViolationException e) {
            throw placeRefused(data, e);
        }
        log.info("Robot #{} changed: {} {} {}", id, data.platform(), data.scope(), place);
        return new Change(before, get(id));
    }

    /** Removes a robot, and with it the messages that wait for it. */
    @Transactional
    public RobotView delete(long id, Long version) {
        var robot = row(id);
        StaleEditException.check("robot", id, version, robot.version());
        int dropped = jdbc.sql("select count(*) from notification_delivery where robot_id = :id and state <> 'SENT'")
                .param("id", id).query(Integer.class).single();
        jdbc.sql("delete from notification_robot where id = :id").param("id", id).update();
        log.info("Robot #{} removed ({} unsent message(s) with it)", id, dropped);
        return robot.view();
    }

    /**
     * Posts a test message to the robot now, while the administrator waits (at most the delivery timeout twice).
     *
     * @return the platform's or the network's error; empty when the message was taken
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<String> test(long id, String sentBy) {
        var robot = row(id);
        var title = texts.getMessage("robot.test.message", new Object[] {sentBy}, Locale.SIMPLIFIED_CHINESE);
        var part = messages.composed(0, new Composed(title, List.of(new DigestItem(
                texts.getMessage("robot.test.item", null, Locale.SIMPLIFIED_CHINESE), "/")), 1));
        var composition = messages.compose(RobotPlatform.valueOf(robot.platform()), List.of(part));
        var result = client.post(new RobotClient.Robot(id, RobotPlatform.valueOf(robot.platform()), robot.webhook(), robot.secret()),
                composition.message());
        log.info("Test message to robot #{} ({}): {}", id, robot.platform(), result.delivered() ? "taken" : result.error());
        return result.delivered() ? Optional.empty() : Optional.of(result.error());
    }

    private record Place(Long officeId, Long schoolId) {
    }

    private Place place(RobotData data, Long id) {
        var place = switch (data.scope()) {
            case BUREAU -> new Place(null, null);
            case OFFICE -> new Place(required(data.officeId(), "officeId"), null);
            case SCHOOL -> new Place(null, required(data.schoolId(), "schoolId"));
        };
        boolean taken = jdbc.sql("""
                select exists (select 1 from notification_robot
                               where scope = :scope and coalesce(office_id, 0) = :office and coalesce(school_id, 0) = :school
                                 and id <> :id)""")
                .param("scope", data.scope().name()).param("office", place.officeId() == null ? 0 : place.officeId())
                .param("school", place.schoolId() == null ? 0 : place.schoolId()).param("id", id == null ? 0 : id)
                .query(Boolean.class).single();
        if (taken) {
            throw new InvalidInputException(field(data.scope()), "robot.error.placeTaken");
        }
        return place;
    }

    private static long required(Long id, String field) {
        if (id == null) {
            throw new InvalidInputException(field, "robot.error.placeMissing");
        }
        return id;
    }

    private static String field(RobotScope scope) {
        return switch (scope) {
            case BUREAU -> "scope";
            case OFFICE -> "officeId";
            case SCHOOL -> "schoolId";
        };
    }

    private static InvalidInputException placeRefused(RobotData data, DataIntegrityViolationException e) {
        // two administrators adding a robot for one place at once, or an office or school that is gone
        return new InvalidInputException(field(data.scope()), e instanceof DuplicateKeyException ? "robot.error.placeTaken"
                : "robot.error.placeMissing");
    }

    /**
     * The webhook as kept: the platform's configured address and the robot's token, from the address the platform shows
     * (or the token alone).
     */
    String webhook(RobotPlatform platform, String input) {
        var text = input.strip();
        var address = platform.address(properties.robots()).toString();
        String token;
        if (text.contains("/") || text.contains("?")) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new InvalidInputException("webhook", "robot.error.webhookAddress", address);
            }
            var base = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
            if (uri.getScheme() == null || !strip(base).equalsIgnoreCase(strip(address)) || uri.getRawQuery() == null) {
                throw new InvalidInputException("webhook", "robot.error.webhookAddress", address);
            }
            token = null;
            for (var parameter : uri.getRawQuery().split("&")) {
                if (parameter.startsWith(platform.tokenParameter() + "=")) {
                    token = parameter.substring(platform.tokenParameter().length() + 1);
                }
            }
            if (token == null) {
                throw new InvalidInputException("webhook", "robot.error.webhookToken", platform.tokenParameter());
            }
        } else {
            token = text;
        }
        if (!TOKEN.matcher(token).matches()) {
            throw new InvalidInputException("webhook", "robot.error.webhookToken", platform.tokenParameter());
        }
        return strip(address) + "?" + platform.tokenParameter() + "=" + token;
    }

    private static String strip(String address) {
        return address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
    }

    private static String secret(RobotPlatform platform, String input, String current, boolean remove) {
        var text = input == null ? "" : input.strip();
        if (platform != RobotPlatform.DINGTALK) {
            if (!text.isEmpty()) {
                throw new InvalidInputException("secret", "robot.error.secretWecom");
            }
            return null;
        }
        if (text.isEmpty()) {
            return remove ? null : current;
        }
        if (!SECRET.matcher(text).matches()) {
            throw new InvalidInputException("secret", "robot.error.secret");
        }
        return text;
    }

    /** The webhook with its token masked: its first and last four characters, when it has sixteen or more. */
    static String mask(String webhook) {
        int at = webhook.indexOf('=');
        if (at < 0) {
            return "****";
        }
        var token = webhook.substring(at + 1);
        return webhook.substring(0, at + 1) + (token.length() >= 16 ? token.substring(0, 4) + "…" + token.substring(token.length() - 4) : "****");
    }

    private record Stored(String webhook, String secret, long version, String platform) {
    }
}
