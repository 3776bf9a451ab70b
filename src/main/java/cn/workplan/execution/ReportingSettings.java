package cn.workplan.execution;

import java.util.Map;

import cn.workplan.account.CurrentUser;
import cn.workplan.audit.AuditTrail;
import cn.workplan.plan.PlanPermissions;
import cn.workplan.plan.PlanReporting;
import cn.workplan.plan.PlanStatus;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a plan's lines report (填报设置): monthly or quarterly, and the day of the period's last month the report
 * is due. Set by the general office and administrators, on any plan not yet closed. The cycle is fixed once
 * the first report of the plan exists (its periods would no longer fit); the due day may change at any time.
 */
@Service
@Transactional
public class ReportingSettings {

    private static final Logger log = LoggerFactory.getLogger(ReportingSettings.class);

    private final JdbcClient jdbc;
    private final PlanReporting plans;
    private final AuditTrail audit;

    ReportingSettings(JdbcClient jdbc, PlanReporting plans, AuditTrail audit) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.audit = audit;
    }

    /**
     * A plan's reporting settings.
     *
     * @param reported whether any line has a report already (the cycle can no longer change)
     */
    public record Settings(long planId, String title, String status, ReportCycle cycle, int dueDay, boolean reported) {
    }

    @Transactional(readOnly = true)
    public Settings of(long planId, CurrentUser user) {
        check(user);
        return jdbc.sql("""
                select p.id as plan_id, p.title, p.status, p.report_cycle as cycle, p.report_due_day as due_day,
                       exists (select 1 from progress_report r where r.plan_id = p.id) as reported
                from plan_view p where p.id = :plan""")
                .param("plan", planId)
                .query(Settings.class)
                .optional().orElseThrow(() -> new NotFoundException("plan", planId));
    }

    public void update(long planId, ReportCycle cycle, int dueDay, CurrentUser user) {
        if (!plans.lock(planId)) {
            throw new NotFoundException("plan", planId);
        }
        var current = of(planId, user);
        if (PlanStatus.CLOSED.name().equals(current.status())) {
            throw new InvalidInputException("cycle", "reporting.error.closed");
        }
        if (cycle != current.cycle() && current.reported()) {
            throw new InvalidInputException("cycle", "reporting.error.cycleFixed");
        }
        if (dueDay < 1 || dueDay > 31) {
            throw new InvalidInputException("dueDay", "reporting.error.dueDay");
        }
        plans.set(planId, cycle.name(), dueDay);
        audit.updated("PLAN", planId, current.title(), Map.of("reportCycle", current.cycle().name(), "reportDueDay", current.dueDay()),
                Map.of("reportCycle", cycle.name(), "reportDueDay", dueDay));
        log.info("{} set plan #{} to report {} by day {}", user.getUsername(), planId, cycle, dueDay);
    }

    /** The general office and administrators arrange the plans, and so set how they report. */
    private static void check(CurrentUser user) {
        if (!PlanPermissions.arranges(user)) {
            throw new AccessDeniedException("not allowed: set how a plan reports");
        }
    }
}
