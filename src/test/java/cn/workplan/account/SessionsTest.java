package cn.workplan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.SessionCookies;
import cn.workplan.support.SignIn;
import cn.workplan.support.SqlStatements;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Sessions live in the database: the cookie is the one it always was, a login gets a new session id, logging out
 * deletes the session, and a change of what a person may do ends their open sessions at once. Every session here
 * comes from a real login through the form and travels as its cookie.
 */
@IntegrationTest
class SessionsTest {

    private static final Logger log = LoggerFactory.getLogger(SessionsTest.class);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    SignIn signIn;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    long office;
    long otherOffice;
    long school;
    long otherSchool;
    long line;
    String principal;

    @BeforeEach
    void aSchoolWithALineToReportOn() {
        office = data.office();
        otherOffice = data.office();
        school = data.school();
        otherSchool = data.school();
        principal = data.user(Role.PRINCIPAL, null, school);
        var plan = plans.draft();
        long item = plan.item(plan.chapter("教育教学"), ItemSpec.item("推进课后服务。").lead(office).schools(school, otherSchool));
        plan.publish();
        line = jdbc.sql("select id from assignment where item_id = :item and school_id = :school")
                .param("item", item).param("school", school).query(Long.class).single();
        // the plan's year; the accounts above were made at the real time, so a change of password now is later
        clock.today(LocalDate.of(TestPlans.YEAR, 3, 10));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theCookieIsTheOneItWasHttpOnlyLaxAndSecureOverHttps() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string(HttpHeaders.SET_COOKIE, allOf(startsWith(SessionCookies.NAME + "="),
                        containsString("Path=/"), containsString("HttpOnly"), containsString("SameSite=Lax"),
                        not(containsString("Secure")), not(containsString("Max-Age")))));
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string(HttpHeaders.SET_COOKIE, allOf(startsWith(SessionCookies.NAME + "="),
                        containsString("Secure"), containsString("HttpOnly"), containsString("SameSite=Lax"))));
    }

    @Test
    void aLoginGetsANewSessionIdAndLoggingOutDeletesTheSession() throws Exception {
        var before = mvc.perform(get("/login")).andReturn().getResponse().getCookie(SessionCookies.NAME);
        var after = mvc.perform(post("/login").cookie(before).with(csrf()).param("username", principal)
                        .param("password", TestData.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie(SessionCookies.NAME);

        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        page(after).andExpect(status().isOk());
        page(before).andExpect(redirectedUrl("http://localhost/login"));
        assertThat(sessionsOf(principal)).isEqualTo(1);
        assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = :login")
                .param("login", principal).query(Integer.class).single()).as("two hours").isEqualTo(7200);

        mvc.perform(post("/logout").cookie(after).with(csrf())).andExpect(redirectedUrl("/login?logout"));

        assertThat(sessionsOf(principal)).isZero();
        page(after).andExpect(redirectedUrl("http://localhost/login"));
    }

    /** What the administrator changes about the principal. */
    enum Change {
        DEACTIVATED, ROLE, SCHOOL, PASSWORD_RESET
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void aChangeOfAccessEndsEverySessionOfTheAccountAtOnce(Change change) throws Exception {
        var phone = SessionCookies.logIn(mvc, principal);
        var desk = SessionCookies.logIn(mvc, principal);
        page(phone).andExpect(status().isOk());
        api(desk).andExpect(status().isOk());

        change(data.idOf(principal), change);

        assertThat(sessionsOf(principal)).isZero();
        page(phone).andExpect(redirectedUrl("http://localhost/login"));
        api(desk).andExpect(status().isUnauthorized());
        saveReport(desk).andExpect(redirectedUrl("http://localhost/login"));
        assertThat(reports()).as("nothing saved on the school's line").isZero();
    }

    @Test
    void movingOfficeStaffToAnotherOfficeEndsTheirSessions() throws Exception {
        var staff = data.staffOf(office);
        var session = SessionCookies.logIn(mvc, staff);
        var account = accounts.get(data.idOf(staff)).toData();

        update(data.idOf(staff), new UserData(account.username(), "", account.displayName(), Role.OFFICE_STAFF, otherOffice,
                null, account.email(), account.phone(), account.version()));

        page(session).andExpect(redirectedUrl("http://localhost/login"));
        assertThat(sessionsOf(staff)).isZero();
    }

    @Test
    void aChangeThatLeavesAccessAsItWasEndsNothing() throws Exception {
        var session = SessionCookies.logIn(mvc, principal);
        var account = accounts.get(data.idOf(principal)).toData();

        update(data.idOf(principal), new UserData(account.username(), "", "改过的名字", account.role(), null, account.schoolId(),
                "new@example.cn", account.phone(), account.version()));

        page(session).andExpect(status().isOk());
        saveReport(session).andExpect(redirectedUrl("/lines/" + line + "/reports/2030-03"));
        assertThat(reports()).isEqualTo(1);
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsAndKeepsThisOne() throws Exception {
        var here = SessionCookies.logIn(mvc, principal);
        var elsewhere = SessionCookies.logIn(mvc, principal);

        mvc.perform(post("/account/password").cookie(here).with(csrf()).param("currentPassword", TestData.PASSWORD)
                        .param("newPassword", "xin-mima-2030").param("confirmPassword", "xin-mima-2030"))
                .andExpect(redirectedUrl("/"));

        page(elsewhere).andExpect(redirectedUrl("http://localhost/login"));
        page(here).andExpect(status().isOk());
        assertThat(sessionsOf(principal)).isEqualTo(1);
        // the session carries the new password's date, so it still writes
        saveReport(here).andExpect(redirectedUrl("/lines/" + line + "/reports/2030-03"));
        assertThat(reports()).isEqualTo(1);
    }

    @Test
    void aSessionThatOutlivedAMoveToAnotherSchoolNeverWritesOnTheOldSchoolsLines() throws Exception {
        var session = SessionCookies.logIn(mvc, principal);
        // moved behind the application's back: no revocation ran, the session still says the old school
        jdbc.sql("update app_user set school_id = :school where id = :id").param("school", otherSchool)
                .param("id", data.idOf(principal)).update();

        saveReport(session).andExpect(redirectedUrl("http://localhost/login"));

        assertThat(reports()).isZero();
        assertThat(sessionsOf(principal)).as("and the session is ended").isZero();
    }

    @Test
    void aSessionWhoseLoginNoLongerReadsIsLoggedOutNotBroken() throws Exception {
        var session = SessionCookies.logIn(mvc, principal);
        // as after an upgrade that changed a class kept in sessions incompatibly
        jdbc.sql("""
                update spring_session_attributes set attribute_bytes = decode('aced0005', 'hex')
                where session_primary_id in (select primary_id from spring_session where principal_name = :login)""")
                .param("login", principal).update();

        page(session).andExpect(redirectedUrl("http://localhost/login"));
        SessionCookies.logIn(mvc, principal);
    }

    @Test
    void aPageViewInAnOpenSessionReadsItAndTouchesIt() throws Exception {
        var session = SessionCookies.logIn(mvc, principal);
        page(session).andExpect(status().isOk());

        var view = SqlStatements.count(() -> mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk()));
        var write = SqlStatements.count(() -> saveReport(session).andExpect(status().is3xxRedirection()));

        // read, touched (its expiry moves on), and read once more after being saved: Spring Session's filter forgets
        // the session it read when it saves it (spring-projects/spring-session#1731), two lookups on the primary key
        assertThat(view.sessionStatements()).as(view.toString()).hasSize(3)
                .satisfiesExactly(read -> assertThat(read).startsWith("SELECT S.PRIMARY_ID"),
                        touch -> assertThat(touch).startsWith("UPDATE SPRING_SESSION SET"),
                        again -> assertThat(again).startsWith("SELECT S.PRIMARY_ID"));
        assertThat(view.statements()).as("the page itself reads no account: the login is in the session").isEmpty();
        // a write also checks its login against the account, and keeps the flash message for the next page
        assertThat(write.sessionStatements()).as(write.toString()).hasSize(5)
                .anySatisfy(check -> assertThat(check).startsWith("/* login check */ select active, role, office_id"));
        log.info("the session's statements of a page view take {} µs (mean of 50)", microsPerView(sessions, session, 50));
    }

    /** What a page view adds by keeping its session in the database: the session read, and written back touched. */
    private static <S extends Session> long microsPerView(FindByIndexNameSessionRepository<S> repository, Cookie cookie,
            int views) {
        var id = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        for (int i = 0; i < views; i++) {
            var session = repository.findById(id);
            session.setLastAccessedTime(Instant.now());
            repository.save(session);
        }
        return (System.nanoTime() - start) / views / 1000;
    }

    private void change(long id, Change change) throws Exception {
        var account = accounts.get(id).toData();
        switch (change) {
            case DEACTIVATED -> mvc.perform(post("/admin/users/{id}/active", id).param("active", "false")
                    .with(signIn.as(Role.ADMIN)).with(csrf())).andExpect(redirectedUrl("/admin/users"));
            case ROLE -> update(id, new UserData(account.username(), "", account.displayName(), Role.INSPECTOR, null, null,
                    account.email(), account.phone(), account.version()));
            case SCHOOL -> update(id, new UserData(account.username(), "", account.displayName(), Role.PRINCIPAL, null,
                    otherSchool, account.email(), account.phone(), account.version()));
            case PASSWORD_RESET -> mvc.perform(post("/admin/users/{id}/password", id).param("newPassword", "chongzhi-2030")
                    .with(signIn.as(Role.ADMIN)).with(csrf())).andExpect(redirectedUrl("/admin/users"));
        }
    }

    private void update(long id, UserData user) throws Exception {
        mvc.perform(post("/admin/users/{id}", id).with(signIn.as(Role.ADMIN)).with(csrf())
                        .param("displayName", user.displayName()).param("role", user.role().name())
                        .param("officeId", user.officeId() == null ? "" : user.officeId().toString())
                        .param("schoolId", user.schoolId() == null ? "" : user.schoolId().toString())
                        .param("email", user.email() == null ? "" : user.email())
                        .param("phone", user.phone() == null ? "" : user.phone())
                        .param("version", user.version().toString()))
                .andExpect(redirectedUrl("/admin/users"));
    }

    private ResultActions page(Cookie session) throws Exception {
        return mvc.perform(get("/").cookie(session));
    }

    private ResultActions api(Cookie session) throws Exception {
        return mvc.perform(get("/api/me").cookie(session));
    }

    private ResultActions saveReport(Cookie session) throws Exception {
        return mvc.perform(post("/lines/{line}/reports/{period}", line, "2030-03").cookie(session).with(csrf())
                .param("action", "draft").param("progress", "IN_PROGRESS").param("percent", "30").param("narrative", "课后服务已开展"));
    }

    private long reports() {
        return jdbc.sql("select count(*) from progress_report where assignment_id = :line").param("line", line)
                .query(Long.class).single();
    }

    private long sessionsOf(String login) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :login").param("login", login)
                .query(Long.class).single();
    }
}
