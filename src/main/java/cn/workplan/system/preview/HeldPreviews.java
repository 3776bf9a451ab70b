package cn.workplan.system.preview;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an import read, held between its preview and the person's confirmation, in the database (table
 * {@code held_preview}), so that a preview started on one instance of the application is edited and confirmed on
 * another. Each value is held for one person under a random token, as JSON: a token of someone else, of another kind
 * of import, an unknown or an expired one finds nothing. A value lives {@link #LIFETIME} after its last use, the
 * session's timeout, and a person keeps their newest {@link #KEPT} of a kind; an hourly job deletes the expired ones.
 *
 * <p>Values are records (or lists of them) that Jackson reads back by their components. A value that no longer reads
 * (its record changed in a new version of the application) counts as expired.
 */
@Component
public class HeldPreviews {

    /** How long a preview is held after its last use. */
    public static final Duration LIFETIME = Duration.ofHours(2);

    /** How many previews of a kind a person keeps; holding another drops the oldest. */
    public static final int KEPT = 3;

    private static final Logger log = LoggerFactory.getLogger(HeldPreviews.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    HeldPreviews(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Holds the value for its owner; returns the token that finds it again. */
    @Transactional
    public String hold(long owner, String kind, Object value) {
        var token = UUID.randomUUID();
        jdbc.sql("""
                insert into held_preview (token, owner_id, kind, payload, expires_at)
                values (:token, :owner, :kind, cast(:payload as json), now() + make_interval(secs => :lifetime))""")
                .param("token", token).param("owner", owner).param("kind", kind).param("payload", write(value))
                .param("lifetime", LIFETIME.toSeconds())
                .update();
        // the owner's expired previews of the kind go too
        jdbc.sql("""
                delete from held_preview where owner_id = :owner and kind = :kind and token not in (
                    select token from held_preview where owner_id = :owner and kind = :kind and expires_at > now()
                    order by expires_at desc limit :kept)""")
                .param("owner", owner).param("kind", kind).param("kept", KEPT)
                .update();
        return token.toString();
    }

    /** The value held under the token for this owner, if any; using it extends its life. */
    @Transactional
    public <T> Optional<T> find(long owner, String kind, String token, JavaType type) {
        return uuid(token).flatMap(id -> jdbc.sql("""
                        update held_preview set expires_at = now() + make_interval(secs => :lifetime)
                        where token = :token and owner_id = :owner and kind = :kind and expires_at > now()
                        returning payload""")
                .param("lifetime", LIFETIME.toSeconds()).param("token", id).param("owner", owner).param("kind", kind)
                .query(String.class).optional())
                .flatMap(payload -> read(payload, type, token));
    }

    /** Removes the value held under the token for this owner and returns it, if there was one. */
    @Transactional
    public <T> Optional<T> take(long owner, String kind, String token, JavaType type) {
        return uuid(token).flatMap(id -> jdbc.sql("""
                        delete from held_preview
                        where token = :token and owner_id = :owner and kind = :kind and expires_at > now()
                        returning payload""")
                .param("token", id).param("owner", owner).param("kind", kind)
                .query(String.class).optional())
                .flatMap(payload -> read(payload, type, token));
    }

    /**
     * Changes the value held under the token for this owner, if there is one, in one transaction that the change
     * joins (what it writes elsewhere is committed with the new value, or not at all). The row stays locked meanwhile,
     * so two requests on one preview, on any instances, take their turns. Returns what the change returned.
     *
     * @param change reads {@link Held#value()} and may {@link Held#replace replace} or {@link Held#drop drop} it
     */
    @Transactional
    public <T, R> Optional<R> edit(long owner, String kind, String token, JavaType type, Function<Held<T>, R> change) {
        var id = uuid(token);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        var payload = jdbc.sql("""
                        select payload from held_preview
                        where token = :token and owner_id = :owner and kind = :kind and expires_at > now()
                        for update""")
                .param("token", id.get()).param("owner", owner).param("kind", kind)
                .query(String.class).optional();
        Optional<T> value = payload.flatMap(text -> read(text, type, token));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        var held = new Held<>(value.get());
        var result = change.apply(held);
        if (held.dropped) {
            jdbc.sql("delete from held_preview where token = :token").param("token", id.get()).update();
        } else {
            jdbc.sql("""
                    update held_preview set payload = cast(:payload as json), expires_at = now() + make_interval(secs => :lifetime)
                    where token = :token""")
                    .param("payload", write(held.value)).param("lifetime", LIFETIME.toSeconds()).param("token", id.get())
                    .update();
        }
        return Optional.ofNullable(result);
    }

    /** The Jackson type of values of this class, for {@link #find}, {@link #take} and {@link #edit}. */
    public JavaType type(Class<?> type) {
        return json.getTypeFactory().constructType(type);
    }

    /** The Jackson type of lists of values of this class. */
    public JavaType listOf(Class<?> element) {
        return json.getTypeFactory().constructCollectionType(java.util.List.class, element);
    }

    @Scheduled(cron = "${workplan.previews.cleanup-cron:0 17 * * * *}", zone = "${workplan.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "held-previews")
    public void removeExpiredHourly() {
        removeExpired();
    }

    /** Deletes the expired previews; returns how many. */
    @Transactional
    public int removeExpired() {
        int removed = jdbc.sql("delete from held_preview where expires_at <= now()").update();
        if (removed > 0) {
            log.info("{} expired import previews deleted", removed);
        }
        return removed;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a preview that cannot be written as JSON: " + value.getClass().getName(), e);
        }
    }

    private <T> Optional<T> read(String payload, JavaType type, String token) {
        try {
            return Optional.of(json.readValue(payload, type));
        } catch (JsonProcessingException e) {
            log.warn("preview {} no longer reads as {} and counts as expired: {}", token, type, e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(String token) {
        if (token == null || token.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(token));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The value being edited, and what becomes of it. */
    public static final class Held<T> {

        private T value;
        private boolean dropped;

        Held(T value) {
            this.value = value;
        }

        public T value() {
            return value;
        }

        /** Keeps this value instead. */
        public void replace(T value) {
            this.value = value;
        }

        /** Lets the preview go: it is done with. */
        public void drop() {
            dropped = true;
        }
    }
}
