package cn.workplan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import cn.workplan.support.ChineseFonts;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A server without a Chinese font answers the PDF link with a page that says why, not with a PDF of empty boxes. */
@IntegrationTest
@TestPropertySource(properties = {ChineseFonts.NONE_YET, ChineseFonts.LOOK_EVERY_TIME})
class PlanPdfWithoutFontTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestPlans plans;

    @Test
    void thePdfLinkExplainsThatTheServerHasNoChineseFont() throws Exception {
        var plan = plans.draft();
        plan.chapter("党的建设");
        var response = mvc.perform(get("/plans/{id}/export.pdf", plan.id()).with(user(plan.by())))
                .andExpect(status().isServiceUnavailable())
                .andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/html");
        var page = Jsoup.parse(response.getContentAsString()).getElementById("pdf-unavailable");
        assertThat(page.text()).contains("无法生成 PDF", "没有找到中文字体", "workplan.pdf.fonts");
        assertThat(page.selectFirst("a").attr("href")).isEqualTo("/plans/" + plan.id() + "/document");
    }
}
