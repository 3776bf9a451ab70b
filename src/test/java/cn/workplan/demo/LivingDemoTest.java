package cn.workplan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.workplan.account.CurrentUser;
import cn.workplan.dashboard.Dashboard;
import cn.workplan.dashboard.DashboardQueries;
import cn.workplan.plan.PlanService;
import cn.workplan.support.DemoCountyTest;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;
import cn.workplan.todo.ToDoKind;
import cn.workplan.todo.ToDoQueries;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The living demo (issue #14): opened on a fresh quick start, whatever the day, the leaders' dashboard shows the demo
 * county's current period with a reporting rate between 0 and 100 %, and items of every light the calendar allows —
 * on schedule, behind, overdue (from February on: nothing can be overdue in a plan's first January) and not started
 * (until October: no item of this year's plan can still be to start in its last quarter, see StatusLights); every home
 * page has something to do; nothing happened in the future. The demo loaded at this context's start is today's; the
 * county is loaded again on days through the year, each into a year of its own.
 */
@DemoCountyTest
@Import({TestPlans.class, TestData.class, TestClock.Configuration.class})
class LivingDemoTest {

    @Autowired
    DemoDataLoader loader;
    @Autowired
    DashboardQueries dashboards;
    @Autowired
    ToDoQueries toDos;
    @Autowired
    PlanService plans;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theFreshQuickStartShowsTheCountyAtWorkToday() {
        var today = LocalDate.now(clock);
        long planId = jdbc.sql("select id from plan where document_number = :number").param("number", DemoPlan.documentNumber(today.getYear()))
                .query(Long.class).single();
        atWork(planId, today);
        var now = Instant.now();
        for (var column : new String[] {"submitted_at", "reviewed_at", "created_at", "updated_at"}) {
            var latest = jdbc.sql("select max(" + column + ") from progress_report where plan_id = :plan").param("plan", planId)
                    .query(OffsetDateTime.class).single();
            assertThat(latest.toInstant()).as("the latest %s", column).isBefore(now);
        }
        assertThat(jdbc.sql("select max(e.occurred_at) from progress_report_event e join progress_report r on r.id = e.report_id where r.plan_id = :plan")
                .param("plan", planId).query(OffsetDateTime.class).single().toInstant()).isBefore(now);
        // reports on time, late and missing; some returned, some waiting for review
        var states = jdbc.sql("select count(*) filter (where state = 'RETURNED'), count(*) filter (where state = 'SUBMITTED') from progress_report where plan_id = :plan")
                .param("plan", planId).query((row, number) -> new int[] {row.getInt(1), row.getInt(2)}).single();
        assertThat(states[0]).as("returned").isPositive();
        assertThat(states[1]).as("waiting for review").isPositive();

        // every home page has something to do
        assertThat(toDos.of(person("director")).entries()).isNotEmpty();
        assertThat(toDos.of(person("office")).entries()).isNotEmpty();
        assertThat(toDos.of(person("jijiao")).of(ToDoKind.REPORT_REVIEW)).isNotEmpty();
        assertThat(toDos.of(person("jijiao")).of(ToDoKind.EXTENSION_DECIDE)).isNotEmpty();
        assertThat(toDos.of(person("principal")).of(ToDoKind.NOTICE_ACKNOWLEDGE)).isNotEmpty();
        assertThat(toDos.of(person("principal")).of(ToDoKind.REPORT_DUE)).as("the README's journey: this month still to write").isNotEmpty();
        assertThat(toDos.of(person("inspector")).of(ToDoKind.EVIDENCE_VERIFY)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2031-02-20", "2032-05-03", "2033-09-28", "2034-12-07"})
    void theCountyIsAtWorkWhateverTheDay(String day) {
        var today = LocalDate.parse(day);
        clock.today(today);
        long planId = loader.livingPlan(today);
        try {
            atWork(planId, today);
        } finally {
            // out of the other tests' way
            plans.close(planId, person("office"));
        }
    }

    private void atWork(long planId, LocalDate today) {
        var dashboard = dashboards.leaders(planId, null, null, person("director"));
        var tiles = dashboard.tiles();
        assertThat(dashboard.period().start()).as("the current period").isEqualTo(today.withDayOfMonth(1));
        assertThat(tiles.items()).isEqualTo(20);
        assertThat(tiles.reported()).as("reported this period").isPositive().isLessThan(tiles.lines());
        assertThat(tiles.reportingRate()).isStrictlyBetween(0, 100);
        assertThat(tiles.onSchedule()).as("green").isPositive();
        assertThat(tiles.behind()).as("yellow").isPositive();
        if (today.getMonthValue() > 1) {
            assertThat(tiles.overdue()).as("red").isPositive();
        }
        if (today.getMonthValue() < 10) {
            assertThat(tiles.notStarted()).as("grey").isPositive();
        }
        assertThat(tiles.openNotices()).isPositive();
        assertThat(dashboard.months()).extracting(Dashboard.Month::sent).anyMatch(sent -> sent > 0);
    }

    private CurrentUser person(String login) {
        return (CurrentUser) users.loadUserByUsername(login);
    }
}
