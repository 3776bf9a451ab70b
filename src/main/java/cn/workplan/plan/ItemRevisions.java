package cn.workplan.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps every saved version of a task item, with who saved it and, after publishing, why. */
@Component
class ItemRevisions {

    private static final TypeReference<Map<String, Object>> SNAPSHOT = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ItemRevisions(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void record(PlanNode item, String actor, String reason) {
        jdbc.update("""
                insert into plan_node_revision (node_id, plan_id, revision, changed_by, reason, snapshot)
                values (?, ?, (select coalesce(max(revision), 0) + 1 from plan_node_revision where node_id = ?), ?, ?, ?::jsonb)""",
                item.getId(), item.getPlanId(), item.getId(), actor, reason == null || reason.isBlank() ? null : reason.strip(),
                write(item.snapshot()));
    }

    /** All versions of an item, oldest first. */
    List<Revision> of(long nodeId) {
        return jdbc.query("""
                select revision, changed_at, changed_by, reason, snapshot from plan_node_revision
                where node_id = ? order by revision""",
                (rs, row) -> new Revision(rs.getInt("revision"), rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_by"), rs.getString("reason"), read(rs.getString("snapshot"))),
                nodeId);
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
