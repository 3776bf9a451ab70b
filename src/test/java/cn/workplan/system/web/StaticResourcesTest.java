package cn.workplan.system.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Pages link webjars without their version, and those links are served (no link-rewriting filter). */
@IntegrationTest
class StaticResourcesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    UserDetailsService users;

    @Test
    void pagesLinkWebjarsWithoutVersion() throws Exception {
        mvc.perform(get("/plans").with(user(users.loadUserByUsername(data.user(Role.INSPECTOR)))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("href=\"/webjars/bootstrap/css/bootstrap.min.css\"")));
    }

    @Test
    void servesVersionlessWebjarUrls() throws Exception {
        for (var url : new String[] {"/webjars/bootstrap/css/bootstrap.min.css", "/webjars/bootstrap-icons/font/bootstrap-icons.min.css",
                "/webjars/bootstrap/js/bootstrap.bundle.min.js", "/webjars/htmx.org/dist/htmx.min.js",
                "/webjars/sortablejs/Sortable.min.js", "/css/workplan.css", "/js/workplan.js"}) {
            mvc.perform(get(url)).andExpect(status().isOk());
        }
    }
}
