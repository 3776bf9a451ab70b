package cn.workplan.system.web;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.org.SchoolService;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.SignIn;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Whatever goes wrong, the JSON API answers with an RFC 7807 problem detail, never a page or a redirect. */
@IntegrationTest
class ApiProblemDetailsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SignIn signIn;

    @Autowired
    TestData data;

    @Autowired
    SchoolService schools;

    @Test
    void withoutCredentials401AndABasicChallenge() throws Exception {
        expectProblem(mvc.perform(get("/api/me")), 401)
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Workplan\", charset=\"UTF-8\""))
                .andExpect(jsonPath("$.instance").value("/api/me"));
    }

    @Test
    void refusalsOfTheSecurityFiltersInTheCallersLanguage() throws Exception {
        expectProblem(mvc.perform(get("/api/me")), 401)
                .andExpect(jsonPath("$.title").value("需要登录"))
                .andExpect(jsonPath("$.detail").value("请先登录（浏览器会话或 HTTP Basic）。"));
        expectProblem(mvc.perform(get("/api/me").cookie(new jakarta.servlet.http.Cookie("workplan-lang", "en"))), 401)
                .andExpect(jsonPath("$.title").value("Please log in"));
        expectProblem(mvc.perform(get("/api/offices").with(signIn.basic(Role.PRINCIPAL))
                        .cookie(new jakarta.servlet.http.Cookie("workplan-lang", "en"))), 403)
                .andExpect(jsonPath("$.detail").value("You may not open this page or do this."));
    }

    @Test
    void withAWrongPassword401() throws Exception {
        expectProblem(mvc.perform(get("/api/me").with(httpBasic(signIn.login(Role.INSPECTOR), "wrong-password"))), 401)
                .andExpect(header().exists(HttpHeaders.WWW_AUTHENTICATE));
    }

    @Test
    void aPrincipalAskingForTheOffices403() throws Exception {
        expectProblem(mvc.perform(get("/api/offices").with(signIn.basic(Role.PRINCIPAL))), 403)
                .andExpect(jsonPath("$.instance").value("/api/offices"));
    }

    @Test
    void aSchoolWithoutName400() throws Exception {
        expectProblem(mvc.perform(newSchool("{\"name\":\" \",\"kind\":\"PRIMARY\",\"township\":\"测试镇\"}")), 400);
    }

    @Test
    void unreadableJson400() throws Exception {
        expectProblem(mvc.perform(newSchool("{\"name\":")), 400);
    }

    @Test
    void aSchoolWithTheNameOfAnother400NamingTheField() throws Exception {
        var existing = schools.get(data.school()).name();

        expectProblem(mvc.perform(newSchool("{\"name\":\"" + existing + "\",\"kind\":\"PRIMARY\",\"township\":\"测试镇\"}")), 400)
                .andExpect(jsonPath("$.detail").value("已有同名学校。"))
                .andExpect(jsonPath("$.field").value("name"));
    }

    @Test
    void aSchoolThatDoesNotExist404() throws Exception {
        expectProblem(mvc.perform(get("/api/schools/999999").with(signIn.basic(Role.INSPECTOR))), 404)
                .andExpect(jsonPath("$.detail").value("您要找的内容不存在，或者您没有查看它的权限。"));
    }

    /** Spring MVC's own refusals speak the caller's language too, and are titled like the error pages. */
    @Test
    void springsOwnRefusalsInTheCallersLanguage() throws Exception {
        expectProblem(mvc.perform(get("/api/schools/abc").with(signIn.basic(Role.INSPECTOR))), 400)
                .andExpect(jsonPath("$.title").value("请求有误"))
                .andExpect(jsonPath("$.detail").value("参数“id”的值无法识别。"));
        expectProblem(mvc.perform(post("/api/schools").with(signIn.basic(Role.ADMIN)).contentType(MediaType.APPLICATION_XML)
                        .content("<school/>")), 415)
                .andExpect(jsonPath("$.title").value("不支持的内容类型"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("不接受内容类型 application/xml")));
        expectProblem(mvc.perform(newSchool("{\"name\":1e12,\"kind\":[],\"township\":{}}")), 400)
                .andExpect(jsonPath("$.detail").value("请求内容无法读取：JSON 格式不正确，或某个值的类型不对。"));
        expectProblem(mvc.perform(newSchool("{\"name\":\" \",\"kind\":\"PRIMARY\",\"township\":\"测试镇\"}")
                        .cookie(new jakarta.servlet.http.Cookie("workplan-lang", "en"))), 400)
                .andExpect(jsonPath("$.title").value("Bad request"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("What was sent did not pass the checks")));
    }

    private MockHttpServletRequestBuilder newSchool(String json) {
        return post("/api/schools").with(signIn.basic(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private static ResultActions expectProblem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").value(not(emptyOrNullString())))
                .andExpect(jsonPath("$.detail").value(not(emptyOrNullString())));
    }
}
