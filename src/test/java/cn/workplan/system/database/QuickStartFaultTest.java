package cn.workplan.system.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import cn.workplan.WorkplanApplication;
import cn.workplan.account.Role;
import cn.workplan.plan.Numbering;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;
import cn.workplan.support.Tiers;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Done when" of issue #12: the application in quick-start mode (its own PostgreSQL in a temporary data directory, on
 * a port of its own) while twenty principals save their reports over HTTP, and the database's postmaster killed with
 * {@code kill -9} in the middle, right after a save was acknowledged, together with every process of the server. Afterwards every save that was acknowledged (302) is in the database; while the
 * database was down the answers were 503, fast (the pool gives up after 3 s), never 500 and never "wrong password";
 * once the supervisor has it back, the application serves again within 10 s, without a restart.
 * <p>
 * The supervisor waits {@value #RESTART_DELAY_SECONDS} s before restarting, so that requests made while the database
 * is down are certain to see it down.
 */
@Tag(Tiers.INTEGRATION)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickStartFaultTest {

    private static final int PRINCIPALS = 20;
    private static final int RESTART_DELAY_SECONDS = 6;
    private static final String UNAVAILABLE = "服务暂时不可用，请稍后再试";

    @TempDir
    static Path temp;

    private ConfigurableApplicationContext app;
    private QuickStartServer server;
    private String base;
    private JdbcClient jdbc;
    private final Map<String, Long> lines = new LinkedHashMap<>();
    private volatile CountDownLatch nextAcknowledgement = new CountDownLatch(1);
    private String office;
    private String period;

    @BeforeAll
    void startTheQuickStart() {
        // as arguments: they outrank application.yml, as they would on the command line
        app = new SpringApplicationBuilder(WorkplanApplication.class, TestData.class, TestPlans.class)
                .run("--workplan.embedded-database.enabled=true",
                        "--workplan.embedded-database.data-directory=" + temp.resolve("postgres"),
                        "--workplan.embedded-database.restart-delay=" + RESTART_DELAY_SECONDS + "s",
                        "--workplan.demo-data.enabled=false",
                        "--server.port=0");
        server = app.getBean(QuickStartServer.class);
        jdbc = app.getBean(JdbcClient.class);
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");

        var data = app.getBean(TestData.class);
        var plans = app.getBean(TestPlans.class);
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        period = today.toString().substring(0, 7);
        long lead = data.office();
        office = data.staffOf(lead);
        var principals = new LinkedHashMap<String, Long>();
        for (int i = 0; i < PRINCIPALS; i++) {
            long school = data.school();
            principals.put(data.user(Role.PRINCIPAL, null, school), school);
        }
        var plan = plans.draft(plans.coordinator(), today.getYear(), Numbering.CONTINUOUS);
        plan.item(plan.chapter("教育教学"), ItemSpec.item("推进课后服务全覆盖。").lead(lead).schools(principals.values().toArray(Long[]::new)));
        plan.publish();
        principals.forEach((login, school) -> lines.put(login, jdbc.sql("select id from assignment where plan_id = :plan and school_id = :school")
                .param("plan", plan.id()).param("school", school).query(Long.class).single()));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aKilledDatabaseLosesNoAcknowledgedSaveAndTheApplicationServesAgainWithoutARestart() throws Exception {
        var answers = new ConcurrentLinkedQueue<Answer>();
        var stop = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(PRINCIPALS + 3);
        try {
            var principals = new ArrayList<Principal>();
            for (var line : lines.entrySet()) {
                principals.add(new Principal(line.getKey(), line.getValue(), answers));
            }
            var saving = new ArrayList<Future<?>>();
            for (var principal : principals) {
                saving.add(threads.submit(() -> principal.saveUntil(stop)));
            }
            var reader = new Principal(office, null, answers);
            reader.logIn();
            await().atMost(Duration.ofMinutes(2)).until(() -> principals.stream().allMatch(p -> p.acknowledged >= 2));
            // the hardest moment for durability: right after a save was acknowledged, while the others are under way
            var acknowledgement = new CountDownLatch(1);
            nextAcknowledgement = acknowledgement;
            assertThat(acknowledgement.await(1, TimeUnit.MINUTES)).isTrue();

            // the login form is opened before: with sessions in the database, the form itself cannot be shown while it is down
            var loggingIn = new Principal(office, null, answers);
            var loginToken = loggingIn.loginForm();

            long pid = server.postmasterPid().orElseThrow();
            long killed = System.nanoTime();
            // kill -9 of the postmaster and, at once, of every process of the server: no process is left to write
            // what was in memory, as when the machine loses power
            var postmaster = ProcessHandle.of(pid).orElseThrow();
            var processes = postmaster.descendants().toList();
            postmaster.destroyForcibly();
            processes.forEach(ProcessHandle::destroyForcibly);

            // while it is down: a page, a login with the right password, the API
            var page = threads.submit(() -> reader.timed("GET /reports", reader.get("/reports")));
            var login = threads.submit(() -> loggingIn.submitLogin(loginToken));
            var api = threads.submit(() -> reader.timed("GET /api/me", reader.api("/api/me")));

            long back = awaitTheDatabase();
            assertThat(Duration.ofNanos(back - killed)).as("the supervisor's restart delay kept it down")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(RESTART_DELAY_SECONDS));

            var pageAnswer = page.get(1, TimeUnit.MINUTES);
            assertThat(pageAnswer.status()).isEqualTo(503);
            assertThat(pageAnswer.body()).contains(UNAVAILABLE);
            assertThat(pageAnswer.end()).as("answered while the database was down").isLessThan(back);
            assertThat(Duration.ofNanos(pageAnswer.end() - pageAnswer.start())).as("the pool fails fast").isLessThan(Duration.ofSeconds(6));
            var loginAnswer = login.get(1, TimeUnit.MINUTES);
            assertThat(loginAnswer.status()).as("a right password is not 'wrong' while the database is down: %s", loginAnswer).isEqualTo(503);
            assertThat(loginAnswer.body()).contains(UNAVAILABLE);
            assertThat(loginAnswer.end()).isLessThan(back);
            var apiAnswer = api.get(1, TimeUnit.MINUTES);
            assertThat(apiAnswer.status()).isEqualTo(503);
            assertThat(apiAnswer.contentType()).startsWith("application/problem+json");
            assertThat(apiAnswer.body()).contains("\"status\":503").contains(UNAVAILABLE);
            assertThat(apiAnswer.end()).isLessThan(back);

            // served again, by the same application, within 10 s of the database
            await().atMost(Duration.ofMinutes(1)).until(() -> principals.stream().allMatch(p -> p.lastAcknowledged > back));
            for (var principal : principals) {
                assertThat(Duration.ofNanos(principal.firstAcknowledgedAfter(back) - back)).as("%s served again", principal.login)
                        .isLessThan(Duration.ofSeconds(10));
            }
            stop.set(true);
            for (var done : saving) {
                done.get(1, TimeUnit.MINUTES);
            }

            for (var principal : principals) {
                var stored = jdbc.sql("select narrative from progress_report where assignment_id = :line")
                        .param("line", principal.line).query(String.class).single();
                assertThat(savedNumber(stored)).as("%s: acknowledged save %d is in the database (stored: %s)", principal.login,
                        principal.acknowledged, stored).isGreaterThanOrEqualTo(principal.acknowledged)
                        .isLessThanOrEqualTo(principal.attempted);
            }
            var failures = answers.stream().filter(answer -> answer.status() != 200 && answer.status() != 302).toList();
            assertThat(failures).as("errors while the database was down").isNotEmpty();
            assertThat(failures).as("every error a 503 while the database was down (killed at %d, back at %d)", killed, back)
                    .allSatisfy(answer -> {
                        assertThat(answer.status()).isEqualTo(503);
                        assertThat(answer.end()).isGreaterThan(killed);
                        assertThat(answer.start()).isLessThan(back + Duration.ofSeconds(1).toNanos());
                    });
            assertThat(answers).as("no 302 leads anywhere but the report (no login page)")
                    .filteredOn(answer -> answer.status() == 302)
                    .allSatisfy(answer -> assertThat(answer.location()).doesNotContain("/login"));
        } finally {
            stop.set(true);
            threads.shutdownNow();
        }
    }

    /** Polls the quick-start server until it answers; returns the moment it did. */
    private long awaitTheDatabase() {
        var back = new long[1];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (var connection = server.connect("postgres"); var statement = connection.createStatement()) {
                statement.execute("select 1");
                back[0] = System.nanoTime();
                return true;
            } catch (java.sql.SQLException e) {
                return false;
            }
        });
        return back[0];
    }

    private static int savedNumber(String narrative) {
        return Integer.parseInt(narrative.substring(narrative.lastIndexOf('#') + 1));
    }

    record Answer(String request, int status, long start, long end, String location, String contentType, String body) {

        @Override
        public String toString() {
            return request + " → " + status + (location.isEmpty() ? "" : " " + location);
        }
    }

    /** One person at a browser: a cookie jar, their CSRF token, and the reports they saved. */
    private final class Principal {

        final String login;
        final Long line;
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        final ConcurrentLinkedQueue<Answer> answers;
        volatile int attempted;
        volatile int acknowledged;
        volatile long lastAcknowledged;
        final List<Long> acknowledgedAt = new java.util.concurrent.CopyOnWriteArrayList<>();

        Principal(String login, Long line, ConcurrentLinkedQueue<Answer> answers) {
            this.login = login;
            this.line = line;
            this.answers = answers;
        }

        void logIn() throws IOException, InterruptedException {
            var answer = tryLogIn();
            assertThat(answer.status()).as("login of %s", login).isEqualTo(302);
            assertThat(answer.location()).doesNotContain("/login");
        }

        Answer tryLogIn() throws IOException, InterruptedException {
            return submitLogin(loginForm());
        }

        /** Opens the login page; returns its CSRF token. */
        String loginForm() throws IOException, InterruptedException {
            return Jsoup.parse(get("/login").body()).selectFirst("input[name=_csrf]").attr("value");
        }

        Answer submitLogin(String csrf) throws IOException, InterruptedException {
            return timed("POST /login", post("/login", Map.of("username", login, "password", TestData.PASSWORD, "_csrf", csrf)));
        }

        /**
         * Logs in, then opens the report form and saves it as a draft, again and again: each save's narrative carries
         * its number.
         */
        Void saveUntil(AtomicBoolean stop) throws Exception {
            logIn();
            var report = "/lines/" + line + "/reports/" + period;
            while (!stop.get()) {
                var form = record("GET report", get(report));
                if (form.status() != 200) {
                    Thread.sleep(50); // a person would not click faster either
                    continue;
                }
                var page = Jsoup.parse(form.body());
                int number = attempted + 1;
                attempted = number;
                var saved = record("POST report", post(report, Map.of(
                        "_csrf", page.selectFirst("form input[name=_csrf]").attr("value"),
                        "version", page.selectFirst("input#version").attr("value"),
                        "progress", "IN_PROGRESS",
                        "percent", Integer.toString(number % 100),
                        "narrative", login + " 第" + number + "次保存 #" + number,
                        "action", "draft")));
                if (saved.status() == 302 && saved.location().contains(report)) {
                    acknowledged = number;
                    nextAcknowledgement.countDown();
                    lastAcknowledged = saved.end();
                    acknowledgedAt.add(saved.end());
                }
            }
            return null;
        }

        long firstAcknowledgedAfter(long moment) {
            return acknowledgedAt.stream().filter(at -> at > moment).findFirst().orElseThrow();
        }

        Answer record(String request, Answer answer) {
            var named = new Answer(request, answer.status(), answer.start(), answer.end(), answer.location(), answer.contentType(), answer.body());
            answers.add(named);
            return named;
        }

        Answer timed(String request, Answer answer) {
            return new Answer(request, answer.status(), answer.start(), answer.end(), answer.location(), answer.contentType(), answer.body());
        }

        Answer get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        /** A call of the API as a script makes it: HTTP Basic, no session (the request leaves this person's cookies out). */
        Answer api(String path) throws IOException, InterruptedException {
            var credentials = Base64.getEncoder().encodeToString((login + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8));
            var script = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            long start = System.nanoTime();
            var response = script.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + credentials)
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer("GET " + path, response.statusCode(), start, System.nanoTime(), "",
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        }

        Answer post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            var body = fields.entrySet().stream()
                    .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
            long start = System.nanoTime();
            var response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer("", response.statusCode(), start, System.nanoTime(), response.headers().firstValue("Location").orElse(""),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        }
    }
}
