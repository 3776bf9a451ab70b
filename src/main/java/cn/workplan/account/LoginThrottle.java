package cn.workplan.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing without letting anyone lock anyone out (see {@link SecurityProperties}).
 *
 * <p>An attempt is counted under keys: its login name and its client address, or, from a browser that logged
 * in to that login before (a trusted device), that browser alone. Before the password is checked, the attempt
 * claims each key: a key whose delay has not run out refuses it, and once failures bring delays the claim itself
 * holds the key for the delay that a failure would bring, so that guesses sent in parallel cannot slip through
 * together. (Within a key's free failures, guesses sent at the same moment are all checked: at most as many as
 * the server handles at once, after which the key's delays apply.) A failure
 * counts against the keys, a success clears the login's and the device's. The address is never cleared by a
 * success, or a guesser with an account of their own could clear it between guesses.
 *
 * <p>Kept in {@code login_throttle}, so every node sees the same counts; the delay rule is the SQL function
 * {@code login_delay} (V19). A key without a delay holds no time at all ({@code blocked_until} null), so that nodes
 * whose clocks differ by a few seconds never refuse each other's free attempts.
 */
@Slf4j
@Component
class LoginThrottle {

    /** Login names are at most 40 characters; anything longer is a guess, kept short in the key. */
    private static final int NAME_IN_KEY = 100;

    private final JdbcClient jdbc;
    private final SecurityProperties properties;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** The keys an attempt is counted under. */
    record Keys(List<Key> keys, boolean trusted) {
    }

    record Key(String key, SecurityProperties.Throttle throttle) {
    }

    /** The login as it is counted: stripped, lower case, cut to a bounded length. */
    static String normalise(String login) {
        var name = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        return name.length() > NAME_IN_KEY ? name.substring(0, NAME_IN_KEY) : name;
    }

    /** The keys of an attempt at this login from this address, with the browser's device token if it sent one. */
    @Transactional(readOnly = true)
    public Keys keysOf(String login, String address, String deviceToken) {
        var name = normalise(login);
        if (deviceToken != null && isTrusted(deviceToken, name)) {
            return new Keys(List.of(new Key("device:" + hash(deviceToken) + ":" + name, properties.deviceThrottle())), true);
        }
        // the address first: a refused address must not hold the login for its owner
        return new Keys(List.of(
                new Key("address:" + (address == null ? "unknown" : address), properties.addressThrottle()),
                new Key("login:" + name, properties.loginThrottle())), false);
    }

    /**
     * Claims every key of an attempt, or says how long to wait when one of them is held. Runs in its own
     * transaction, committed before the password is checked.
     *
     * <p>A key still within its free failures, where a failure would bring no delay, is only read: nothing to hold,
     * so nothing is locked, and the logins of a school's staff behind one address never queue for its row. From the
     * key's last free failure on, the claim is an update that holds the key for the delay a failure would bring.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Duration> claim(Keys attempt) {
        var now = now();
        for (var key : attempt.keys()) {
            boolean free = jdbc.sql("""
                            select coalesce((select (blocked_until is null or blocked_until <= :now)
                                                    and login_delay(failures + 1, :free, :max) = interval '0'
                                               from login_throttle where key = :key), true)""")
                    .params(parameters(key, now))
                    .query(Boolean.class).single();
            if (free) {
                continue;
            }
            var claimed = jdbc.sql("""
                            update login_throttle
                               set blocked_until = cast(:now as timestamptz) + login_delay(failures + 1, :free, :max)
                             where key = :key and (blocked_until is null or blocked_until <= :now)
                            returning failures""")
                    .params(parameters(key, now))
                    .query(Integer.class).optional();
            if (claimed.isEmpty()) {
                var until = jdbc.sql("select blocked_until from login_throttle where key = :key")
                        .param("key", key.key()).query(OffsetDateTime.class).optional()
                        .map(OffsetDateTime::toInstant).orElse(now);
                var wait = Duration.between(now, until);
                log.debug("login attempt refused: {} is held until {}", key.key(), until);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            }
        }
        return Optional.empty();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(Keys attempt) {
        var now = now();
        for (var key : attempt.keys()) {
            int failures = jdbc.sql("""
                            insert into login_throttle as t (key, failures, last_failure_at, blocked_until)
                            values (:key, 1, :now, nullif(cast(:now as timestamptz) + login_delay(1, :free, :max), :now))
                            on conflict (key) do update
                               set failures = t.failures + 1, last_failure_at = :now,
                                   blocked_until = nullif(cast(:now as timestamptz) + login_delay(t.failures + 1, :free, :max), :now)
                            returning failures""")
                    .params(parameters(key, now))
                    .query(Integer.class).single();
            if (failures == key.throttle().freeFailures()) {
                log.warn("login attempts under {} are slowed down after {} failures", key.key(), failures);
            }
        }
    }

    private static Map<String, Object> parameters(Key key, Instant now) {
        return Map.of("key", key.key(), "now", utc(now), "free", key.throttle().freeFailures(),
                "max", (int) key.throttle().maxDelay().toSeconds());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(Keys attempt) {
        var cleared = attempt.keys().stream().map(Key::key).filter(key -> !key.startsWith("address:")).toList();
        if (!cleared.isEmpty()) {
            jdbc.sql("delete from login_throttle where key in (:keys)").param("keys", cleared).update();
        }
    }

    /** Trusts the browser with this token for the login from now on (or again). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void trust(String deviceToken, String login) {
        var now = utc(now());
        jdbc.sql("""
                        insert into trusted_device (token_hash, username, created_at, last_used_at)
                        values (:hash, :name, :now, :now)
                        on conflict (token_hash, username) do update set last_used_at = :now""")
                .param("hash", hash(deviceToken)).param("name", normalise(login)).param("now", now)
                .update();
    }

    /** The logins (in lower case) whose attempts are held back right now. */
    @Transactional(readOnly = true)
    public Set<String> heldLogins() {
        return jdbc.sql("""
                        select substr(key, 7) from login_throttle
                         where key like 'login:%' and blocked_until > :now and failures >= :free""")
                .param("now", utc(now()))
                .param("free", properties.loginThrottle().freeFailures())
                .query(String.class).stream().collect(Collectors.toSet());
    }

    /** Forgets old failures and browsers not used for a long time. */
    @Scheduled(cron = "${workplan.security.cleanup-cron:0 40 3 * * *}", zone = "${workplan.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "login-throttle-cleanup")
    @Transactional
    public void forget() {
        var now = now();
        int failures = jdbc.sql("""
                        delete from login_throttle
                         where (last_failure_at is null or last_failure_at < :old)
                           and (blocked_until is null or blocked_until < :now)""")
                .param("old", utc(now.minus(properties.forgetFailuresAfter())))
                .param("now", utc(now))
                .update();
        int devices = jdbc.sql("delete from trusted_device where last_used_at < :old")
                .param("old", utc(now.minus(properties.trustedDeviceValidity())))
                .update();
        log.info("login throttle: forgot {} keys and {} trusted browsers", failures, devices);
    }

    private boolean isTrusted(String deviceToken, String name) {
        return jdbc.sql("select count(*) from trusted_device where token_hash = :hash and username = :name and last_used_at > :since")
                .param("hash", hash(deviceToken)).param("name", name)
                .param("since", utc(now().minus(properties.trustedDeviceValidity())))
                .query(Integer.class).single() > 0;
    }

    /** To the microsecond, as PostgreSQL keeps it, so that a wait read back is exactly the wait that was set. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
