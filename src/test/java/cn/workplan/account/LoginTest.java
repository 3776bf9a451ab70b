package cn.workplan.account;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.junit.jupiter.api.Test;

import cn.workplan.support.IntegrationTest;
import cn.workplan.support.SignIn;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class LoginTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    SignIn signIn;

    @Autowired
    SecurityProperties security;

    @Test
    void logsInWithTheRightPassword() throws Exception {
        var login = data.user(Role.INSPECTOR);
        mvc.perform(SignIn.formLogin(login, TestData.PASSWORD))
                .andExpect(authenticated().withUsername(login))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void repeatedFailuresHoldTheNextAttemptBackInsteadOfLockingTheAccount() throws Exception {
        var login = data.user(Role.INSPECTOR);
        failToLogIn(login, security.loginThrottle().freeFailures());
        mvc.perform(SignIn.formLogin(login, TestData.PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?wait=1"));
        // the throttle's own test (LoginThrottleTest) shows the attempt going through once the second is over
    }

    @Test
    void aDeactivatedAccountCannotLogIn() throws Exception {
        var login = data.user(Role.OFFICE_STAFF);

        mvc.perform(post("/admin/users/{id}/active", data.idOf(login)).param("active", "false")
                        .with(signIn.as(Role.ADMIN)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));

        mvc.perform(SignIn.formLogin(login, TestData.PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?disabled"));
        mvc.perform(get("/login").param("disabled", ""))
                .andExpect(content().string(containsString("该账号已停用")));
    }

    @Test
    void theLoginPageIsInChineseByDefault() throws Exception {
        mvc.perform(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en"))
                .andExpect(content().string(allOf(containsString("lang=\"zh-CN\""), containsString("登录"))));
    }

    @Test
    void theLoginPageIsInEnglishOnRequest() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(cookie().value("workplan-lang", "en"))
                .andExpect(content().string(allOf(containsString("lang=\"en\""), containsString("Log in"),
                        not(containsString("登录")))));
    }

    private void failToLogIn(String login, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            mvc.perform(SignIn.formLogin(login, "wrong-password"))
                    .andExpect(unauthenticated())
                    .andExpect(redirectedUrl("/login?error"));
        }
    }
}
