package cn.workplan.account;

import static cn.workplan.support.SignIn.from;
import static cn.workplan.support.SignIn.newAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.stream.IntStream;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.support.AtOnce;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.SignIn;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Guessing passwords is slowed down without anyone being able to lock anyone out: per login name, per client
 * address and per trusted browser, with growing delays (see {@link SecurityProperties}). The clock is the test's,
 * so an attack of minutes runs in seconds; every attempt that reaches the password check costs a real hash.
 */
@IntegrationTest
class LoginThrottleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    SignIn signIn;
    @Autowired
    TestClock clock;
    @Autowired
    SecurityProperties security;

    @BeforeEach
    void stopTheClock() {
        clock.at(Instant.now());
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    @Test
    void aMissingLoginAndAWrongPasswordGetTheSameAnswer() throws Exception {
        var login = data.user(Role.LEADER);
        var address = newAddress();

        var missing = logIn(TestData.unique("nobody"), "wrong-password", address, null);
        var wrong = logIn(login, "wrong-password", address, null);

        assertThat(missing.getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(wrong.getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(mvc.perform(get("/login").param("error", "")).andReturn().getResponse().getContentAsString())
                .contains("用户名或密码错误");
    }

    @Test
    void aDeactivatedAccountIsToldSoOnlyAfterItsRightPassword() throws Exception {
        var login = data.user(Role.INSPECTOR);
        mvc.perform(post("/admin/users/{id}/active", data.idOf(login)).param("active", "false")
                .with(signIn.as(Role.ADMIN)).with(csrf()));
        var address = newAddress();

        assertThat(logIn(login, "wrong-password", address, null).getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(logIn(login, TestData.PASSWORD, address, null).getRedirectedUrl()).isEqualTo("/login?disabled");
    }

    /**
     * A thousand guesses at the only administrator from one address, one every 100 ms: a handful reach the
     * password check, the administrator's own browser gets in at once, and any other browser within a minute.
     */
    @Test
    void aThousandGuessesFromOneAddressNeverKeepTheAdministratorOut() throws Exception {
        var admin = data.user(Role.ADMIN);
        var trustedBrowser = deviceCookieOf(logIn(admin, TestData.PASSWORD, newAddress(), null));
        var attacker = newAddress();

        int checked = 0;
        for (int guess = 0; guess < 1000; guess++) {
            var answer = logIn(admin, "guess-" + guess, attacker, null);
            if ("/login?error".equals(answer.getRedirectedUrl())) {
                checked++;
            } else {
                assertThat(answer.getRedirectedUrl()).startsWith("/login?wait=");
            }
            clock.advance(Duration.ofMillis(100));
        }

        // 100 s of guessing: 5 free, then one after 1, 2, 4, 8, 16 s and one every 30 s
        assertThat(checked).isBetween(security.loginThrottle().freeFailures(), 15);
        var ownBrowser = logIn(admin, TestData.PASSWORD, newAddress(), trustedBrowser);
        assertThat(ownBrowser.getRedirectedUrl()).isEqualTo("/");

        var elsewhere = logIn(admin, TestData.PASSWORD, newAddress(), null);
        var waited = Duration.ZERO;
        while (!"/".equals(elsewhere.getRedirectedUrl())) {
            assertThat(elsewhere.getRedirectedUrl()).startsWith("/login?wait=");
            var wait = Duration.ofSeconds(Long.parseLong(elsewhere.getRedirectedUrl().substring("/login?wait=".length())));
            waited = waited.plus(wait);
            clock.advance(wait);
            elsewhere = logIn(admin, TestData.PASSWORD, newAddress(), null);
        }
        assertThat(waited).isLessThanOrEqualTo(security.loginThrottle().maxDelay());
    }

    /** The same from a thousand addresses, as a botnet would: the login's own delays bound it just as well. */
    @Test
    void aThousandAddressesGuessNoFasterThanOne() throws Exception {
        var login = data.user(Role.LEADER);
        int checked = 0;
        for (int guess = 0; guess < 1000; guess++) {
            if ("/login?error".equals(logIn(login, "guess-" + guess, newAddress(), null).getRedirectedUrl())) {
                checked++;
            }
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(checked).isLessThanOrEqualTo(15);

        clock.advance(security.loginThrottle().maxDelay());
        assertThat(logIn(login, TestData.PASSWORD, newAddress(), null).getRedirectedUrl()).isEqualTo("/");
    }

    /**
     * One address trying many logins (a password spray) is held back by its address: at the ceiling one guess in
     * 15 minutes, about a hundred a day, whichever logins it tries. An attacker that waits exactly as long as told.
     */
    @Test
    void oneAddressSprayingManyLoginsIsSlowedToAFewGuessesAnHour() throws Exception {
        var address = newAddress();
        var start = clock.instant();
        int checked = 0;
        int attempts = 0;
        while (clock.instant().isBefore(start.plus(Duration.ofHours(6)))) {
            var answer = logIn(TestData.unique("spray"), "123456", address, null);
            attempts++;
            if ("/login?error".equals(answer.getRedirectedUrl())) {
                checked++;
                continue;
            }
            var url = answer.getRedirectedUrl();
            assertThat(url).startsWith("/login?wait=");
            clock.advance(Duration.ofSeconds(Long.parseLong(url.substring("/login?wait=".length()))));
        }
        // 20 free, then after 1, 2, 4 … 512 s (ten in the first 17 minutes), then one every 15 minutes: 22 more
        assertThat(checked).as("guesses checked in 6 hours, out of %d attempts", attempts).isBetween(50, 54);
    }

    @Test
    void guessesSentTogetherCannotSlipThroughTogether() throws Exception {
        var login = data.user(Role.LEADER);
        var address = newAddress();
        for (int guess = 0; guess < security.loginThrottle().freeFailures(); guess++) {
            logIn(login, "guess-" + guess, address, null);
        }
        clock.advance(Duration.ofSeconds(1));

        var answers = new ArrayList<String>();
        AtOnce.run(IntStream.range(0, 12).boxed().toList(), guess -> {
            try {
                var answer = logIn(login, "together-" + guess, newAddress(), null).getRedirectedUrl();
                synchronized (answers) {
                    answers.add(answer);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(answers).filteredOn("/login?error"::equals).hasSize(1);
        assertThat(answers).filteredOn(url -> url.startsWith("/login?wait=")).hasSize(11);
    }

    @Test
    void scriptsAreToldToWaitWithTooManyRequests() throws Exception {
        var login = data.user(Role.INSPECTOR);
        var address = newAddress();
        for (int guess = 0; guess < security.loginThrottle().freeFailures(); guess++) {
            mvc.perform(get("/api/me").with(httpBasic(login, "guess-" + guess)).with(from(address)))
                    .andReturn();
        }

        var held = mvc.perform(get("/api/me").with(httpBasic(login, TestData.PASSWORD)).with(from(address)))
                .andReturn().getResponse();

        assertThat(held.getStatus()).isEqualTo(429);
        assertThat(held.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(held.getContentType()).startsWith("application/problem+json");
        assertThat(held.getContentAsString()).contains("1 秒后再试");
        clock.advance(Duration.ofSeconds(1));
        assertThat(mvc.perform(get("/api/me").with(httpBasic(login, TestData.PASSWORD)).with(from(address)))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theLoginPageSaysHowLongToWaitAndTheAccountListShowsTheHeldLogin() throws Exception {
        var login = data.user(Role.LEADER);
        var address = newAddress();
        for (int guess = 0; guess < security.loginThrottle().freeFailures(); guess++) {
            logIn(login, "guess-" + guess, address, null);
        }
        var held = logIn(login, TestData.PASSWORD, address, null);
        assertThat(held.getRedirectedUrl()).isEqualTo("/login?wait=1");

        var page = Jsoup.parse(mvc.perform(get(held.getRedirectedUrl())).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".alert-warning").text()).isEqualTo("登录尝试过于频繁，请 1 秒后再试。");
        var users = Jsoup.parse(mvc.perform(get("/admin/users").param("q", login).with(signIn.as(Role.ADMIN)))
                .andReturn().getResponse().getContentAsString());
        assertThat(users.select("tbody tr").text()).contains(login, "登录受限");
    }

    /** Free attempts hold no time: a node whose clock runs behind another's never refuses what the other let through. */
    @Test
    void nodesWithSkewedClocksDoNotRefuseEachOthersFreeAttempts() throws Exception {
        var login = data.user(Role.LEADER);
        var address = newAddress();
        clock.advance(Duration.ofMinutes(2));
        assertThat(logIn(login, "wrong-password", address, null).getRedirectedUrl()).isEqualTo("/login?error");

        clock.advance(Duration.ofMinutes(-2));
        assertThat(logIn(login, TestData.PASSWORD, address, null).getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void failuresAreForgottenAfterADay(@Autowired LoginThrottle throttle, @Autowired JdbcClient jdbc) throws Exception {
        var login = data.user(Role.LEADER);
        var address = newAddress();
        for (int guess = 0; guess < security.loginThrottle().freeFailures(); guess++) {
            logIn(login, "guess-" + guess, address, null);
        }
        assertThat(keys(jdbc, login, address)).isEqualTo(2);

        clock.advance(security.forgetFailuresAfter().minusMinutes(1));
        throttle.forget();
        assertThat(keys(jdbc, login, address)).isEqualTo(2);
        clock.advance(Duration.ofMinutes(2));
        throttle.forget();
        assertThat(keys(jdbc, login, address)).isZero();
    }

    private static int keys(JdbcClient jdbc, String login, String address) {
        return jdbc.sql("select count(*) from login_throttle where key in (:keys)")
                .param("keys", java.util.List.of("login:" + login, "address:" + address)).query(Integer.class).single();
    }

    private MockHttpServletResponse logIn(String login, String password, String address, Cookie device) throws Exception {
        var request = post("/login").param("username", login).param("password", password).with(csrf()).with(from(address));
        if (device != null) {
            request.cookie(device);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static Cookie deviceCookieOf(MockHttpServletResponse login) {
        assertThat(login.getRedirectedUrl()).isEqualTo("/");
        var cookie = login.getCookie(LoginDetails.DEVICE_COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getMaxAge()).isEqualTo((int) Duration.ofDays(180).toSeconds());
        return cookie;
    }
}
