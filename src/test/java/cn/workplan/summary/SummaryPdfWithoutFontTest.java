package cn.workplan.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.workplan.support.ChineseFonts;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Without a Chinese font a report's PDF link answers the same page as the plan's, leading back to the report. */
@IntegrationTest
@TestPropertySource(properties = {ChineseFonts.NONE_YET, ChineseFonts.LOOK_EVERY_TIME})
class SummaryPdfWithoutFontTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestPlans plans;
    @Autowired
    Summaries summaries;
    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void thePdfLinkExplainsThatTheServerHasNoChineseFont() throws Exception {
        clock.today(LocalDate.of(TestPlans.YEAR, 7, 5));
        var plan = plans.draft();
        plan.item(plan.chapter("党的建设"), ItemSpec.item("加强党的建设。"));
        plan.publish();
        long id = summaries.create(plan.id(), new NewSummary(SummaryKind.MID_YEAR, null, null), plan.by()).id();
        var response = mvc.perform(get("/summaries/{id}.pdf", id).with(user(plan.by())))
                .andExpect(status().isServiceUnavailable())
                .andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/html");
        var page = Jsoup.parse(response.getContentAsString()).getElementById("pdf-unavailable");
        assertThat(page.text()).contains("无法生成 PDF", "没有找到中文字体", "workplan.pdf.fonts", "返回报告");
        assertThat(page.selectFirst("a").attr("href")).isEqualTo("/summaries/" + id);
    }
}
