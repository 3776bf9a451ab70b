package cn.workplan.execution;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps where each line stands on the line itself: its latest sent or approved report (period, percent, done)
 * and its latest approved percent; and the target values of that latest report ({@code line_target_value}). Dashboards read these columns instead of looking up every line's reports.
 * Recomputed from the reports, never adjusted by a difference, in the transaction that changes a report's
 * state; the line's row is locked first, so two reports of one line changing at once cannot leave a stale
 * standing. (A lock that leaves the key alone, so reports being added to the line at the same time do not
 * deadlock with it.)
 */
@Component
public class LineStandings {

    private static final String REFRESH = """
            update assignment a set
                reported_period = latest.period_start, reported_percent = latest.percent,
                reported_done = coalesce(latest.progress = 'DONE', false), approved_percent = approved.percent
            from assignment l
            left join lateral (select x.period_start, x.percent, x.progress from progress_report x
                               where x.assignment_id = l.id and x.state in ('SUBMITTED', 'APPROVED')
                               order by x.period_start desc limit 1) latest on true
            left join lateral (select x.percent from progress_report x
                               where x.assignment_id = l.id and x.state = 'APPROVED'
                               order by x.period_start desc limit 1) approved on true
            where a.id = l.id and %s""";

    /** The latest target values of the lines that {@code %s} selects (as {@code l}), from their latest counted report. */
    private static final String VALUES = """
            insert into line_target_value (assignment_id, target_id, plan_id, kind, school_id, actual)
            select l.id, v.target_id, l.plan_id, l.kind, l.school_id, v.actual
            from assignment l
            join progress_report r on r.assignment_id = l.id and r.period_start = l.reported_period
            join progress_report_value v on v.report_id = r.id
            where %s""";

    private final JdbcClient jdbc;

    LineStandings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** After a report of the line was sent, approved or returned. */
    @Transactional(propagation = Propagation.MANDATORY)
    void refresh(long lineId) {
        jdbc.sql("select id from assignment where id = :line for no key update").param("line", lineId).query(Long.class).optional();
        jdbc.sql(REFRESH.formatted("l.id = :line")).param("line", lineId).update();
        jdbc.sql("delete from line_target_value where assignment_id = :line").param("line", lineId).update();
        jdbc.sql(VALUES.formatted("l.id = :line")).param("line", lineId).update();
    }

    /** Every line of a plan at once, after its reports were written in bulk (the data generator). */
    @Transactional
    public int refreshPlan(long planId) {
        int lines = jdbc.sql(REFRESH.formatted("l.plan_id = :plan")).param("plan", planId).update();
        jdbc.sql("delete from line_target_value where plan_id = :plan").param("plan", planId).update();
        jdbc.sql(VALUES.formatted("l.plan_id = :plan")).param("plan", planId).update();
        return lines;
    }
}
