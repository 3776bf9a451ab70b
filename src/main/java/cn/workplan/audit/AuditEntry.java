package cn.workplan.audit;

import java.time.Instant;
import java.util.Map;

/** One line of the audit record as screens show it. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        String actor,
        AuditAction action,
        String entityType,
        Long entityId,
        String entityLabel,
        Map<String, FieldChange> changes) {

    static AuditEntry of(AuditEvent event) {
        return new AuditEntry(event.getId(), event.getOccurredAt(), event.getActor(), event.getAction(),
                event.getEntityType(), event.getEntityId(), event.getEntityLabel(), event.getChanges());
    }
}
