package cn.workplan.plan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a plan keeps how its lines report (填报设置): the cycle and the day the period's report is due, columns of the
 * plan's own row. The execution module reads them through {@code plan_view}, decides who may change them and when
 * (its {@code ReportingSettings}), and writes them here, in its transaction: the plan's row is the plan's to lock and
 * to change. The cycle is execution's word ({@code MONTHLY}, {@code QUARTERLY}), kept as given; the table's check
 * refuses any other.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PlanReporting {

    private final JdbcClient jdbc;

    PlanReporting(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the plan's row until the caller's transaction ends; {@code false} when there is no such plan. */
    public boolean lock(long planId) {
        return jdbc.sql("select 1 from plan where id = :plan for update").param("plan", planId).query(Integer.class).optional()
                .isPresent();
    }

    /** Sets how the plan's lines report; the caller has checked the values and locked the row. */
    public void set(long planId, String cycle, int dueDay) {
        jdbc.sql("update plan set report_cycle = :cycle, report_due_day = :day, updated_at = now() where id = :plan")
                .param("cycle", cycle).param("day", dueDay).param("plan", planId).update();
    }
}
