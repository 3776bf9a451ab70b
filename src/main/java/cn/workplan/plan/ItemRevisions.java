package cn.workplan.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps every saved version of a task item, with who saved it and, after publishing, why. */
@Component
class ItemRevisions {

    private static final TypeReference<Map<String, Object>> SNAPSHOT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ItemRevisions(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void record(PlanNode item, String actor, String reason) {
        jdbc.sql("""
                insert into plan_node_revision (node_id, plan_id, revision, changed_by, reason, snapshot)
                values (:node, :plan, (select coalesce(max(revision), 0) + 1 from plan_node_revision where node_id = :node),
                        :actor, :reason, cast(:snapshot as jsonb))""")
                .param("node", item.getId()).param("plan", item.getPlanId()).param("actor", actor)
                .param("reason", reason == null || reason.isBlank() ? null : reason.strip())
                .param("snapshot", write(item.snapshot()))
                .update();
    }

    /** All versions of an item, oldest first. */
    List<Revision> of(long nodeId) {
        return jdbc.sql("""
                select revision, changed_at, changed_by, reason, snapshot from plan_node_revision
                where node_id = :node order by revision""")
                .param("node", nodeId)
                .query(Stored.class).list().stream()
                .map(row -> new Revision(row.revision(), row.changedAt(), row.changedBy(), row.reason(), read(row.snapshot())))
                .toList();
    }

    /** A version as stored, its snapshot still JSON text. */
    private record Stored(int revision, Instant changedAt, String changedBy, String reason, String snapshot) {
    }

    record Revision(int number, Instant changedAt, String changedBy, String reason, Map<String, Object> snapshot) {
    }

    private String write(Map<String, Object> snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String snapshot) {
        try {
            return json.readValue(snapshot, SNAPSHOT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
