package cn.workplan.summary;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.workplan.account.CurrentUser;
import cn.workplan.plan.PlanHeader;
import cn.workplan.plan.PlanQueries;
import cn.workplan.plan.PlanStatus;
import cn.workplan.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads drafted reports: a plan's list, one report as stored (its page reads the stored text, never the progress
 * reports: one statement), the newest ones for a leader's home page. Who may not read reports is refused before
 * anything is looked up, so an id tells them nothing.
 */
@Service
@Transactional(readOnly = true)
public class SummaryQueries {

    private static final TypeReference<List<Block>> BLOCKS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final PlanQueries plans;
    private final SummaryPolicy policy;
    private final ObjectMapper json;

    SummaryQueries(JdbcClient jdbc, PlanQueries plans, SummaryPolicy policy, ObjectMapper json) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.policy = policy;
        this.json = json;
    }

    /**
     * A plan and its drafted reports, as its list page shows them.
     *
     * @param writes whether the viewer drafts reports (the general office, administrators)
     */
    public record PlanSummaries(PlanHeader plan, List<SummaryRow> summaries, boolean writes) {

        /** Whether the viewer may draft a report of this plan now: it is published or closed. */
        public boolean mayDraft() {
            return writes && drafts(plan.status());
        }
    }

    /** The plan's drafted reports, newest period first, for whoever reads reports. Two statements. */
    public PlanSummaries list(long planId, CurrentUser user) {
        policy.checkReads(user);
        var plan = plans.header(planId, user);
        var rows = jdbc.sql("""
                select s.id, s.plan_id, p.title as plan_title, s.kind, s.period_start, s.period_end, s.title, s.generated_at, s.edited_at,
                       s.locked_at, lu.display_name as locked_by
                from summary s join plan_view p on p.id = s.plan_id left join person_view lu on lu.id = s.locked_by
                where s.plan_id = :plan order by s.period_end desc, s.period_start desc, s.kind""")
                .param("plan", planId).query(SummaryQueries::row).list();
        return new PlanSummaries(plan, rows, policy.writes(user));
    }

    /** The newest drafted reports of all plans, for a leader's home page; empty for whoever may not read them. One statement. */
    public List<SummaryRow> recent(CurrentUser user, int limit) {
        if (!policy.reads(user)) {
            return List.of();
        }
        return jdbc.sql("""
                select s.id, s.plan_id, p.title as plan_title, s.kind, s.period_start, s.period_end, s.title, s.generated_at, s.edited_at,
                       s.locked_at, lu.display_name as locked_by
                from summary s join plan_view p on p.id = s.plan_id left join person_view lu on lu.id = s.locked_by
                order by coalesce(s.edited_at, s.generated_at) desc, s.id desc limit :limit""")
                .param("limit", limit).query(SummaryQueries::row).list();
    }

    /** One drafted report as stored, with what the viewer may do with it. One statement. */
    public SummaryView summary(long id, CurrentUser user) {
        policy.checkReads(user);
        return jdbc.sql("""
                select s.id, s.plan_id, p.title as plan_title, p.document_number, s.kind, s.period_start, s.period_end, s.title,
                       cast(s.body as text) as body, s.as_of, s.generated_at, gu.display_name as generated_by, s.edited_at,
                       eu.display_name as edited_by, s.locked_at, lu.display_name as locked_by, s.version,
                       (select cast(coalesce(json_agg(json_build_object('userId', r.user_id, 'name', ru.display_name,
                                                  'requestedAt', to_char(r.requested_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                                  'readAt', to_char(r.read_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) order by ru.display_name), '[]') as text)
                        from summary_reading r join person_view ru on ru.id = r.user_id where r.summary_id = s.id) as readings
                from summary s join plan_view p on p.id = s.plan_id join person_view gu on gu.id = s.generated_by
                left join person_view eu on eu.id = s.edited_by left join person_view lu on lu.id = s.locked_by
                where s.id = :id""")
                .param("id", id)
                .query((row, number) -> {
                    boolean locked = row.getObject("locked_at") != null;
                    var readings = readings(row.getString("readings"));
                    boolean toRead = readings.stream().anyMatch(reading -> reading.userId() == user.id() && reading.readAt() == null);
                    return new SummaryView(row.getLong("id"), row.getLong("plan_id"), row.getString("plan_title"),
                            row.getString("document_number"), period(row), row.getString("title"), blocks(row.getString("body")),
                            row.getObject("as_of", LocalDate.class), instant(row, "generated_at"), row.getString("generated_by"),
                            instant(row, "edited_at"), row.getString("edited_by"), instant(row, "locked_at"), row.getString("locked_by"),
                            row.getLong("version"), new SummaryView.Can(!locked && policy.writes(user), locked && policy.unlocks(user),
                                    policy.writes(user), toRead), readings);
                })
                .optional().orElseThrow(() -> new NotFoundException("summary", id));
    }

    private static final TypeReference<List<SummaryView.Reading>> READINGS = new TypeReference<>() {
    };

    /** The leaders asked to read a report, as the page's one statement gives them (JSON). */
    List<SummaryView.Reading> readings(String stored) {
        try {
            return json.readValue(stored, READINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the readings of a drafted report do not read", e);
        }
    }

    /** Reports are drafted for plans being carried out or closed. */
    static boolean drafts(PlanStatus status) {
        return status == PlanStatus.PUBLISHED || status == PlanStatus.CLOSED;
    }

    List<Block> blocks(String body) {
        try {
            return json.readValue(body, BLOCKS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored text of a drafted report does not read", e);
        }
    }

    String json(List<Block> blocks) {
        try {
            return json.writeValueAsString(blocks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SummaryRow row(ResultSet row, int number) throws SQLException {
        return new SummaryRow(row.getLong("id"), row.getLong("plan_id"), row.getString("plan_title"), period(row), row.getString("title"),
                instant(row, "generated_at"), instant(row, "edited_at"), instant(row, "locked_at"), row.getString("locked_by"));
    }

    private static SummaryPeriod period(ResultSet row) throws SQLException {
        return new SummaryPeriod(SummaryKind.valueOf(row.getString("kind")), row.getObject("period_start", LocalDate.class),
                row.getObject("period_end", LocalDate.class));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        var value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
