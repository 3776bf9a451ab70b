package cn.workplan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.plan.Numbering;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.PlanBuilder;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The downloads: the task table as an Excel workbook, the document as a PDF with its Chinese font embedded. */
@IntegrationTest
class PlanExportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    TestPlans plans;

    String officeA;
    String officeB;
    long officeAId;
    long officeBId;
    PlanBuilder plan;
    CurrentUser coordinator;

    /** 一、党的建设 1.加强党的建设。(甲 lead, 乙 cooperates, 9/30) 二、教育教学 2.开展校园安全排查。(乙, 3/31, quarters) */
    @BeforeEach
    void plan() {
        officeA = TestData.unique("甲股");
        officeB = TestData.unique("乙股");
        officeAId = data.office(officeA, officeA);
        officeBId = data.office(officeB, officeB);
        plan = plans.draft(Numbering.CONTINUOUS);
        coordinator = plan.by();
        long party = plan.chapter("党的建设");
        plan.item(party, ItemSpec.item("加强党的建设。")
                .body("落实全面从严治党主体责任，年内完成党组织换届。" + "坚持把党的政治建设摆在首位，推动学校党组织建设提质增效。".repeat(40))
                .lead(officeAId).cooperating(officeBId).due(LocalDate.of(2030, 9, 30)));
        long teaching = plan.chapter("教育教学");
        plan.item(teaching, ItemSpec.item("开展校园安全排查。").body("每月排查一次隐患。").lead(officeBId)
                .due(LocalDate.of(2030, 3, 31)).quarters("完成春季排查", "", "完成秋季排查", ""));
    }

    MockHttpServletResponse download(String url, Object... variables) throws Exception {
        return mvc.perform(get(url, variables).with(user(coordinator)))
                .andExpect(status().isOk())
                .andReturn().getResponse();
    }

    // ------------------------------------------------------------------------------------------------ xlsx

    static List<List<String>> rows(Sheet sheet) {
        var formatter = new DataFormatter();
        var rows = new ArrayList<List<String>>();
        for (var row : sheet) {
            var cells = new ArrayList<String>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                cells.add(formatter.formatCellValue(row.getCell(c)));
            }
            rows.add(cells);
        }
        return rows;
    }

    @Test
    void theTaskTableDownloadsAsAWorkbook() throws Exception {
        var response = download("/plans/{id}/tasks.xlsx", plan.id());
        assertThat(response.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var disposition = response.getHeader(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(disposition).startsWith("attachment;");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8))
                .endsWith("任务分解表.xlsx").contains("年教育工作要点");

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            var rows = rows(sheet);
            assertThat(rows.get(0).get(0)).contains("年教育工作要点").endsWith("任务分解表");
            assertThat(rows.get(1)).containsExactly("序号", "工作任务", "牵头股室", "配合股室", "责任学校", "完成时限", "季度安排");
            assertThat(rows).hasSize(4);
            assertThat(rows.get(2)).startsWith("1", "加强党的建设。", officeA, officeB);
            assertThat(rows.get(2).get(5)).isNotBlank().isNotEqualTo("—");
            assertThat(rows.get(3)).startsWith("2", "开展校园安全排查。", officeB);
            assertThat(rows.get(3).get(6)).isEqualTo("一季度：完成春季排查\n三季度：完成秋季排查");

            // the header is bold with borders, texts wrap
            var header = sheet.getRow(1).getCell(0).getCellStyle();
            assertThat(workbook.getFontAt(header.getFontIndex()).getBold()).isTrue();
            assertThat(header.getBorderBottom()).isNotEqualTo(org.apache.poi.ss.usermodel.BorderStyle.NONE);
            assertThat(sheet.getRow(2).getCell(1).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(0) * 3);
            // frozen below the header, filter on the header, printed landscape on A4, fitted to the width,
            // the header row repeated on every page
            var pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:G4");
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
            assertThat(sheet.getRepeatingRows()).hasToString(new org.apache.poi.ss.util.CellRangeAddress(1, 1, -1, -1).toString());
        }
    }

    @Test
    void theWorkbookHasTheFiltersOfThePage() throws Exception {
        var response = mvc.perform(get("/plans/{id}/tasks.xlsx", plan.id()).param("office", Long.toString(officeAId))
                .with(user(coordinator))).andExpect(status().isOk()).andReturn().getResponse();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            var rows = rows(workbook.getSheetAt(0));
            assertThat(rows).hasSize(3);
            assertThat(rows.get(2).get(1)).isEqualTo("加强党的建设。");
        }
        var sorted = mvc.perform(get("/plans/{id}/tasks.xlsx", plan.id()).param("sort", "deadline")
                .with(user(coordinator))).andExpect(status().isOk()).andReturn().getResponse();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(sorted.getContentAsByteArray()))) {
            assertThat(rows(workbook.getSheetAt(0)).subList(2, 4)).extracting(row -> row.get(1))
                    .containsExactly("开展校园安全排查。", "加强党的建设。");
        }
    }

    @Test
    void theTaskTablePageLinksToTheWorkbookWithItsFilters() throws Exception {
        var html = mvc.perform(get("/plans/{id}/tasks", plan.id()).param("office", Long.toString(officeAId)).param("sort", "deadline")
                .with(user(coordinator))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var href = Jsoup.parse(html).getElementById("export-xlsx").attr("href");
        assertThat(href).isEqualTo("/plans/" + plan.id() + "/tasks.xlsx?office=" + officeAId + "&sort=deadline");
        // the link as the browser follows it
        var response = download(href);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            assertThat(rows(workbook.getSheetAt(0))).hasSize(3);
        }

        var unfiltered = mvc.perform(get("/plans/{id}/tasks", plan.id()).param("tag", "").with(user(coordinator)))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(unfiltered).getElementById("export-xlsx").attr("href")).isEqualTo("/plans/" + plan.id() + "/tasks.xlsx");
    }

    // ------------------------------------------------------------------------------------------------- pdf

    @Test
    void theDocumentDownloadsAsAPdfWithItsChineseFontEmbedded() throws Exception {
        plan.publish();
        var response = download("/plans/{id}/export.pdf", plan.id());
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        var disposition = response.getHeader(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8))
                .endsWith(".pdf").contains("年教育工作要点");
        // for a look at the layout: target/exports/plan.pdf
        Files.createDirectories(Path.of("target/exports"));
        Files.write(Path.of("target/exports/plan.pdf"), response.getContentAsByteArray());
        try (var pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            var page = pdf.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
            assertThat(page.getHeight()).isCloseTo(842f, org.assertj.core.data.Offset.offset(2f));
            var text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("年教育工作要点", "测教〔2030〕1号", "一、党的建设", "1.加强党的建设。",
                    "落实全面从严治党主体责任", "二、教育教学", "2.开展校园安全排查。", "2030年1月15日", "— 1 —", "— 2 —");
            assertThat(fonts(pdf)).isNotEmpty().allSatisfy(font ->
                    assertThat(font.isEmbedded()).as("%s is embedded", font.getName()).isTrue());
        }
    }

    @Test
    void principalsGetNoPdfOfADraft() throws Exception {
        mvc.perform(get("/plans/{id}/export.pdf", plan.id()).with(user(plans.person(Role.PRINCIPAL))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theDocumentViewLinksToThePdf() throws Exception {
        var html = mvc.perform(get("/plans/{id}/document", plan.id()).with(user(coordinator)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).getElementById("export-pdf").attr("href")).isEqualTo("/plans/" + plan.id() + "/export.pdf");
    }

    static List<PDFont> fonts(PDDocument pdf) throws IOException {
        var fonts = new ArrayList<PDFont>();
        for (var page : pdf.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }
}
