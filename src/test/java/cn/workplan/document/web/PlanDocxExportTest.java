package cn.workplan.document.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHdrFtr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;

import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/** A plan downloaded as .docx is laid out as GB/T 9704-2012 asks. */
@IntegrationTest
class PlanDocxExportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestPlans plans;

    @Test
    void aPublishedPlanDownloadsAsAnOfficialDocument() throws Exception {
        var plan = plans.draft();
        long chapter = plan.chapter("全面加强党的建设");
        long section = plan.section(chapter, "强化政治引领");
        long item = plan.item(section, ItemSpec.item("推进教育信息化建设。").body("建设智慧校园示范校5所。"));
        plan.point(item, "完成千兆宽带接入");
        plan.publish();

        var response = mvc.perform(get("/plans/{id}/export.docx", plan.id()).with(user(plan.by())))
                .andExpect(status().isOk()).andReturn().getResponse();

        assertThat(response.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var disposition = response.getHeader(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''2030").contains(".docx");
        try (var document = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            page(document);
            var paragraphs = document.getParagraphs().stream().filter(p -> !p.getText().isEmpty()).toList();
            var title = paragraphs.get(1);

            assertThat(paragraphs.get(0).getText()).isEqualTo("测教〔2030〕1号");
            assertThat(paragraphs.get(0).getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertFont(paragraphs.get(0), "仿宋_GB2312", 16);

            assertThat(title.getText()).startsWith("2030年教育工作要点");
            assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertFont(title, "方正小标宋简体", 22);
            assertThat(title.getIndentationFirstLine()).isEqualTo(-1);

            assertThat(paragraphs.get(2).getText()).isEqualTo("以习近平新时代中国特色社会主义思想为指导。");
            assertBody(paragraphs.get(2), "仿宋_GB2312");
            assertThat(paragraphs.get(3).getText()).isEqualTo("一、全面加强党的建设");
            assertBody(paragraphs.get(3), "黑体");
            assertThat(paragraphs.get(4).getText()).isEqualTo("（一）强化政治引领");
            assertBody(paragraphs.get(4), "楷体_GB2312");
            assertThat(paragraphs.get(5).getText()).isEqualTo("1.推进教育信息化建设。建设智慧校园示范校5所。");
            assertBody(paragraphs.get(5), "仿宋_GB2312");
            assertThat(paragraphs.get(5).getRuns().get(0).isBold()).isTrue();
            assertThat(paragraphs.get(5).getRuns().get(1).isBold()).isFalse();
            assertThat(paragraphs.get(6).getText()).isEqualTo("（1）完成千兆宽带接入。");
            assertBody(paragraphs.get(6), "仿宋_GB2312");

            var date = paragraphs.get(7);
            assertThat(date.getText()).isEqualTo("2030年1月15日");
            assertThat(date.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(paragraphs).hasSize(8);

            footers(document);
        }
    }

    private static void page(XWPFDocument document) {
        var section = document.getDocument().getBody().getSectPr();
        assertThat(section.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
        assertThat(section.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
        var margins = section.getPgMar();
        assertThat(cm(margins.getTop())).isEqualTo(3.7);
        assertThat(cm(margins.getBottom())).isEqualTo(3.5);
        assertThat(cm(margins.getLeft())).isEqualTo(2.8);
        assertThat(cm(margins.getRight())).isEqualTo(2.6);
        assertThat(section.getDocGrid().getType().toString()).isEqualTo("linesAndChars");
        assertThat(document.getSettings().getEvenAndOddHeadings()).isTrue();
    }

    private static double cm(Object twips) {
        return Math.round(new BigInteger(twips.toString()).doubleValue() / 567 * 10) / 10.0;
    }

    private static void assertBody(XWPFParagraph paragraph, String font) {
        assertFont(paragraph, font, 16);
        assertThat(paragraph.getCTPPr().getInd().getFirstLineChars()).isEqualTo(BigInteger.valueOf(200));
        assertThat(paragraph.getIndentationFirstLine()).isEqualTo(640);
        assertThat(paragraph.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
    }

    /** Every run in the font (for Chinese and Latin text) and size; lines of exactly 28 pt. */
    private static void assertFont(XWPFParagraph paragraph, String font, int points) {
        assertThat(paragraph.getSpacingLineRule().name()).isEqualTo("EXACT");
        assertThat(paragraph.getCTPPr().getSpacing().getLineRule()).isEqualTo(STLineSpacingRule.EXACT);
        assertThat(paragraph.getSpacingBetween()).isEqualTo(28.0);
        for (XWPFRun run : paragraph.getRuns()) {
            assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo(font);
            assertThat(run.getFontFamily(XWPFRun.FontCharRange.ascii)).isEqualTo(font);
            assertThat(run.getFontSizeAsDouble()).isEqualTo(points);
        }
    }

    private static void footers(XWPFDocument document) {
        var references = document.getDocument().getBody().getSectPr().getFooterReferenceList();
        assertThat(references).extracting(reference -> reference.getType()).containsExactlyInAnyOrder(STHdrFtr.DEFAULT, STHdrFtr.EVEN);
        for (var reference : references) {
            var footer = (XWPFFooter) document.getRelationById(reference.getId());
            var paragraph = footer.getParagraphs().get(0);
            boolean odd = reference.getType() == STHdrFtr.DEFAULT;
            assertThat(paragraph.getAlignment()).isEqualTo(odd ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
            assertThat(paragraph.getText()).isEqualTo("— 1 —");
            var runs = paragraph.getCTP().getRList();
            assertThat(runs.stream().flatMap(run -> run.getFldCharList().stream()).map(field -> field.getFldCharType()).toList())
                    .isEqualTo(List.of(STFldCharType.BEGIN, STFldCharType.SEPARATE, STFldCharType.END));
            assertThat(runs.stream().flatMap(run -> run.getInstrTextList().stream()).map(text -> text.getStringValue().strip()))
                    .containsExactly("PAGE");
            for (XWPFRun run : paragraph.getRuns()) {
                assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("宋体");
                assertThat(run.getFontSizeAsDouble()).isEqualTo(14);
            }
        }
    }
}
