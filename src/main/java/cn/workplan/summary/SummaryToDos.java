package cn.workplan.summary;

import java.sql.Array;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.execution.ReportCycle;
import cn.workplan.todo.ToDo;
import cn.workplan.todo.ToDoKind;
import cn.workplan.todo.ToDoSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What drafted reports have waiting: for a leader the reports the general office sent them to read; for the general office
 * the report of each plan's period that has just closed (the last month or quarter of its cycle, the first half year once
 * June is over, the year once it is over) while it is not drafted. One statement each.
 */
@Component
class SummaryToDos implements ToDoSource {

    private final JdbcClient jdbc;
    private final SummaryPolicy policy;
    private final Clock clock;

    SummaryToDos(JdbcClient jdbc, SummaryPolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public List<ToDo> toDos(CurrentUser user, LocalDate today) {
        if (user.is(Role.LEADER)) {
            return jdbc.sql("""
                    select s.id, s.title, r.requested_at, u.display_name from summary_reading r join summary s on s.id = r.summary_id
                    join person_view u on u.id = r.requested_by where r.user_id = :user and r.read_at is null""")
                    .param("user", user.id())
                    .query((row, number) -> ToDo.of(ToDoKind.SUMMARY_READ, List.of(row.getString("title")), "/summaries/" + row.getLong("id"),
                            null, row.getObject("requested_at", OffsetDateTime.class).toInstant(), row.getString("display_name")))
                    .list();
        }
        if (user.is(Role.OFFICE_STAFF) && policy.writes(user)) {
            var entries = new ArrayList<ToDo>();
            jdbc.sql("""
                    select p.id, p.title, p.year, p.report_cycle,
                           array(select s.kind || ':' || s.period_start from summary s where s.plan_id = p.id) as drafted
                    from plan_view p where p.in_force and p.year <= :year""")
                    .param("year", today.getYear())
                    .query((row, number) -> {
                        var drafted = drafted(row.getArray("drafted"));
                        for (var period : closed(row.getInt("year"), ReportCycle.valueOf(row.getString("report_cycle")), today)) {
                            if (!drafted.contains(period.kind().name() + ":" + period.start())) {
                                entries.add(toDo(row.getLong("id"), row.getString("title"), period));
                            }
                        }
                        return null;
                    })
                    .list();
            return entries;
        }
        return List.of();
    }

    /** The periods of the plan's year that closed last: of its cycle, the half year, the year; each once over. */
    static List<SummaryPeriod> closed(int year, ReportCycle cycle, LocalDate today) {
        var periods = new ArrayList<SummaryPeriod>();
        var yearEnd = LocalDate.of(year, 12, 31);
        if (!today.isAfter(LocalDate.of(year, 1, 31)) && cycle == ReportCycle.MONTHLY || !today.isAfter(LocalDate.of(year, 3, 31))
                && cycle == ReportCycle.QUARTERLY) {
            // nothing of the cycle has closed yet
        } else {
            var last = today.isAfter(yearEnd) ? yearEnd : today.withDayOfMonth(1).minusDays(1);
            if (cycle == ReportCycle.MONTHLY) {
                periods.add(SummaryKind.MONTHLY.period(year, last.getMonthValue()));
            } else {
                int quarter = (last.getMonthValue() - 1) / 3 + 1;
                var period = SummaryKind.QUARTERLY.period(year, quarter);
                periods.add(period.end().isAfter(last) ? SummaryKind.QUARTERLY.period(year, quarter - 1) : period);
            }
        }
        if (today.isAfter(LocalDate.of(year, 6, 30)) && !today.isAfter(yearEnd)) {
            periods.add(SummaryKind.MID_YEAR.period(year, null));
        }
        if (today.isAfter(yearEnd)) {
            periods.add(SummaryKind.YEAR_END.period(year, null));
        }
        return periods;
    }

    private ToDo toDo(long planId, String title, SummaryPeriod period) {
        var link = "/plans/" + planId + "/summaries/new?kind=" + period.kind().name()
                + (period.kind() == SummaryKind.MONTHLY ? "&month=" + period.number()
                        : period.kind() == SummaryKind.QUARTERLY ? "&quarter=" + period.number() : "");
        var since = period.end().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        var when = ToDo.message(period.messageKey(), period.year(), period.number());
        return ToDo.of(ToDoKind.SUMMARY_DRAFT, List.of(title, ToDo.message(period.kind().messageKey()), when), link, null, since, null);
    }

    private static Set<String> drafted(Array array) throws java.sql.SQLException {
        return new HashSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
