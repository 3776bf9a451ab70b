package cn.workplan.execution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspectors' worklist (佐证核验): the evidence files of the plans being carried out, newest first, by
 * how they were checked. Inspectors, leaders and administrators see it; one statement.
 */
@Service
@Transactional(readOnly = true)
public class EvidenceChecks {

    /** How many files one page lists. */
    static final int LIMIT = 100;
    private static final Set<String> VERDICTS = Set.of("UNCHECKED", "VERIFIED", "QUESTIONED");

    private final JdbcClient jdbc;

    EvidenceChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One file with where it comes from. */
    public record Row(long evidenceId, String fileName, String contentType, Instant uploadedAt, String verification, long lineId,
            String party, String headline, ReportingPeriod period) {

        public boolean isImage() {
            return contentType.startsWith("image/") && !"image/heic".equals(contentType);
        }
    }

    /** The newest files in the given state (all states when it is none of them). */
    public List<Row> list(String verification, CurrentUser user) {
        if (!user.is(Role.INSPECTOR) && !user.is(Role.LEADER) && !user.is(Role.ADMIN)) {
            throw new AccessDeniedException("not allowed: the evidence worklist");
        }
        var state = VERDICTS.contains(verification) ? verification : null;
        return jdbc.sql("""
                select e.id as evidence_id, e.file_name, e.content_type, e.uploaded_at, e.verification, a.id as line_id,
                       coalesce(o.name, s.name) as party, n.headline, p.report_cycle, r.period_start
                from evidence e join progress_report r on r.id = e.report_id join assignment a on a.id = r.assignment_id
                join plan_node_view n on n.id = r.item_id join plan_view p on p.id = r.plan_id
                left join office_view o on o.id = a.office_id left join school_view s on s.id = a.school_id
                where p.in_force and (cast(:state as varchar) is null or e.verification = :state)
                order by e.uploaded_at desc, e.id desc limit :limit""")
                .param("state", state, java.sql.Types.VARCHAR).param("limit", LIMIT)
                .query(FileRow.class).list().stream()
                .map(row -> new Row(row.evidenceId(), row.fileName(), row.contentType(), row.uploadedAt().toInstant(), row.verification(),
                        row.lineId(), row.party(), row.headline(),
                        new ReportingPeriod(ReportCycle.valueOf(row.reportCycle()), row.periodStart())))
                .toList();
    }

    private record FileRow(long evidenceId, String fileName, String contentType, OffsetDateTime uploadedAt, String verification,
            long lineId, String party, String headline, String reportCycle, LocalDate periodStart) {
    }
}
