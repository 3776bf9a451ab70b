package cn.workplan.home;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.org.OfficeService;
import cn.workplan.org.SchoolService;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.SignIn;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** "/" is the start page of the caller's role, and only the administrator's has the administration menu. */
@IntegrationTest
class HomePageTest {

    private static final String ADMIN_MENU = "href=\"/admin/users\"";

    @Autowired
    MockMvc mvc;

    @Autowired
    SignIn signIn;

    @Autowired
    TestData data;

    @Autowired
    OfficeService offices;

    @Autowired
    SchoolService schools;

    @Test
    void theAdministratorSeesTheSystemAdministration() throws Exception {
        home(signIn.login(Role.ADMIN), "home/admin")
                .andExpect(content().string(allOf(containsString("系统管理"), containsString(ADMIN_MENU))));
    }

    @Test
    void aLeaderIsGreeted() throws Exception {
        var login = data.user(Role.LEADER);
        home(login, "home/leader")
                .andExpect(content().string(allOf(containsString("测试" + login + "，您好"), not(containsString(ADMIN_MENU)))));
    }

    @Test
    void officeStaffSeeTheirOffice() throws Exception {
        var officeId = data.office();
        var login = data.user(Role.OFFICE_STAFF, officeId, null);
        home(login, "home/office")
                .andExpect(content().string(allOf(containsString(offices.get(officeId).name()), not(containsString(ADMIN_MENU)))));
    }

    @Test
    void aPrincipalSeesTheirSchool() throws Exception {
        var schoolId = data.school();
        var login = data.user(Role.PRINCIPAL, null, schoolId);
        home(login, "home/principal")
                .andExpect(content().string(allOf(containsString(schools.get(schoolId).name()), not(containsString(ADMIN_MENU)))));
    }

    @Test
    void anInspectorSeesTheInspectorsPage() throws Exception {
        home(signIn.login(Role.INSPECTOR), "home/inspector")
                .andExpect(content().string(allOf(containsString("督学首页"), not(containsString(ADMIN_MENU)))));
    }

    private ResultActions home(String login, String expectedView) throws Exception {
        return mvc.perform(get("/").with(signIn.as(login)))
                .andExpect(status().isOk())
                .andExpect(view().name(expectedView));
    }
}
