package cn.workplan.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * One person at the browser: every request carries their login, their session cookie (the session lives in the
 * database, as in production, and carries the flash messages from a redirect to the next page) and a CSRF token.
 * Form fields are given as name/value pairs: {@code post("/admin/schools", "name", "一小", "kind", "PRIMARY")}.
 */
public final class Browser {

    private final MockMvc mvc;
    private final UserDetails user;
    private Cookie session;

    Browser(MockMvc mvc, UserDetails user) {
        this.mvc = mvc;
        this.user = user;
    }

    public String login() {
        return user.getUsername();
    }

    public ResultActions get(String url, Object... uriVariables) throws Exception {
        return perform(MockMvcRequestBuilders.get(url, uriVariables));
    }

    /** The page at the URL, which must answer 200. */
    public Page page(String url, Object... uriVariables) throws Exception {
        return Page.of(get(url, uriVariables));
    }

    public ResultActions post(String url, String... fields) throws Exception {
        return perform(withFields(MockMvcRequestBuilders.post(url), fields));
    }

    /** Posts the form with its fields as they are now. */
    public ResultActions submit(Form form) throws Exception {
        var request = MockMvcRequestBuilders.post(form.action());
        form.fields().forEach(request::param);
        return perform(request);
    }

    /** Uploads a file in the field {@code file}, with other form fields beside it. */
    public ResultActions upload(String url, String fileName, byte[] content, String... fields) throws Exception {
        var request = MockMvcRequestBuilders.multipart(url)
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content));
        return perform(withFields(request, fields));
    }

    /** Follows a redirect as a browser does, bringing along its flash attributes. */
    public Page follow(ResultActions redirect) throws Exception {
        var result = redirect.andExpect(status().is3xxRedirection()).andReturn();
        return Page.of(perform(MockMvcRequestBuilders.get(result.getResponse().getRedirectedUrl())));
    }

    private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        if (session != null) {
            request.cookie(session);
        }
        var done = mvc.perform(request.with(user(user)).with(csrf()));
        var cookie = done.andReturn().getResponse().getCookie(SessionCookies.NAME);
        if (cookie != null) {
            session = cookie.getMaxAge() == 0 ? null : cookie;
        }
        return done;
    }

    private static <B extends MockHttpServletRequestBuilder> B withFields(B request, String... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("fields come in name/value pairs");
        }
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return request;
    }
}
