package cn.workplan.system.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.SignIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** 数据备份: an administrator takes a backup now and sees it listed; nobody else opens the page. */
@IntegrationTest
class BackupsPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    SignIn signIn;
    @Autowired
    DatabaseBackups backups;

    @Test
    void anAdministratorTakesABackupNowAndSeesItListed() throws Exception {
        mvc.perform(post("/admin/backups").with(signIn.as(Role.ADMIN)).with(csrf()))
                .andExpect(redirectedUrl("/admin/backups"))
                .andExpect(flash().attribute("message", "backup.taken"));
        var newest = backups.list().get(0);
        assertThat(newest.name()).matches(DatabaseBackups.DAILY.pattern());
        assertThat(Files.size(newest.path())).isPositive();

        mvc.perform(get("/admin/backups").with(signIn.as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(newest.name())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("立即备份")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("--workplan.backup.restore=")));
    }

    @Test
    void nobodyElseOpensOrTakesBackups() throws Exception {
        for (var role : new Role[] {Role.LEADER, Role.OFFICE_STAFF, Role.PRINCIPAL, Role.INSPECTOR}) {
            mvc.perform(get("/admin/backups").with(signIn.as(role))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/backups").with(signIn.as(role)).with(csrf())).andExpect(status().isForbidden());
        }
    }
}
