package cn.workplan.system.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import cn.workplan.account.Role;
import cn.workplan.account.WebSliceSecurity.SliceUsers;
import cn.workplan.support.WebSliceTest;

/**
 * How {@link WebExceptionHandler} answers the browser pages' errors, with the application's binding limits
 * ({@link BindingLimits}) and error page in front of a controller of this test: a form naming a list element out of range
 * is refused with the 400 page that names it, in the person's language, before anything is bound; an upload over the
 * limit goes back to its form with a message.
 */
@WebSliceTest(WebExceptionHandlerSliceTest.Forms.class)
@Import(WebExceptionHandlerSliceTest.Forms.class)
class WebExceptionHandlerSliceTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    SliceUsers users;
    @Autowired
    Forms forms;

    @Test
    void aListIndexOutOfRangeIsRefusedWithTheErrorPageThatNamesIt() throws Exception {
        var response = mvc.perform(post("/slice/rows").with(users.as(Role.OFFICE_STAFF)).with(csrf())
                        .param("rows[100000]", "太多").param("rows[0]", "第一行"))
                .andExpect(status().isBadRequest()).andReturn().getResponse();

        var page = Jsoup.parse(response.getContentAsString(UTF_8));
        assertThat(page.select("main h1").text()).isEqualTo("请求有误");
        assertThat(page.select("#error-text").text()).isEqualTo("提交的表单含有超出范围的条目（rows[100000]），未作处理。请返回上一页重新填写。");
        assertThat(page.select("#current-user")).as("the navigation bar of the person logged in").hasSize(1);
        assertThat(forms.bound).as("nothing reached the controller").isEmpty();
    }

    @Test
    void aBrokenIndexToo_inEnglish() throws Exception {
        var response = mvc.perform(post("/slice/rows").with(users.as(Role.PRINCIPAL)).with(csrf())
                        .cookie(new Cookie("workplan-lang", "en")).param("rows[-1]", "负数"))
                .andExpect(status().isBadRequest()).andReturn().getResponse();

        var page = Jsoup.parse(response.getContentAsString(UTF_8));
        assertThat(page.select("main h1").text()).isEqualTo("Bad request");
        assertThat(page.select("#error-text").text()).contains("The form names an entry out of range (rows[-1])");
        assertThat(forms.bound).isEmpty();
    }

    @Test
    void aListWithinTheLimitsIsBound() throws Exception {
        mvc.perform(post("/slice/rows").with(users.as(Role.OFFICE_STAFF)).with(csrf()).param("rows[0]", "一").param("rows[1]", "二"))
                .andExpect(status().isOk());

        assertThat(forms.bound).containsExactly(List.of("一", "二"));
        forms.bound.clear();
    }

    @Test
    void anUploadOverTheLimitGoesBackToItsFormWithAMessage() throws Exception {
        // the servlet path as Tomcat gives it with the dispatcher servlet mapped to "/" (MockMvc leaves it empty)
        mvc.perform(post("/slice/upload").servletPath("/slice/upload").with(users.as(Role.OFFICE_STAFF)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/slice/upload"))
                .andExpect(flash().attribute("error", "upload.error.tooLarge"));
    }

    /** A form of rows, and an upload that the multipart handling found too large. */
    @Controller
    @TestConfiguration(proxyBeanMethods = false)
    static class Forms {

        final List<List<String>> bound = new java.util.concurrent.CopyOnWriteArrayList<>();

        record RowsForm(List<String> rows) {
        }

        @PostMapping("/slice/rows")
        @ResponseBody
        String rows(@ModelAttribute RowsForm form) {
            bound.add(form.rows());
            return "bound";
        }

        @PostMapping("/slice/upload")
        String upload() {
            throw new MaxUploadSizeExceededException(25L * 1024 * 1024);
        }
    }
}
