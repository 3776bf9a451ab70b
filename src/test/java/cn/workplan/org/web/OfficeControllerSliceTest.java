package cn.workplan.org.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.workplan.account.Role;
import cn.workplan.account.WebSliceSecurity.SliceUsers;
import cn.workplan.org.OfficeData;
import cn.workplan.org.OfficeService;
import cn.workplan.org.PersonDirectory;
import cn.workplan.support.Page;
import cn.workplan.support.WebSliceTest;
import cn.workplan.system.InvalidInputException;

/**
 * The administrators' office form as a web slice: the messages beside bad fields (in Chinese and English), what the
 * service refuses shown on the form, nothing sent to the service that the form refused, and who may open and send it.
 * The full-context check of the same form against the real directory is {@code admin.FormValidationTest}.
 */
@WebSliceTest(OfficeController.class)
class OfficeControllerSliceTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    SliceUsers users;
    @MockitoBean
    OfficeService offices;
    @MockitoBean
    PersonDirectory people;

    @Test
    void blankNamesAreRequired() throws Exception {
        var page = refused(create("name", "", "shortName", "  ", "displayOrder", "0"));

        assertThat(page.invalidFields()).containsExactlyInAnyOrder("name", "shortName");
        assertThat(page.fieldError("name")).isEqualTo("此项不能为空。");
        assertThat(page.fieldError("shortName")).isEqualTo("此项不能为空。");
        verify(offices, never()).create(any());
    }

    @Test
    void oversizedAndOutOfRangeFieldsKeepWhatWasTyped() throws Exception {
        var longName = "股".repeat(61);
        var page = refused(create("name", longName, "shortName", "简".repeat(21), "displayOrder", "-1"));

        assertThat(page.fieldError("name")).isEqualTo("长度须在 0 到 60 之间。");
        assertThat(page.fieldError("shortName")).isEqualTo("长度须在 0 到 20 之间。");
        assertThat(page.fieldError("displayOrder")).isEqualTo("不能小于 0。");
        assertThat(page.value("name")).isEqualTo(longName);
        verify(offices, never()).create(any());
    }

    @Test
    void aValueThatIsNoNumberIsNamed() throws Exception {
        var page = refused(create("name", "教研室", "shortName", "教研", "displayOrder", "1.5"));

        assertThat(page.invalidFields()).containsExactly("displayOrder");
        assertThat(page.fieldError("displayOrder")).isEqualTo("请输入整数。");
        assertThat(page.value("displayOrder")).as("what was typed comes back").isEqualTo("1.5");
        assertThat(page.value("name")).isEqualTo("教研室");
    }

    @Test
    void inEnglishWhenThePersonChoseIt() throws Exception {
        var page = refused(create("name", "", "shortName", "教研").cookie(new Cookie("workplan-lang", "en")));

        assertThat(page.fieldError("name")).isEqualTo("Required.");
    }

    @Test
    void whatTheServiceRefusesStandsBesideItsField() throws Exception {
        doThrow(new InvalidInputException("shortName", "office.error.duplicateShortName")).when(offices).create(any());

        var page = refused(create("name", "新设股室", "shortName", "办公", "displayOrder", "3"));

        assertThat(page.invalidFields()).containsExactly("shortName");
        assertThat(page.fieldError("shortName")).isEqualTo("已有股室使用这个简称。");
        assertThat(page.value("name")).isEqualTo("新设股室");
    }

    @Test
    void aGoodFormIsSavedOnceAndLeadsBackToTheList() throws Exception {
        var token = Page.of(mvc.perform(get("/admin/offices/new").with(users.as(Role.ADMIN)))).one("input[name=formToken]").val();
        var form = create("name", "新设股室", "shortName", "新设", "displayOrder", "7", "formToken", token);

        mvc.perform(form).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/offices"))
                .andExpect(flash().attribute("message", "office.created"));
        // the same form sent again (Back, then send) saves nothing more
        mvc.perform(create("name", "新设股室", "shortName", "新设", "displayOrder", "7", "formToken", token))
                .andExpect(status().is3xxRedirection());

        var saved = ArgumentCaptor.forClass(OfficeData.class);
        verify(offices).create(saved.capture());
        assertThat(saved.getValue()).extracting(OfficeData::name, OfficeData::shortName, OfficeData::displayOrder)
                .containsExactly("新设股室", "新设", 7);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void onlyAdministratorsOpenOrSendIt(Role role) throws Exception {
        mvc.perform(get("/admin/offices").with(users.as(role))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/offices/new").with(users.as(role))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/offices").with(users.as(role)).with(csrf()).param("name", "越权股室").param("shortName", "越权"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/offices/1/active").with(users.as(role)).with(csrf()).param("active", "false"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(offices);
    }

    @Test
    void nobodyLoggedInIsSentToTheLogin() throws Exception {
        mvc.perform(get("/admin/offices")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(post("/admin/offices").with(csrf()).param("name", "匿名股室").param("shortName", "匿名"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
        verifyNoInteractions(offices);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/admin/offices").with(users.as(Role.ADMIN)).param("name", "无令牌股室").param("shortName", "无令牌"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/offices/1/active").with(users.as(Role.ADMIN)).param("active", "false"))
                .andExpect(status().isForbidden());
        verify(offices, never()).create(any());
        verify(offices, never()).setActive(anyLong(), anyBoolean());
    }

    @Test
    void theListShowsTheOfficesToAnAdministrator() throws Exception {
        var response = mvc.perform(get("/admin/offices").with(users.as(Role.ADMIN))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(UTF_8);

        assertThat(response).contains("slice-admin");
        verify(offices).list();
    }

    private MockHttpServletRequestBuilder create(String... fields) {
        var request = post("/admin/offices").with(users.as(Role.ADMIN)).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return request;
    }

    private Page refused(MockHttpServletRequestBuilder request) throws Exception {
        return Page.of(mvc.perform(request));
    }
}
