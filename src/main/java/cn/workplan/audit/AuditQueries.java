package cn.workplan.audit;

import cn.workplan.system.SqlConditions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Reads the audit record for the administrators' audit page: one page query and one count (no count when the first
 * page is not full, as before).
 */
@Service
@Transactional(readOnly = true)
public class AuditQueries {

    public static final int PAGE_SIZE = 50;

    private static final String SELECT = """
            select id, occurred_at, actor, action, entity_type, entity_id, entity_label, changes
            from audit_event""";
    private static final String NEWEST_FIRST = " order by occurred_at desc, id desc limit :limit offset :offset";
    private static final TypeReference<Map<String, FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    AuditQueries(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public Page<AuditEntry> search(AuditFilter filter, int page) {
        var request = PageRequest.of(Math.max(page, 0), PAGE_SIZE,
                Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id")));
        var where = matching(filter);
        var entries = jdbc.sql(SELECT + where.where() + NEWEST_FIRST).params(where.parameters())
                .param("limit", request.getPageSize()).param("offset", request.getOffset())
                .query(Row.class).list().stream().map(this::entry).toList();
        return PageableExecutionUtils.getPage(entries, request, () -> jdbc.sql("select count(*) from audit_event" + where.where())
                .params(where.parameters()).query(Long.class).single());
    }

    /** The latest entries of all, newest first. */
    public List<AuditEntry> recent(int limit) {
        return jdbc.sql(SELECT + NEWEST_FIRST).param("limit", limit).param("offset", 0)
                .query(Row.class).list().stream().map(this::entry).toList();
    }

    /** The latest entries about one record, newest first. */
    public List<AuditEntry> history(String entityType, long entityId, int limit) {
        return jdbc.sql(SELECT + " where entity_type = :type and entity_id = :id" + NEWEST_FIRST)
                .param("type", entityType).param("id", entityId).param("limit", limit).param("offset", 0)
                .query(Row.class).list().stream().map(this::entry).toList();
    }

    /** An entry as stored, its changes still JSON. */
    private record Row(long id, Instant occurredAt, String actor, AuditAction action, String entityType, Long entityId,
            String entityLabel, String changes) {
    }

    private AuditEntry entry(Row row) {
        return new AuditEntry(row.id(), row.occurredAt(), row.actor(), row.action(), row.entityType(), row.entityId(),
                row.entityLabel(), changes(row.changes()));
    }

    private Map<String, FieldChange> changes(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable audit changes: " + stored, e);
        }
    }

    /**
     * The filter's conditions: only those the filter sets, each a constant piece of SQL with its value bound (nothing
     * typed in reaches the statement's text), so that the planner sees a plain condition and picks the index of the
     * part that is set, as for the criteria query this replaces.
     */
    private SqlConditions matching(AuditFilter filter) {
        var zone = clock.getZone();
        var where = new SqlConditions();
        if (StringUtils.hasText(filter.actor())) {
            where.and("actor = :actor", "actor", filter.actor().trim());
        }
        if (StringUtils.hasText(filter.entityType())) {
            where.and("entity_type = :type", "type", filter.entityType());
        }
        if (filter.action() != null) {
            where.and("action = :action", "action", filter.action().name());
        }
        if (filter.from() != null) {
            where.and("occurred_at >= :from", "from", filter.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (filter.to() != null) {
            where.and("occurred_at < :to", "to", filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        return where;
    }
}
