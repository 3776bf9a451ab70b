package cn.workplan.org.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.workplan.account.Role;
import cn.workplan.account.WebSliceSecurity.SliceUsers;
import cn.workplan.org.OfficeService;
import cn.workplan.org.SchoolData;
import cn.workplan.org.SchoolKind;
import cn.workplan.org.SchoolService;
import cn.workplan.org.SchoolView;
import cn.workplan.support.WebSliceTest;
import cn.workplan.system.NotFoundException;

/**
 * The directory's JSON API as a web slice, through the API's own security chain: who may read it and who may add a
 * school, and every refusal as a problem detail in Chinese (401 with a Basic challenge, 403, 400 for a bad school,
 * 404 for an unknown one) with nothing passed on to the service.
 */
@WebSliceTest(DirectoryApiController.class)
class DirectoryApiSliceTest {

    private static final SchoolView SCHOOL = new SchoolView(7, "城关镇第一小学", SchoolKind.PRIMARY, "城关镇", 1200, true, 3,
            List.of("孙丽"));

    @Autowired
    MockMvc mvc;
    @Autowired
    SliceUsers users;
    @Autowired
    ObjectMapper json;
    @MockitoBean
    OfficeService offices;
    @MockitoBean
    SchoolService schools;

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "PRINCIPAL", mode = EnumSource.Mode.EXCLUDE)
    void everyoneButPrincipalsReadsTheDirectory(Role role) throws Exception {
        when(schools.list()).thenReturn(List.of(SCHOOL));
        when(schools.get(7)).thenReturn(SCHOOL);

        assertThat(mvc.perform(get("/api/offices").with(users.as(role))).andReturn().getResponse().getStatus()).isEqualTo(200);
        var list = read(mvc.perform(get("/api/schools").with(users.as(role))).andReturn().getResponse(), 200);
        assertThat(list.get(0).get("name").asText()).isEqualTo("城关镇第一小学");
        assertThat(list.get(0).get("kind").asText()).isEqualTo("PRIMARY");
        var one = read(mvc.perform(get("/api/schools/7").with(users.as(role))).andReturn().getResponse(), 200);
        assertThat(one.get("principals").get(0).asText()).isEqualTo("孙丽");
    }

    @Test
    void aPrincipalIsRefusedWithAProblem() throws Exception {
        for (var address : List.of("/api/offices", "/api/schools", "/api/schools/7")) {
            var problem = problem(mvc.perform(get(address).with(users.as(Role.PRINCIPAL))).andReturn().getResponse(), 403);
            assertThat(problem.get("title").asText()).isEqualTo("没有权限");
        }
        verifyNoInteractions(offices, schools);
    }

    @Test
    void nobodyLoggedInIsAskedForCredentials() throws Exception {
        var response = mvc.perform(get("/api/schools")).andReturn().getResponse();

        var problem = problem(response, 401);
        assertThat(problem.get("title").asText()).isEqualTo("需要登录");
        assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic realm=\"Workplan\"");
        verifyNoInteractions(schools);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void onlyAnAdministratorAddsASchool(Role role) throws Exception {
        problem(mvc.perform(create(role, """
                {"name": "越权小学", "kind": "PRIMARY", "township": "城关镇"}""")).andReturn().getResponse(), 403);
        verify(schools, never()).create(any());
    }

    @Test
    void aSchoolIsAddedAndItsAddressAnswered() throws Exception {
        when(schools.create(any())).thenReturn(7L);
        when(schools.get(7)).thenReturn(SCHOOL);

        var response = mvc.perform(create(Role.ADMIN, """
                {"name": "城关镇第一小学", "kind": "PRIMARY", "township": "城关镇", "enrolment": 1200}""")).andReturn().getResponse();

        assertThat(read(response, 201).get("id").asLong()).isEqualTo(7);
        assertThat(response.getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/schools/7");
        verify(schools).create(new SchoolData("城关镇第一小学", SchoolKind.PRIMARY, "城关镇", 1200, null));
    }

    @Test
    void aBadSchoolIsRefusedWithAProblemThatSaysWhatIsWrong() throws Exception {
        var problem = problem(mvc.perform(create(Role.ADMIN, """
                {"name": " ", "kind": "PRIMARY", "township": "城关镇", "enrolment": -1}""")).andReturn().getResponse(), 400);

        assertThat(problem.get("title").asText()).isEqualTo("请求有误");
        assertThat(problem.get("detail").asText()).startsWith("提交的内容未通过检查")
                .contains("name：此项不能为空。", "enrolment：不能小于 0。").doesNotContain(", and");
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "enrolment");
        var unreadable = problem(mvc.perform(create(Role.ADMIN, """
                {"name": "新小学", "kind": "UNIVERSITY", "township": "城关镇"}""")).andReturn().getResponse(), 400);
        assertThat(unreadable.get("detail").asText()).startsWith("请求内容无法读取");
        verify(schools, never()).create(any());
    }

    @Test
    void anUnknownSchoolIsNotFound() throws Exception {
        when(schools.get(anyLong())).thenThrow(new NotFoundException("school", 404404));

        var problem = problem(mvc.perform(get("/api/schools/404404").with(users.as(Role.LEADER))).andReturn().getResponse(), 404);

        assertThat(problem.get("detail").asText()).isEqualTo("您要找的内容不存在，或者您没有查看它的权限。");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/schools/404404");
    }

    @Test
    void aWriteOnTheBrowsersSessionNeedsItsCsrfToken() throws Exception {
        var request = post("/api/schools").with(users.as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"无令牌小学\", \"kind\": \"PRIMARY\", \"township\": \"城关镇\"}");

        problem(mvc.perform(request).andReturn().getResponse(), 403);
        verify(schools, never()).create(any());
    }

    private MockHttpServletRequestBuilder create(Role role, String body) {
        return post("/api/schools").with(users.as(role)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private JsonNode read(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString(UTF_8)).isEqualTo(status);
        return json.readTree(response.getContentAsString(UTF_8));
    }

    private JsonNode problem(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        var problem = read(response, status);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem;
    }
}
