package cn.workplan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.workplan.org.SchoolService;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.SessionCookies;
import cn.workplan.support.SignIn;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Forms of the browser application need the CSRF token of the session; so do API calls that ride on a
 * browser session. A script sending HTTP Basic credentials cannot be forged by another site and needs none.
 */
@IntegrationTest
class CsrfProtectionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SignIn signIn;

    @Autowired
    TestData data;

    @Autowired
    SchoolService schools;

    @Autowired
    AccountService accounts;

    @Test
    void aPageFormWithoutTokenIsRejectedAndChangesNothing() throws Exception {
        var name = TestData.unique("表单小学");

        mvc.perform(newSchoolForm(name).with(signIn.as(Role.ADMIN)))
                .andExpect(status().isForbidden());
        mvc.perform(newSchoolForm(name).with(signIn.as(Role.ADMIN)).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        assertThat(schools.existingNames(List.of(name))).isEmpty();

        // the same form with the token goes through, so it was the token that was missing
        mvc.perform(newSchoolForm(name).with(signIn.as(Role.ADMIN)).with(csrf()))
                .andExpect(redirectedUrl("/admin/schools"));
        assertThat(schools.existingNames(List.of(name))).containsExactly(name);
    }

    @Test
    void aDeactivationWithoutTokenIsRejectedAndTheAccountStaysActive() throws Exception {
        var id = data.idOf(data.user(Role.INSPECTOR));

        mvc.perform(post("/admin/users/{id}/active", id).param("active", "false").with(signIn.as(Role.ADMIN)))
                .andExpect(status().isForbidden());

        assertThat(accounts.get(id).active()).isTrue();
    }

    @Test
    void aScriptWithBasicCredentialsNeedsNoToken() throws Exception {
        var name = TestData.unique("脚本小学");

        mvc.perform(newSchoolJson(name).with(signIn.basic(Role.ADMIN)))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, org.hamcrest.Matchers.startsWith("/api/schools/")))
                .andExpect(jsonPath("$.name").value(name));

        assertThat(schools.existingNames(List.of(name))).containsExactly(name);
    }

    @Test
    void anApiCallOnABrowserSessionNeedsTheToken() throws Exception {
        var session = SessionCookies.logIn(mvc, signIn.login(Role.ADMIN));
        var name = TestData.unique("会话小学");

        mvc.perform(newSchoolJson(name).cookie(session))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // any Authorization header other than Basic credentials does not stand in for the token
        mvc.perform(newSchoolJson(name).cookie(session).header(HttpHeaders.AUTHORIZATION, "Bearer made-up"))
                .andExpect(status().isForbidden());
        assertThat(schools.existingNames(List.of(name))).isEmpty();

        // the session is a good one: with its token the call goes through
        mvc.perform(newSchoolJson(name).cookie(session).with(csrf()))
                .andExpect(status().isCreated());
        assertThat(schools.existingNames(List.of(name))).containsExactly(name);
    }

    private static MockHttpServletRequestBuilder newSchoolForm(String name) {
        return post("/admin/schools").param("name", name).param("kind", "PRIMARY").param("township", "测试镇");
    }

    private static MockHttpServletRequestBuilder newSchoolJson(String name) {
        return post("/api/schools").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\",\"kind\":\"PRIMARY\",\"township\":\"测试镇\"}");
    }
}
