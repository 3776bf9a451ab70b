package cn.workplan.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import lombok.extern.slf4j.Slf4j;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records changes to audited records. Call it from inside the transaction that makes the change;
 * the entry is committed or rolled back with it.
 *
 * <p>States are flat maps from a field name to its display value, as the record's owner wants it
 * shown (names rather than ids). Only the fields that differ are kept.
 */
@Slf4j
@Service
public class AuditTrail {

    /** The actor recorded when nobody is logged in (start-up jobs, demo data). */
    public static final String SYSTEM_ACTOR = "system";
    private static final int LABEL_LENGTH = 200;

    private final AuditEventRepository events;
    private final Clock clock;

    AuditTrail(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void created(String entityType, Long entityId, String label, Map<String, ?> state) {
        record(AuditAction.CREATE, entityType, entityId, label, Map.of(), state);
    }

    /** Records an update; does nothing when no field changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(String entityType, Long entityId, String label, Map<String, ?> before, Map<String, ?> after) {
        record(AuditAction.UPDATE, entityType, entityId, label, before, after);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String entityType, Long entityId, String label,
            Map<String, ?> before, Map<String, ?> after) {
        var changes = diff(before, after);
        if (action == AuditAction.UPDATE && changes.isEmpty()) {
            return;
        }
        var actor = currentActor();
        // the label column holds 200 characters; an item's headline may have 500
        var shortLabel = label != null && label.length() > LABEL_LENGTH ? label.substring(0, LABEL_LENGTH - 1) + "…" : label;
        events.save(new AuditEvent(Instant.now(clock), actor, action, entityType, entityId, shortLabel, changes));
        log.info("audit: {} {} {} #{} ({}) fields={}", actor, action, entityType, entityId, label, changes.keySet());
    }

    static Map<String, FieldChange> diff(Map<String, ?> before, Map<String, ?> after) {
        var changes = new LinkedHashMap<String, FieldChange>();
        var keys = new java.util.LinkedHashSet<String>(before.keySet());
        keys.addAll(after.keySet());
        for (var key : keys) {
            var from = text(before.get(key));
            var to = text(after.get(key));
            if (!Objects.equals(from, to)) {
                changes.put(key, new FieldChange(from, to));
            }
        }
        return changes;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String currentActor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? SYSTEM_ACTOR : authentication.getName();
    }
}
