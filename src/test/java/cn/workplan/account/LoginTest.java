package cn.workplan.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.junit.jupiter.api.Test;

import cn.workplan.support.IntegrationTest;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class LoginTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Test
    void logsInWithTheRightPassword() throws Exception {
        var login = data.user(Role.INSPECTOR);
        mvc.perform(formLogin().user(login).password(TestData.PASSWORD))
                .andExpect(authenticated().withUsername(login))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void locksAfterRepeatedFailures() throws Exception {
        var login = data.user(Role.INSPECTOR);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(login).password("wrong-password"))
                    .andExpect(unauthenticated())
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin().user(login).password(TestData.PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?locked"));
    }
}
