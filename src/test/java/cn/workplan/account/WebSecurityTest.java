package cn.workplan.account;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.workplan.support.IntegrationTest;
import cn.workplan.support.SignIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** What the browser application tells browsers besides the page: security headers, and where to log in. */
@IntegrationTest
class WebSecurityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SignIn signIn;

    @Test
    void theLoginPageCarriesTheSecurityHeaders() throws Exception {
        expectSecurityHeaders(mvc.perform(get("/login")).andExpect(status().isOk()));
    }

    @Test
    void aSignedInPageCarriesTheSecurityHeadersAndIsNotCached() throws Exception {
        expectSecurityHeaders(mvc.perform(get("/").with(signIn.as(Role.ADMIN))).andExpect(status().isOk()))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("no-store")));
    }

    @Test
    void apiAnswersMayLoadNothingAndNotBeFramed() throws Exception {
        mvc.perform(get("/api/me").with(signIn.as(Role.INSPECTOR)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/admin/users", "/account/password"})
    void anHtmxRequestWithoutSessionIsToldToLoadTheLoginPage(String page) throws Exception {
        mvc.perform(get(page).header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"))
                .andExpect(header().doesNotExist(HttpHeaders.LOCATION));
    }

    @Test
    void aPlainRequestWithoutSessionIsRedirectedToTheLoginPage() throws Exception {
        mvc.perform(get("/"))
                .andExpect(redirectedUrl("http://localhost/login"))
                .andExpect(header().doesNotExist("HX-Redirect"));
    }

    @Test
    void anHtmxRequestWithASessionIsAnsweredAsUsual() throws Exception {
        mvc.perform(get("/").header("HX-Request", "true").with(signIn.as(Role.INSPECTOR)))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("HX-Redirect"));
    }

    private static ResultActions expectSecurityHeaders(ResultActions page) throws Exception {
        return page
                .andExpect(header().string("Content-Security-Policy", allOf(
                        containsString("default-src 'self'"),
                        containsString("script-src 'self';"),
                        containsString("object-src 'none'"),
                        containsString("frame-ancestors 'none'"),
                        not(containsString("unsafe-eval")))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Permissions-Policy", containsString("microphone=()")));
    }
}
