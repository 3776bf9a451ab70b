package cn.workplan.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.execution.ProgressReports;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.SqlStatements;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The general office drafts a mid-year summary in the browser's requests, edits a paragraph, meets a colleague's
 * newer save, locks the text and downloads it as Word and PDF; nobody else changes it, and only leaders and
 * inspectors besides read it. The draft page reads the stored text in one statement.
 */
@IntegrationTest
class SummaryPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProgressReports reports;
    @Autowired
    TestClock clock;
    @Autowired
    SummaryQueries queries;

    SummaryFixture f;
    CurrentUser office;

    @BeforeEach
    void firstHalfYear() {
        f = new SummaryFixture(data, plans, jdbc, reports, clock);
        clock.today(LocalDate.of(TestPlans.YEAR, 7, 5));
        office = f.coordinator;
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theGeneralOfficeDraftsEditsAndLocksAReport() throws Exception {
        var list = mvc.perform(get("/plans/{id}/summaries", f.plan.id()).with(user(office))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(list).getElementById("new-summary").attr("href")).isEqualTo("/plans/" + f.plan.id() + "/summaries/new");
        assertThat(Jsoup.parse(list).getElementById("plan-summaries-tab")).isNotNull();
        mvc.perform(get("/plans/{id}/summaries/new", f.plan.id()).with(user(office))).andExpect(status().isOk());

        long id = create("MID_YEAR");
        var page = mvc.perform(get("/summaries/{id}", id).with(user(office))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var document = Jsoup.parse(page);
        assertThat(document.getElementById("summary-title").val()).isEqualTo("2030年上半年工作总结和下半年工作思路");
        assertThat(document.select("#summary-form .summary-heading .input-group-text").eachText()).startsWith("一、", "（一）", "（二）", "二、");
        assertThat(document.getElementById("summary-meta").text()).contains("进度数据截至2030年6月30日");

        // edit the paragraph of item 1 and save
        var form = SummaryForm.of(queries.summary(id, office));
        int item = paragraphOf(form, "1.加强基层党组织建设。");
        var edited = "1.加强基层党组织建设。全县已创建党建示范校2所，完成率100%。";
        mvc.perform(save(id, form, item, edited)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/summaries/" + id))
                .andExpect(flash().attribute("message", "summary.saved"));
        var saved = queries.summary(id, office);
        assertThat(saved.blocks().get(item).text()).isEqualTo(edited);
        assertThat(saved.version()).isEqualTo(form.version() + 1);
        assertThat(saved.editedBy()).isEqualTo(office.displayName());
        assertThat(audit(id)).contains("UPDATE");

        // a colleague saves over the page still open: the second save is refused, what was typed stays in the form
        var stale = mvc.perform(save(id, form, item, "1.加强基层党组织建设。另一位同事的修改。")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var conflict = Jsoup.parse(stale);
        assertThat(conflict.select("[role=alert]").text()).contains("没有保存", "已被他人修改");
        assertThat(conflict.getElementById("block-" + item).text()).isEqualTo("1.加强基层党组织建设。另一位同事的修改。");
        assertThat(conflict.getElementById("summary-conflict").text()).contains("另一位同事的修改", edited);
        assertThat(conflict.selectFirst("#summary-form input[name=version]").val()).isEqualTo(Long.toString(saved.version()));
        assertThat(queries.summary(id, office).blocks().get(item).text()).isEqualTo(edited);

        // an emptied paragraph is dropped
        var current = SummaryForm.of(queries.summary(id, office));
        mvc.perform(save(id, current, item, "")).andExpect(status().is3xxRedirection());
        assertThat(queries.summary(id, office).blocks()).hasSize(current.blocks().size() - 1)
                .noneMatch(block -> block.text().equals(edited));

        // locked: neither edited nor regenerated any more
        var locked = queries.summary(id, office);
        mvc.perform(post("/summaries/{id}/lock", id).param("version", Long.toString(locked.version())).with(csrf()).with(user(office)))
                .andExpect(flash().attribute("message", "summary.lockedNow"));
        var afterLock = queries.summary(id, office);
        assertThat(afterLock.locked()).isTrue();
        var refused = mvc.perform(save(id, SummaryForm.of(afterLock), 0, "改动")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(refused).select("[role=alert]").text()).contains("已定稿锁定");
        mvc.perform(post("/summaries/{id}/regenerate", id).param("version", Long.toString(afterLock.version())).with(csrf()).with(user(office)))
                .andExpect(flash().attribute("error", "summary.error.locked"));
        assertThat(queries.summary(id, office).blocks()).isEqualTo(afterLock.blocks());
        var readOnly = Jsoup.parse(mvc.perform(get("/summaries/{id}", id).with(user(office))).andReturn().getResponse().getContentAsString());
        assertThat(readOnly.getElementById("summary-form")).isNull();
        assertThat(readOnly.getElementById("summary-state").text()).isEqualTo("已定稿");
        assertThat(readOnly.getElementById("unlock-form")).as("only the general office's head unlocks").isNull();

        // unlocking: not the general office's staff; an administrator, with a reason
        mvc.perform(post("/summaries/{id}/unlock", id).param("version", Long.toString(afterLock.version())).param("reason", "补充数据")
                .with(csrf()).with(user(office))).andExpect(status().isForbidden());
        var admin = plans.person(Role.ADMIN);
        mvc.perform(post("/summaries/{id}/unlock", id).param("version", Long.toString(afterLock.version())).param("reason", " ")
                .with(csrf()).with(user(admin))).andExpect(flash().attribute("error", "summary.error.reason"));
        mvc.perform(post("/summaries/{id}/unlock", id).param("version", Long.toString(afterLock.version())).param("reason", "补充6月数据")
                .with(csrf()).with(user(admin))).andExpect(flash().attribute("message", "summary.unlocked"));
        assertThat(queries.summary(id, office).locked()).isFalse();
        assertThat(audit(id)).containsSubsequence("CREATE", "UPDATE", "LOCK", "UNLOCK");

        // regenerating rewrites the text from the data
        var unlocked = queries.summary(id, office);
        mvc.perform(post("/summaries/{id}/regenerate", id).param("version", Long.toString(unlocked.version())).with(csrf()).with(user(office)))
                .andExpect(flash().attribute("message", "summary.regenerated"));
        var regenerated = queries.summary(id, office);
        assertThat(regenerated.blocks()).anyMatch(block -> block.text().startsWith("1.加强基层党组织建设。全县已创建党建示范校2所，基层党组织"));
        assertThat(regenerated.editedAt()).isNull();
        assertThat(audit(id)).endsWith("REGENERATE");
    }

    @Test
    void theDraftPageReadsTheStoredTextInOneStatement() throws Exception {
        long id = create("MID_YEAR");
        var recording = SqlStatements.count(() -> mvc.perform(get("/summaries/{id}", id).with(user(office))).andExpect(status().isOk()));
        assertThat(recording.count()).as(recording.toString()).isEqualTo(1);
        assertThat(recording.statements().get(0)).doesNotContain("progress_report");
        var leader = plans.person(Role.LEADER);
        var asLeader = SqlStatements.count(() -> mvc.perform(get("/summaries/{id}", id).with(user(leader))).andExpect(status().isOk()));
        assertThat(asLeader.count()).isEqualTo(1);
    }

    @Test
    void theWordFileIsAnOfficialDocumentWithTheEditedText() throws Exception {
        long id = create("MID_YEAR");
        var form = SummaryForm.of(queries.summary(id, office));
        int item = paragraphOf(form, "3.开展教师培训。");
        mvc.perform(save(id, form, item, "3.开展教师培训。暑期集中培训教师320人次。")).andExpect(status().is3xxRedirection());

        var response = mvc.perform(get("/summaries/{id}.docx", id).with(user(plans.person(Role.INSPECTOR)))).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;").contains(".docx");
        try (var document = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            var section = document.getDocument().getBody().getSectPr();
            assertThat(section.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(section.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
            assertThat(List.of(cm(section.getPgMar().getTop()), cm(section.getPgMar().getBottom()), cm(section.getPgMar().getLeft()),
                    cm(section.getPgMar().getRight()))).containsExactly(3.7, 3.5, 2.8, 2.6);
            var paragraphs = document.getParagraphs().stream().filter(p -> !p.getText().isEmpty()).toList();
            var title = paragraphs.get(0);
            assertThat(title.getText()).isEqualTo("2030年上半年工作总结和下半年工作思路");
            assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertFont(title, "方正小标宋简体", 22);
            assertThat(paragraphs.get(1).getText()).startsWith("2030年以来，我局认真贯彻落实");
            assertFont(paragraphs.get(1), "仿宋_GB2312", 16);
            assertThat(paragraphs.get(1).getIndentationFirstLine()).isEqualTo(640);
            var heading = paragraph(paragraphs, "一、上半年工作完成情况");
            assertFont(heading, "黑体", 16);
            assertThat(heading.getStyle()).isEqualTo("Heading1");
            var subheading = paragraph(paragraphs, "（一）党的建设");
            assertFont(subheading, "楷体_GB2312", 16);
            assertThat(paragraph(paragraphs, "3.开展教师培训。暑期集中培训教师320人次。")).isNotNull();
            assertThat(paragraphs.stream().map(XWPFParagraph::getText)).contains("三、存在的问题", "四、下半年工作思路");
            assertThat(paragraphs.get(paragraphs.size() - 1).getText()).isEqualTo("2030年7月5日");
            assertThat(paragraphs.get(paragraphs.size() - 1).getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            var table = document.getTables().get(0);
            assertThat(table.getRow(0).getTableCells().stream().map(cell -> cell.getText()).toList())
                    .containsExactly("序号", "工作任务", "指标", "目标", "完成", "完成情况");
            assertThat(table.getRow(2).getTableCells().stream().map(cell -> cell.getText()).toList())
                    .containsExactly("2", "2.推进集团化办学。", "城乡教育集团", "≥3个", "1.5个（平均）", "未达标");
            assertThat(document.getSettings().getEvenAndOddHeadings()).isTrue();
        }
    }

    @Test
    void thePdfHasTheReportsText() throws Exception {
        long id = create("QUARTERLY");
        var response = mvc.perform(get("/summaries/{id}.pdf", id).with(user(plans.person(Role.LEADER)))).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        Files.createDirectories(Path.of("target/exports"));
        Files.write(Path.of("target/exports/summary.pdf"), response.getContentAsByteArray());
        try (var pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            var page = pdf.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
            var text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("2030年第二季度重点工作推进情况", "一、党的建设", "1.加强基层党组织建设。", "二、教育教学", "（一）义务教育",
                    "三、存在的问题", "请补充活动照片", "—1—");
        }
        long summary = create("MID_YEAR");
        var withTable = mvc.perform(get("/summaries/{id}.pdf", summary).with(user(office))).andExpect(status().isOk()).andReturn().getResponse();
        Files.write(Path.of("target/exports/summary-mid-year.pdf"), withTable.getContentAsByteArray());
        try (var pdf = Loader.loadPDF(withTable.getContentAsByteArray())) {
            var text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("二、主要指标完成情况", "序号", "完成情况", "城乡教育集团", "1.5个（平均）", "未达标", "四、下半年工作思路");
        }
    }

    @Test
    void onlyTheGeneralOfficeAndAdministratorsChangeReports() throws Exception {
        long id = create("QUARTERLY");
        var form = SummaryForm.of(queries.summary(id, office));
        for (var reader : List.of(plans.person(Role.LEADER), plans.person(Role.INSPECTOR))) {
            var page = mvc.perform(get("/summaries/{id}", id).with(user(reader))).andExpect(status().isOk()).andReturn().getResponse();
            assertThat(Jsoup.parse(page.getContentAsString()).getElementById("summary-form")).isNull();
            assertThat(Jsoup.parse(page.getContentAsString()).getElementById("document").text()).contains("一、党的建设");
            mvc.perform(get("/summaries/{id}.docx", id).with(user(reader))).andExpect(status().isOk());
            mvc.perform(get("/plans/{id}/summaries", f.plan.id()).with(user(reader))).andExpect(status().isOk());
            mvc.perform(save(id, form, 0, "改动", reader)).andExpect(status().isForbidden());
            mvc.perform(post("/summaries/{id}/lock", id).param("version", "0").with(csrf()).with(user(reader))).andExpect(status().isForbidden());
            mvc.perform(post("/plans/{id}/summaries", f.plan.id()).param("kind", "MID_YEAR").with(csrf()).with(user(reader)))
                    .andExpect(status().isForbidden());
        }
        for (var outsider : List.of(plans.staffOf(f.lead), plans.person(Role.PRINCIPAL))) {
            mvc.perform(get("/summaries/{id}", id).with(user(outsider))).andExpect(status().isForbidden());
            // a guessed id tells nothing
            mvc.perform(get("/summaries/{id}", id + 100_000).with(user(outsider))).andExpect(status().isForbidden());
            mvc.perform(get("/summaries/{id}.docx", id).with(user(outsider))).andExpect(status().isForbidden());
            mvc.perform(get("/summaries/{id}.pdf", id).with(user(outsider))).andExpect(status().isForbidden());
            mvc.perform(get("/plans/{id}/summaries", f.plan.id()).with(user(outsider))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/summaries/{id}", id + 100_000).with(user(office))).andExpect(status().isNotFound());
        var admin = plans.person(Role.ADMIN);
        mvc.perform(save(id, form, 0, form.blocks().get(0).text() + "（管理员补充）", admin)).andExpect(status().is3xxRedirection());
        assertThat(queries.summary(id, office).blocks().get(0).text()).endsWith("（管理员补充）");
    }

    @Test
    void aDraftPlanTakesNoReports() throws Exception {
        var draft = plans.draft();
        draft.chapter("党的建设");
        var list = mvc.perform(get("/plans/{id}/summaries", draft.id()).with(user(draft.by()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(list).getElementById("new-summary")).isNull();
        mvc.perform(post("/plans/{id}/summaries", draft.id()).param("kind", "MID_YEAR").with(csrf()).with(user(draft.by())))
                .andExpect(redirectedUrl("/plans/" + draft.id() + "/summaries")).andExpect(flash().attribute("error", "summary.error.notPublished"));
    }

    @Test
    void aRefusedRequestComesBackToTheForm() throws Exception {
        var page = mvc.perform(post("/plans/{id}/summaries", f.plan.id()).param("kind", "QUARTERLY").param("quarter", "4").with(csrf())
                .with(user(office))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var form = Jsoup.parse(page);
        assertThat(form.select("[role=alert]").text()).contains("所选期间还没有开始");
        assertThat(form.getElementById("kind-QUARTERLY").hasAttr("checked")).isTrue();
        assertThat(form.getElementById("quarter").hasClass("is-invalid")).isTrue();
    }

    private long create(String kind) throws Exception {
        var response = mvc.perform(post("/plans/{id}/summaries", f.plan.id()).param("kind", kind).param("quarter", "2").with(csrf())
                .with(user(office))).andExpect(status().is3xxRedirection()).andReturn().getResponse();
        return Long.parseLong(response.getRedirectedUrl().replace("/summaries/", ""));
    }

    private MockHttpServletRequestBuilder save(long id, SummaryForm form, int index, String text) {
        return save(id, form, index, text, office);
    }

    /** The page's form as it was shown, with one block's text changed. */
    private static MockHttpServletRequestBuilder save(long id, SummaryForm form, int index, String text, CurrentUser by) {
        var request = post("/summaries/{id}", id).param("version", Long.toString(form.version())).param("title", form.title());
        for (int i = 0; i < form.blocks().size(); i++) {
            var block = form.blocks().get(i);
            request.param("blocks[" + i + "].text", i == index ? text : block.text());
            for (int k = 0; k < block.cells().size(); k++) {
                request.param("blocks[" + i + "].cells[" + k + "]", block.cells().get(k));
            }
        }
        return request.with(csrf()).with(user(by));
    }

    private static int paragraphOf(SummaryForm form, String start) {
        for (int i = 0; i < form.blocks().size(); i++) {
            if (form.blocks().get(i).text().startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no paragraph starts with " + start);
    }

    private List<String> audit(long id) {
        return jdbc.sql("select action from audit_event where entity_type = 'SUMMARY' and entity_id = :id order by id")
                .param("id", id).query(String.class).list();
    }

    private static XWPFParagraph paragraph(List<XWPFParagraph> paragraphs, String text) {
        return paragraphs.stream().filter(p -> p.getText().equals(text)).findFirst().orElseThrow(() -> new AssertionError("no paragraph " + text));
    }

    private static double cm(Object twips) {
        return Math.round(new BigInteger(twips.toString()).doubleValue() / 567 * 10) / 10.0;
    }

    private static void assertFont(XWPFParagraph paragraph, String font, int points) {
        assertThat(paragraph.getSpacingBetween()).isEqualTo(28.0);
        for (XWPFRun run : paragraph.getRuns()) {
            assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo(font);
            assertThat(run.getFontSizeAsDouble()).isEqualTo(points);
        }
    }
}
