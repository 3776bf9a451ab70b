package cn.workplan.system.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.stream.Stream;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.workplan.account.Role;
import cn.workplan.account.WebSliceSecurity.SliceUsers;
import cn.workplan.support.WebSliceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the container shows after a failure, as it shows it (the error dispatch to {@code /error} with the failed
 * request's status and address): every error page has a title and an explanation in the person's language, never a raw
 * message key such as {@code ??Not Found_zh_CN??} (which every error page showed, in both languages, when Spring Boot's
 * model put the reason phrase where the layout reads its flash message); the API's addresses get a problem detail.
 */
@WebSliceTest(ErrorPageController.class)
class ErrorPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    SliceUsers users;
    @Autowired
    ObjectMapper json;

    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of(400, "zh", "请求有误", "提交的内容或网址中有无法识别的值"),
                Arguments.of(400, "en", "Bad request", "holds a value that cannot be read"),
                Arguments.of(403, "zh", "没有权限", "您没有权限访问这个页面或执行这个操作。"),
                Arguments.of(403, "en", "Not allowed", "You may not open this page or do this."),
                Arguments.of(404, "zh", "找不到页面", "您要找的内容不存在"),
                Arguments.of(404, "en", "Not found", "What you are looking for does not exist"),
                Arguments.of(405, "zh", "不支持的操作", "这个网址不支持这种请求方式"),
                Arguments.of(405, "en", "Not supported", "This address does not take this kind of request"),
                Arguments.of(413, "zh", "提交的内容过大", "提交的内容超过了系统允许的大小"),
                Arguments.of(413, "en", "Too large", "larger than the system accepts"),
                Arguments.of(500, "zh", "系统出错", "系统处理请求时出错，已记录日志。"),
                Arguments.of(500, "en", "System error", "The system failed to handle the request"),
                Arguments.of(502, "zh", "出错了", "请求未能完成（错误代码 502）"),
                Arguments.of(502, "en", "Something went wrong", "The request could not be completed (error 502)"));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("pages")
    void everyErrorPageHasItsTitleAndTextInThePersonsLanguage(int status, String language, String title, String text) throws Exception {
        var response = mvc.perform(failed(status, "/plans/42", language).with(users.as(Role.OFFICE_STAFF))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(status);
        var body = response.getContentAsString(UTF_8);
        assertThat(body).doesNotContain("??");
        var page = Jsoup.parse(body);
        assertThat(page.title()).startsWith(title);
        assertThat(page.select("main h1").text()).isEqualTo(title);
        assertThat(page.select("#error-text").text()).contains(text);
        assertThat(page.select("main .alert")).as("no flash message made of the status").isEmpty();
        assertThat(page.select("#current-user")).as("the navigation bar of the person logged in").hasSize(1);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("pages")
    void theApisErrorsAreProblemDetailsInTheCallersLanguage(int status, String language, String title, String text) throws Exception {
        var response = mvc.perform(failed(status, "/api/nothing", language)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        var problem = json.readTree(response.getContentAsString(UTF_8));
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isEqualTo(title);
        assertThat(problem.get("detail").asText()).contains(text);
        assertThat(problem.get("instance").asText()).isEqualTo("/api/nothing");
    }

    /** The dispatch the container makes to the error page after the request to {@code uri} failed with the status. */
    private static MockHttpServletRequestBuilder failed(int status, String uri, String language) {
        var dispatch = get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, uri);
        return "en".equals(language) ? dispatch.cookie(new Cookie("workplan-lang", "en")) : dispatch;
    }
}
