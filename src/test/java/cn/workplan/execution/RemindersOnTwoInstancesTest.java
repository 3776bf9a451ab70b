package cn.workplan.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import cn.workplan.account.Role;
import cn.workplan.plan.Numbering;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.SecondInstance;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the application on one database (this test's context and the {@link SecondInstance} beside it,
 * which {@code TwoNodesTest} drives over HTTP) run the reminders at the same moment, two threads each: everybody is
 * reminded once. First through the
 * scheduled method, as on the day itself (ShedLock lets one instance in at a time), then on a day of the test
 * year straight past the lock, where only {@code reminder_sent} stands between the runs.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemindersOnTwoInstancesTest {

    private static final int THREADS_PER_INSTANCE = 2;

    @Autowired
    Reminders here;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    JdbcClient jdbc;

    private Reminders there;

    @BeforeAll
    void startASecondInstance(@Autowired Environment environment) {
        there = SecondInstance.beside(environment).getBean(Reminders.class);
    }

    @Test
    void theScheduledJobOnBothInstancesRemindsEachPersonOnce() throws Exception {
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var people = planWithMissingReports(today.getYear(), today.getDayOfMonth());

        atTheSameMoment(Reminders::remindDueReports);

        assertThat(timesReminded(people)).hasSize(people.size()).containsOnly(1L);
    }

    @Test
    void theRunsOfBothInstancesRemindEachPersonOnceWithoutTheLock() throws Exception {
        var people = planWithMissingReports(TestPlans.YEAR, 25);

        atTheSameMoment(reminders -> reminders.remindDueReports(LocalDate.of(TestPlans.YEAR, 3, 23)));
        atTheSameMoment(reminders -> reminders.remindDueReports(LocalDate.of(TestPlans.YEAR, 3, 24)));

        assertThat(timesReminded(people)).hasSize(people.size()).containsOnly(1L);
        assertThat(jdbc.sql("select count(*) from reminder_sent where user_id in (:people)").param("people", people)
                .query(Long.class).single()).isEqualTo(people.size());
    }

    /** A published plan of the year, due on the day, whose lines have people and no reports; those people. */
    private List<Long> planWithMissingReports(int year, int dueDay) {
        long office = data.office();
        var schools = List.of(data.school(), data.school(), data.school());
        var plan = plans.draft(plans.coordinator(), year, Numbering.CONTINUOUS);
        long chapter = plan.chapter("教育教学");
        plan.item(chapter, ItemSpec.item("深化课程改革。").lead(office).schools(schools.toArray(Long[]::new)));
        plan.item(chapter, ItemSpec.item("推进课后服务。").lead(office).schools(schools.get(0)));
        plan.publish();
        jdbc.sql("update plan set report_due_day = :day where id = :plan").param("day", dueDay).param("plan", plan.id()).update();
        var people = new ArrayList<Long>();
        people.add(data.idOf(data.staffOf(office)));
        people.add(data.idOf(data.staffOf(office)));
        for (long school : schools) {
            people.add(data.idOf(data.user(Role.PRINCIPAL, null, school)));
        }
        return people;
    }

    /** Runs the reminders on both instances, two threads each, all released at once. */
    private void atTheSameMoment(Consumer<Reminders> run) throws Exception {
        var instances = List.of(here, there);
        var start = new CyclicBarrier(instances.size() * THREADS_PER_INSTANCE);
        ExecutorService threads = Executors.newFixedThreadPool(instances.size() * THREADS_PER_INSTANCE);
        try {
            var runs = new ArrayList<Future<?>>();
            for (var instance : instances) {
                for (int i = 0; i < THREADS_PER_INSTANCE; i++) {
                    runs.add(threads.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        run.accept(instance);
                        return null;
                    }));
                }
            }
            for (var done : runs) {
                done.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** How many due-report reminders each person has. */
    private List<Long> timesReminded(List<Long> people) {
        return jdbc.sql("""
                select count(n.id) from app_user u left join notification n on n.user_id = u.id and n.message_key = 'notification.reminder.due'
                where u.id in (:people) group by u.id""")
                .param("people", people).query(Long.class).list();
    }
}
