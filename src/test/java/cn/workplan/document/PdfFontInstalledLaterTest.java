package cn.workplan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.workplan.support.ChineseFonts;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A Chinese font installed while the application runs is used by the next PDF download, without a restart (the
 * application of {@link PlanPdfWithoutFontTest}, which looks for fonts on every download).
 */
@IntegrationTest
@TestPropertySource(properties = {ChineseFonts.NONE_YET, ChineseFonts.LOOK_EVERY_TIME})
class PdfFontInstalledLaterTest {

    private static final Path LATER = Path.of(ChineseFonts.LATER);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestPlans plans;

    @AfterEach
    void removeTheFont() {
        ChineseFonts.remove(LATER);
    }

    @Test
    void theNextDownloadAfterAFontIsInstalledIsAPdfWithTheFontEmbedded() throws Exception {
        var installed = ChineseFonts.installed();
        var plan = plans.draft();
        plan.chapter("党的建设");
        var page = mvc.perform(get("/plans/{id}/export.pdf", plan.id()).with(user(plan.by())))
                .andExpect(status().isServiceUnavailable())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).getElementById("pdf-unavailable").text()).contains("没有找到中文字体");

        ChineseFonts.install(installed, LATER);

        var response = mvc.perform(get("/plans/{id}/export.pdf", plan.id()).with(user(plan.by())))
                .andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        try (var pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("一、党的建设");
            assertThat(PlanExportTest.fonts(pdf)).isNotEmpty().allSatisfy(font ->
                    assertThat(font.isEmbedded()).as("%s is embedded", font.getName()).isTrue());
        }

        ChineseFonts.remove(LATER);

        mvc.perform(get("/plans/{id}/export.pdf", plan.id()).with(user(plan.by())))
                .andExpect(status().isServiceUnavailable());
    }
}
