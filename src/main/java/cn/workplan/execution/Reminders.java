package cn.workplan.execution;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditTrail;
import cn.workplan.notification.Notifications;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the people who have not reported (催办), before each period's report is due. For every plan being
 * carried out (published, of this year), once its current period's report is due within
 * {@code workplan.reminders.days-before} days (the due day included), every active person answering for an open
 * line (its item not signed off) without a sent or approved report for the period is told how many of their lines
 * are missing, with a link to their reporting page: a school's principals for its lines, an office's staff for the
 * office's lines (leading or cooperating).
 *
 * <p>Once per plan, period and person: {@code reminder_sent} has that as its key, and a reminder is sent only to
 * whom this run inserted there, in the transaction that stores the notifications. Running the job again, or on two
 * application instances at the same moment, reminds nobody twice: the second insert of a row waits for the first
 * transaction and then does nothing. ShedLock ({@code report-reminders}) keeps the instances from even trying at
 * once. Two statements per plan due, whatever its size.
 */
@Component
public class Reminders {

    static final String DUE_MESSAGE = "notification.reminder.due";
    static final String REPORTS_PAGE = "/reports";

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final ReminderProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    Reminders(JdbcClient jdbc, Notifications notifications, ReminderProperties properties, Clock clock,
            PlatformTransactionManager transactionManager, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    private record PlanRow(long id, String title, String reportCycle, int reportDueDay) {
    }

    private record DuePlan(long id, String title, ReportingPeriod period, LocalDate dueOn) {
    }

    private record Missing(long userId, int lines) {
    }

    /** The day's run: every morning at {@code workplan.reminders.cron}, on one instance at a time. */
    @Scheduled(cron = "${workplan.reminders.cron:0 0 8 * * *}", zone = "${workplan.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "report-reminders")
    public void remindDueReports() {
        remindDueReports(LocalDate.now(clock));
    }

    /**
     * Reminds of the reports due within the days before, as on the given day; each plan in a transaction of its own.
     *
     * @return how many people were reminded
     */
    public int remindDueReports(LocalDate today) {
        var due = jdbc.sql("""
                select id, title, report_cycle, report_due_day from plan_view
                where in_force and year = :year order by id""")
                .param("year", today.getYear())
                .query(PlanRow.class)
                .list().stream()
                .map(plan -> {
                    var period = ReportCycle.valueOf(plan.reportCycle()).periodOf(today);
                    return new DuePlan(plan.id(), plan.title(), period, period.dueOn(plan.reportDueDay()));
                })
                .filter(plan -> !plan.dueOn().isBefore(today) && ChronoUnit.DAYS.between(today, plan.dueOn()) <= properties.daysBefore())
                .toList();
        int reminded = 0;
        for (var plan : due) {
            try {
                reminded += transactions.execute(status -> remind(plan));
            } catch (RuntimeException e) {
                log.error("Reminders of plan #{} for the period from {} failed", plan.id(), plan.period().start(), e);
            }
        }
        if (!due.isEmpty()) {
            log.info("Reminders of {}: {} people reminded in {} plan(s) due by {}", today, reminded, due.size(),
                    today.plusDays(properties.daysBefore()));
        }
        return reminded;
    }

    private int remind(DuePlan plan) {
        var missing = LinePeople.roles(jdbc.sql("""
                with missing as (
                    select a.kind, a.office_id, a.school_id from assignment a join plan_node_view n on n.id = a.item_id
                    where a.plan_id = :plan and n.completed_at is null
                      and not exists (select 1 from progress_report r where r.assignment_id = a.id and r.period_start = :period
                                      and r.state in ('SUBMITTED', 'APPROVED'))
                ), counted as (
                    select u.id as user_id, count(*) as lines from missing a %s
                    group by u.id
                ), fresh as (
                    insert into reminder_sent (plan_id, period_start, user_id)
                    select :plan, :period, user_id from counted
                    on conflict do nothing
                    returning user_id
                )
                select c.user_id, c.lines from counted c join fresh f on f.user_id = c.user_id order by c.user_id"""
                .formatted(LinePeople.JOIN)))
                .param("plan", plan.id()).param("period", plan.period().start())
                .query(Missing.class)
                .list();
        var period = Notifications.message(plan.period().messageKey(), plan.period().start().getYear(), plan.period().number());
        int sent = notifications.send(missing.stream()
                .map(person -> new Notifications.Note(person.userId(), DUE_MESSAGE,
                        List.of(plan.title(), person.lines(), period, plan.dueOn()), REPORTS_PAGE))
                .toList());
        if (sent > 0) {
            audit.record(AuditAction.REMIND, "PLAN", plan.id(), plan.title(), Map.of(),
                    Map.of("period", plan.period().start(), "recipients", sent));
        }
        log.info("Plan #{}: {} people reminded of their reports for the period from {}, due {}", plan.id(), sent,
                plan.period().start(), plan.dueOn());
        return sent;
    }
}
