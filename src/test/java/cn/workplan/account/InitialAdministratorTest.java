package cn.workplan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import cn.workplan.support.Tiers;

/** A production database starts empty: the configured initial password makes the first administrator, once. */
@SpringBootTest(properties = "workplan.initial-admin.password=first-admin-pw")
@AutoConfigureMockMvc
@Tag(Tiers.INTEGRATION)
class InitialAdministratorTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    InitialAdministrator initialAdministrator;

    @Test
    void createsTheAdministratorOnceOnAnEmptyDatabase() throws Exception {
        assertThat(accounts.countAll()).isEqualTo(1);
        mvc.perform(formLogin().user("admin").password("first-admin-pw")).andExpect(authenticated().withRoles("ADMIN"));

        initialAdministrator.run(null);

        assertThat(accounts.countAll()).as("a second start adds nobody").isEqualTo(1);
    }
}
