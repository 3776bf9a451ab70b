package cn.workplan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.support.BackgroundThreads;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.RobotServer;
import cn.workplan.support.SecondInstance;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox: messages are written with the notification and sent after the commit, so a group robot that is down loses
 * nothing — every message arrives, once, when it is back — and one that hangs slows nobody's page; given up after a
 * day, a message waits for the administrator to send it again; two application instances sending at the same moment
 * send every message once.
 */
@IntegrationTest
class OutboxTest {

    static final RobotServer server = new RobotServer();
    private static final Pattern TASK = Pattern.compile("离线任务\\d+号");

    @Autowired
    Notifications notifications;
    @Autowired
    Deliveries deliveries;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    PlatformTransactionManager transactions;

    private final List<Long> robots = new ArrayList<>();

    @AfterEach
    void removeTheRobots() {
        clock.reset();
        server.healthy();
        server.up();
        if (!robots.isEmpty()) {
            jdbc.sql("delete from notification_robot where id in (:ids)").param("ids", robots).update();
        }
        server.clear();
    }

    @AfterAll
    static void stopTheServer() {
        server.close();
    }

    @Test
    void aRobotDownForHoursGetsEveryMessageOnceWhenItIsBack() {
        var people = principalsWithRobots(2, 2);
        server.down();
        clock.at(Instant.now());
        var sent = new ArrayList<String>();
        for (int i = 1; i <= 8; i++) {
            var task = "离线任务" + i + "号";
            notifications.send(List.of(people.get(i % people.size())), "notification.reminder.line", List.of("刘芳", task), "/items/" + i + "/lines");
            sent.add(task);
        }

        // three hours down: tried again and again, the wait doubling, nothing lost
        for (int round = 0; round < 9; round++) {
            deliveries.deliverDue();
            clock.advance(Duration.ofMinutes(20));
        }
        var waiting = jdbc.sql("select state, attempts, last_error from notification_delivery where robot_id in (:robots)")
                .param("robots", robots).query((row, number) -> row.getString(1) + " " + row.getInt(2) + " " + row.getString(3)).list();
        assertThat(waiting).hasSize(8).allMatch(row -> row.startsWith("PENDING ") && row.contains("ConnectException"));
        assertThat(jdbc.sql("select min(attempts) from notification_delivery where robot_id in (:robots)").param("robots", robots)
                .query(Integer.class).single()).as("tried again while down").isGreaterThan(3);
        assertThat(server.requests()).isEmpty();

        server.up();
        clock.advance(Duration.ofHours(1));
        deliveries.deliverDue();
        clock.advance(Duration.ofHours(1));
        deliveries.deliverDue();

        assertThat(server.requests()).as("one message per robot, all taken").hasSize(2).allMatch(RobotServer.Request::accepted);
        assertThat(tasksReceived()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(jdbc.sql("select distinct state from notification_delivery where robot_id in (:robots)").param("robots", robots)
                .query(String.class).list()).containsExactly("SENT");
    }

    @Test
    void aMessageFailingForADayIsGivenUpUntilTheAdministratorSendsItAgain() {
        var people = principalsWithRobots(1, 1);
        server.failWith(502);
        clock.at(Instant.now());
        notifications.send(people, "notification.reminder.line", List.of("刘芳", "离线任务99号"), null);
        for (int hour = 0; hour <= 25; hour++) {
            deliveries.deliverDue();
            clock.advance(Duration.ofHours(1));
        }
        long id = jdbc.sql("select id from notification_delivery where robot_id = :robot").param("robot", robots.get(0))
                .query(Long.class).single();
        var problem = deliveries.problems(0, java.util.Locale.SIMPLIFIED_CHINESE).getContent().stream()
                .filter(shown -> shown.id() == id).findFirst().orElseThrow();
        assertThat(problem.failed()).isTrue();
        assertThat(problem.lastError()).isEqualTo("HTTP 502: <html><body>502</body></html>");
        assertThat(problem.text()).isEqualTo("【催办】刘芳提醒您抓紧落实“离线任务99号”，并及时报送进度。");
        int tried = server.requests().size();
        clock.advance(Duration.ofHours(2));
        deliveries.deliverDue();
        assertThat(server.requests()).as("given up: not tried again").hasSize(tried);

        server.healthy();
        assertThat(deliveries.retry(id)).isPresent();
        deliveries.deliverDue();
        assertThat(server.accepted()).hasSize(1);
        assertThat(tasksReceived()).containsExactly("离线任务99号");
        assertThat(deliveries.retry(id)).as("sent: nothing to send again").isEmpty();
    }

    @Test
    void aRobotThatHangsSlowsNobodysPage() throws Exception {
        long lead = data.office();
        long school = data.school();
        var plan = plans.draft();
        long item = plan.item(plan.chapter("教育教学"), ItemSpec.item("推进课后服务。").lead(lead).schools(school));
        plan.publish();
        data.user(Role.PRINCIPAL, null, school);
        robot(school);
        long line = jdbc.sql("select id from assignment where item_id = :item and school_id = :school")
                .param("item", item).param("school", school).query(Long.class).single();
        server.slow(Duration.ofSeconds(3));

        long started = System.nanoTime();
        mvc.perform(post("/lines/{line}/remind", line).with(csrf()).with(user(data.login(data.staffOf(lead)))))
                .andExpect(flash().attribute("message", "reminder.sent"));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(millis).as("the 催办 answered before the robot did").isLessThan(2_000);
        await().atMost(Duration.ofSeconds(20)).until(() -> server.accepted().size() == 1);
    }

    @Test
    void twoInstancesSendingAtTheSameMomentSendEveryMessageOnce(@Autowired Environment environment) throws Exception {
        var there = SecondInstance.beside(environment).getBean(Deliveries.class);
        var people = principalsWithRobots(6, 2);
        var sent = new ArrayList<String>();
        // queued but not yet due, so that the wake-up after the commit leaves them to the race below
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 1; i <= 30; i++) {
                var task = "离线任务" + i + "号";
                notifications.send(List.of(people.get(i % people.size())), "notification.reminder.line", List.of("刘芳", task), null);
                sent.add(task);
            }
            jdbc.sql("update notification_delivery set next_attempt_at = now() + interval '1 hour' where robot_id in (:robots)")
                    .param("robots", robots).update();
        });
        jdbc.sql("update notification_delivery set next_attempt_at = now() - interval '1 second' where robot_id in (:robots)")
                .param("robots", robots).update();

        var instances = List.of(deliveries, there, deliveries, there);
        var start = new CyclicBarrier(instances.size());
        var threads = Executors.newFixedThreadPool(instances.size());
        try {
            var runs = new ArrayList<Future<Deliveries.Run>>();
            for (var instance : instances) {
                runs.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return instance.deliverDue();
                }));
            }
            for (var run : runs) {
                run.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        // a sender woken by another test's commit may have claimed some of them meanwhile: its rows count once it is done
        BackgroundThreads.awaitIdle("notification-delivery", Duration.ofSeconds(30));

        assertThat(server.requests()).as("one message per robot").hasSize(6).allMatch(RobotServer.Request::accepted);
        assertThat(tasksReceived()).hasSize(30).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(jdbc.sql("select state, count(*) from notification_delivery where robot_id in (:robots) group by state")
                .param("robots", robots).query((row, number) -> row.getString(1) + " " + row.getLong(2)).list()).containsExactly("SENT 30");
    }

    /** Principals of new schools, each school with a 企业微信 robot on the server. */
    private List<Long> principalsWithRobots(int schools, int principalsEach) {
        var people = new ArrayList<Long>();
        for (int i = 0; i < schools; i++) {
            long school = data.school();
            robot(school);
            for (int j = 0; j < principalsEach; j++) {
                people.add(data.idOf(data.user(Role.PRINCIPAL, null, school)));
            }
        }
        return people;
    }

    private void robot(long school) {
        robots.add(jdbc.sql("""
                insert into notification_robot (scope, school_id, platform, webhook) values ('SCHOOL', :school, 'WECOM', :webhook)
                returning id""").param("school", school).param("webhook", server.wecom(UUID.randomUUID().toString()))
                .query(Long.class).single());
    }

    /** The tasks named in the messages the server took, as often as they came. */
    private static List<String> tasksReceived() {
        var tasks = new ArrayList<String>();
        for (var request : server.accepted()) {
            var matcher = TASK.matcher(request.markdown());
            while (matcher.find()) {
                tasks.add(matcher.group());
            }
        }
        return tasks;
    }
}
