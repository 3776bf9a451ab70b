package cn.workplan.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;

/**
 * Real sessions in MockMvc tests: a login through the login form, as a person makes it, answers the session's
 * cookie; requests that send it back ({@code .cookie(session)}) run in that session, which lives in the database.
 * ({@link SignIn} instead hands each request its login and bypasses sessions.)
 */
public final class SessionCookies {

    /** The session cookie's name. */
    public static final String NAME = "JSESSIONID";

    private SessionCookies() {
    }

    /** Logs in with {@link TestData#PASSWORD}; returns the new session's cookie. */
    public static Cookie logIn(MockMvc mvc, String login) throws Exception {
        return logIn(mvc, login, TestData.PASSWORD);
    }

    /** Logs in through the form; returns the new session's cookie. */
    public static Cookie logIn(MockMvc mvc, String login, String password) throws Exception {
        var cookie = mvc.perform(formLogin().user(login).password(password))
                .andExpect(redirectedUrl("/"))
                .andReturn().getResponse().getCookie(NAME);
        if (cookie == null) {
            throw new AssertionError("the login answered no session cookie");
        }
        return cookie;
    }
}
