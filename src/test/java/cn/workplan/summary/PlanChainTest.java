package cn.workplan.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.alignment.Alignments;
import cn.workplan.alignment.Coverage;
import cn.workplan.alignment.CoverageQueries;
import cn.workplan.alignment.PointStatus;
import cn.workplan.alignment.UpperDocumentQueries;
import cn.workplan.execution.PlanStandings;
import cn.workplan.execution.ProgressReports;
import cn.workplan.plan.CopyData;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.PlanService;
import cn.workplan.support.Browsers;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;
import cn.workplan.system.NotFoundException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * A plan in its chain (issue #16), end to end on a known first half year ({@link SummaryFixture}: item 1 on schedule at
 * 80 %, item 2 overdue at 60 %, item 3 not started): the city's work points — 34 points in seven chapters, written as a
 * city bureau writes them, with the header block of its information page — are imported through the plan import's
 * preview as an upper-level document; the plan's items are linked to points (one item to two points, one point to two
 * items); the coverage shows the covered and the uncovered points and the progress by point against the items' own
 * figures; the upward report (贯彻落实情况报告) follows the points and downloads as a Word file; next year's plan keeps
 * the links; and only those who may edit an item link it.
 */
@IntegrationTest
class PlanChainTest {

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
    Browsers browsers;
    @Autowired
    Alignments alignments;
    @Autowired
    CoverageQueries coverage;
    @Autowired
    UpperDocumentQueries documents;
    @Autowired
    PlanStandings standings;
    @Autowired
    Summaries summaries;
    @Autowired
    SummaryQueries queries;
    @Autowired
    PlanService planService;

    SummaryFixture f;
    String city;
    String title;
    long document;
    Map<String, Long> points;

    @BeforeEach
    void cityPointsAndACountyPlan() throws Exception {
        f = new SummaryFixture(data, plans, jdbc, reports, clock);
        clock.today(LocalDate.of(TestPlans.YEAR, 7, 5));
        city = TestData.unique("云岭") + "市教育局";
        title = city + "2030年工作要点";
        var text = new String(new ClassPathResource("demo/yunling-2026-work-points.txt").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).replace("云岭市教育局2026年工作要点", title).replace("〔2026〕", "〔2030〕");
        var browser = browsers.as(f.coordinator.getUsername());
        var preview = browser.post("/plans/import", "text", text, "purpose", "UPPER_DOCUMENT").andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(preview).startsWith("/plans/import/");
        var page = browser.page(preview);
        assertThat(page.text()).contains("上级文件导入预览", "保存为上级文件（34 条要点）");
        assertThat(page.value("issuer")).as("the issuing body the title names").isEqualTo(city);
        var saved = browser.post("/plans/import/confirm", "token", preview.substring("/plans/import/".length()), "plan", "0",
                "issuer", "云岭市教育局").andReturn().getResponse().getRedirectedUrl();
        assertThat(saved).matches("/upper-documents/\\d+");
        document = Long.parseLong(saved.substring("/upper-documents/".length()));
        points = new HashMap<>();
        jdbc.sql("select reference, id from upper_point where document_id = :document").param("document", document)
                .query(row -> {
                    points.put(row.getString("reference"), row.getLong("id"));
                });
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theCitysPointsAreKeptAsAReadOnlyReferenceNumberedAsPrinted() {
        var view = documents.document(document, f.coordinator);
        var header = view.header();
        assertThat(header.title()).isEqualTo(title);
        assertThat(header.issuer()).isEqualTo("云岭市教育局");
        assertThat(header.documentNumber()).isEqualTo("云教发〔2030〕3号");
        assertThat(header.issueDate()).isEqualTo(LocalDate.of(2026, 1, 20));
        assertThat(header.year()).isEqualTo(2030);
        assertThat(header.preamble()).startsWith("2026年全市教育工作的总体要求是");
        assertThat(view.pointCount()).isEqualTo(34);
        assertThat(view.points().stream().filter(point -> point.kind() == NodeKind.CHAPTER).map(point -> point.display()))
                .containsExactly("一、坚持党建统领，全面加强党对教育工作的领导", "二、推进优质均衡，扩大优质教育资源供给", "三、建设高素质专业化教师队伍",
                        "四、深化教育教学改革", "五、守牢校园安全底线", "六、提升教育治理能力", "七、办好人民满意的教育");
        var nine = view.points().stream().filter(point -> point.reference().equals("9")).findFirst().orElseThrow();
        assertThat(nine.display()).isEqualTo("9.深化集团化办学");
        assertThat(nine.body()).startsWith("推进城乡学校共同体和教育集团建设");
        assertThat(nine.depth()).isEqualTo(1);
        // saved once: the preview is gone, a second confirmation saves nothing more; the import is in the audit log
        assertThat(jdbc.sql("select count(*) from upper_document where title = :title").param("title", title).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'UPPER_DOCUMENT' and action = 'IMPORT' and entity_id = :id")
                .param("id", document).query(Integer.class).single()).isEqualTo(1);
        // principals do not read upper-level documents
        var principal = data.login(data.user(Role.PRINCIPAL, null, f.schoolA));
        assertThatThrownBy(() -> documents.document(document, principal)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theCoverageShowsEveryPointWithItsItemsAndTheProgressByPointAgainstTheItemsOwnFigures() {
        link("2", f.party);
        link("8", f.groups);
        link("9", f.groups);
        link("9", f.training);
        link("16", f.training);
        link("9", f.groups); // linking twice changes nothing

        var read = coverage.coverage(document, f.plan.id(), f.coordinator);
        assertThat(read.carriedOut()).isTrue();
        var totals = read.totals();
        assertThat(totals.points()).isEqualTo(34);
        assertThat(totals.covered()).isEqualTo(4);
        assertThat(totals.uncovered()).isEqualTo(30);
        assertThat(totals.itemsLinked()).isEqualTo(3);
        assertThat(totals.itemsOnSeveral()).as("推进集团化办学 carries out 8 and 9, 开展教师培训 9 and 16").isEqualTo(2);
        assertThat(totals.itemsUnlinked()).isZero();

        // the items' own figures, read apart from the coverage
        var own = standings.items(standings.reporting(f.plan.id()), LocalDate.of(TestPlans.YEAR, 7, 5));
        assertThat(own.get(f.party).percent()).isEqualTo(80);
        assertThat(own.get(f.groups).percent()).isEqualTo(60);
        assertThat(own.get(f.training).percent()).isZero();

        var two = row(read, "2");
        assertThat(two.items()).extracting(Coverage.Item::id).containsExactly(f.party);
        assertThat(two.items().get(0).leadOffice()).isEqualTo(f.leadName);
        assertThat(two.percent()).isEqualTo(own.get(f.party).percent());
        assertThat(two.status()).isEqualTo(PointStatus.ON_SCHEDULE);

        var nine = row(read, "9");
        assertThat(nine.items()).extracting(Coverage.Item::id).containsExactly(f.groups, f.training);
        assertThat(nine.percent()).as("the mean of its items' progress").isEqualTo((own.get(f.groups).percent() + own.get(f.training).percent()) / 2);
        assertThat(nine.status()).as("the worst of its items: overdue").isEqualTo(PointStatus.OVERDUE);
        assertThat(nine.items()).extracting(Coverage.Item::points).containsExactly(2, 2);

        assertThat(row(read, "16").status()).as("on 5 July its third quarter has begun").isEqualTo(PointStatus.ON_SCHEDULE);
        assertThat(row(read, "4").uncovered()).isTrue();
        assertThat(row(read, "4").status()).isEqualTo(PointStatus.UNCOVERED);
        assertThat(totals.count(PointStatus.UNCOVERED)).isEqualTo(30);
        assertThat(totals.count(PointStatus.OVERDUE)).isEqualTo(2);

        // the page as a leader reads it: each point's row with its items, lead offices, lights; points without an item in red
        var page = coveragePage();
        var nineRow = page.getElementById("point-" + points.get("9"));
        assertThat(nineRow.attr("data-status")).isEqualTo("OVERDUE");
        assertThat(nineRow.select(".coverage-item a").eachText()).containsExactly("2.推进集团化办学。", "3.开展教师培训。");
        assertThat(nineRow.text()).contains(f.leadName + "牵头", "落实 2 条要点", "逾期");
        assertThat(page.getElementById("point-" + points.get("4")).hasClass("table-danger")).as("a point without an item stands out").isTrue();
        assertThat(page.getElementById("point-" + points.get("16")).hasClass("table-danger")).isFalse();

        // unlinking takes the item off the point; the point without items is uncovered again, on the page at once
        alignments.unlink(f.plan.id(), points.get("16"), f.training, f.coordinator);
        assertThat(row(coverage.coverage(document, f.plan.id(), f.coordinator), "16").uncovered()).isTrue();
        assertThat(coveragePage().getElementById("point-" + points.get("16")).hasClass("table-danger")).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'ALIGNMENT' and entity_id = :item and action in ('CREATE', 'DELETE')")
                .param("item", f.training).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void theUpwardReportFollowsThePointsWithTheItemsAndDownloadsAsWordAndPdf() throws Exception {
        link("2", f.party);
        link("9", f.groups);
        link("9", f.training);
        var drafted = summaries.create(f.plan.id(), new NewSummary(SummaryKind.UPWARD, null, null, document, 1), f.coordinator);
        assertThat(drafted.existed()).isFalse();
        var summary = queries.summary(drafted.id(), f.coordinator);
        assertThat(summary.title()).isEqualTo("关于2030年上半年贯彻落实《" + title + "》情况的报告");
        var text = summary.numbered().stream().filter(block -> !block.isTable()).map(block -> block.display()).toList();
        assertThat(text.get(0)).isEqualTo("云岭市教育局：");
        assertThat(text.get(1)).startsWith("按照《" + title + "》（云教发〔2030〕3号）部署，我局结合县域实际，在《").contains("将上级确定的34项工作要点细化为3项具体任务",
                "截至6月30日，34项要点中，已安排对应任务的2项，其中进展正常1项，逾期未完成1项，尚未安排对应任务的32项。");
        assertThat(text).contains("一、贯彻落实情况", "（一）坚持党建统领，全面加强党对教育工作的领导", "二、要点落实情况一览", "三、存在的问题",
                "四、下半年工作打算");
        assertThat(text).anySatisfy(paragraph -> assertThat(paragraph).startsWith("（第2条）加强中小学校党组织建设。我局将其落实为第1项任务“加强基层党组织建设”（"
                + f.leadName + "牵头）。全县已创建党建示范校2所，基层党组织标准化建设稳步推进。党建示范校目标不低于2所，实际为2所，已达标。截至6月30日，完成进度80%，进展正常。"));
        assertThat(text).anySatisfy(paragraph -> assertThat(paragraph).startsWith("（第9条）深化集团化办学。我局将其分解为第2项“推进集团化办学”（"
                + f.leadName + "牵头）、第3项“开展教师培训”（" + f.cooperatingName + "牵头）2项任务。第2项：").contains("已超过完成时限，尚未完成", "第3项：")
                .contains("尚未启动"));
        assertThat(text).contains("（第4条）牢牢掌握意识形态工作领导权。我局年度工作要点尚未安排对应任务，将结合县域实际研究提出落实措施。");
        var table = summary.blocks().stream().filter(Block::isTable).findFirst().orElseThrow();
        assertThat(table.header()).containsExactly("序号", "上级要点", "我局对应任务", "牵头股室", "完成进度", "落实情况");
        assertThat(table.rows()).hasSize(34);
        assertThat(table.rows().get(8)).containsExactly("第9条", "深化集团化办学", "2.推进集团化办学；3.开展教师培训",
                f.leadName + "、" + f.cooperatingName, "30%", "逾期未完成");
        assertThat(table.rows().get(3)).containsExactly("第4条", "牢牢掌握意识形态工作领导权", "—", "—", "—", "尚无对应任务");
        assertThat(text).anySatisfy(paragraph -> assertThat(paragraph).contains("上级要点第1、3、4、5、6、7、8、10、11", "条共32项，我局年度工作要点尚未安排对应任务"));

        // drafting again opens the same report; the whole year is another one; a document is required
        assertThat(summaries.create(f.plan.id(), new NewSummary(SummaryKind.UPWARD, null, null, document, 1), f.coordinator))
                .isEqualTo(new Summaries.Drafted(drafted.id(), true));
        assertThat(summaries.create(f.plan.id(), new NewSummary(SummaryKind.UPWARD, null, null, document, 2), f.coordinator).id())
                .isNotEqualTo(drafted.id());
        assertThatThrownBy(() -> summaries.create(f.plan.id(), new NewSummary(SummaryKind.UPWARD, null, null, null, 1), f.coordinator))
                .hasMessage("summary.error.upper");
        assertThatThrownBy(() -> summaries.create(f.plan.id(), new NewSummary(SummaryKind.UPWARD, null, null, Long.MAX_VALUE, 1), f.coordinator))
                .isInstanceOf(NotFoundException.class);

        // editable, regenerated from the links, lockable like every drafted report
        summaries.regenerate(drafted.id(), summary.version(), f.coordinator);
        summaries.lock(drafted.id(), summary.version() + 1, f.coordinator);

        // the Word file in the official format: the title, the points' paragraphs, the table with a row per point
        var word = browsers.as(f.coordinator.getUsername()).get("/summaries/{id}.docx", drafted.id()).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var docx = new XWPFDocument(new ByteArrayInputStream(word))) {
            var paragraphs = docx.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).contains("关于2030年上半年贯彻落实《" + title + "》情况的报告", "云岭市教育局：", "一、贯彻落实情况",
                    "（一）坚持党建统领，全面加强党对教育工作的领导");
            assertThat(paragraphs).anySatisfy(paragraph -> assertThat(paragraph).startsWith("（第9条）深化集团化办学。"));
            assertThat(docx.getTables()).hasSize(1);
            assertThat(docx.getTables().get(0).getRows()).hasSize(35);
            assertThat(docx.getTables().get(0).getRow(9).getCell(5).getText()).isEqualTo("逾期未完成");
            var title = docx.getParagraphs().stream().filter(paragraph -> paragraph.getText().startsWith("关于2030年")).findFirst().orElseThrow();
            assertThat(title.getRuns().get(0).getFontFamily()).isEqualTo("方正小标宋简体");
        }
        // and as PDF, like the other drafted reports: the same title, points and table
        var pdf = browsers.as(f.coordinator.getUsername()).get("/summaries/{id}.pdf", drafted.id()).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        try (var file = Loader.loadPDF(pdf.getContentAsByteArray())) {
            var pdfText = new PDFTextStripper().getText(file).replaceAll("\\s+", "");
            assertThat(pdfText).contains("关于2030年上半年贯彻落实", "云岭市教育局：", "一、贯彻落实情况", "（第9条）深化集团化办学。",
                    "二、要点落实情况一览", "尚无对应任务");
        }
        // an upper-level document a report follows is not deleted from under it
        assertThatThrownBy(() -> jdbc.sql("delete from upper_document where id = :id").param("id", document).update())
                .hasMessageContaining("summary");
    }

    @Test
    void nextYearsPlanKeepsTheLinksOfTheItemsItCarriesOver() {
        link("2", f.party);
        link("9", f.groups);
        link("16", f.groups);
        long next = planService.copy(f.plan.id(), new CopyData(TestPlans.YEAR + 1, TestData.unique("2031年教育工作要点")), f.coordinator);
        var copied = jdbc.sql("""
                select p.reference, n.headline from alignment a join upper_point p on p.id = a.point_id join plan_node n on n.id = a.item_id
                where a.plan_id = :plan order by p.position""").param("plan", next)
                .query((row, number) -> row.getString("reference") + " " + row.getString("headline")).list();
        assertThat(copied).containsExactly("2 加强基层党组织建设。", "9 推进集团化办学。", "16 推进集团化办学。");
        assertThat(coverage.coverage(document, next, f.coordinator).totals().covered()).isEqualTo(3);
    }

    @Test
    void onlyThoseWhoMayEditAnItemLinkIt() {
        var otherOffice = data.login(data.staffOf(data.office()));
        var leadStaff = data.login(data.staffOf(f.lead));
        var leader = data.login(data.user(Role.LEADER));
        var inspector = data.login(data.user(Role.INSPECTOR));
        var principal = data.login(data.user(Role.PRINCIPAL, null, f.schoolA));
        for (var person : List.of(otherOffice, leadStaff, leader, inspector, principal)) {
            assertThatThrownBy(() -> alignments.link(f.plan.id(), points.get("2"), f.party, person))
                    .as(person.role() + " on a published plan").isInstanceOf(AccessDeniedException.class);
        }
        // a draft: the lead office's staff link their own items, not another office's
        var draft = plans.draft();
        long own = draft.item(draft.chapter("章"), cn.workplan.support.ItemSpec.item("本股室的任务。").lead(f.lead));
        long other = draft.item(null, cn.workplan.support.ItemSpec.item("别的股室的任务。").lead(f.cooperating));
        alignments.link(draft.id(), points.get("5"), own, leadStaff);
        assertThatThrownBy(() -> alignments.link(draft.id(), points.get("5"), other, leadStaff)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> alignments.link(draft.id(), points.get("5"), own, principal)).isInstanceOf(NotFoundException.class);
        // an item of another plan, and a chapter heading, are refused
        assertThatThrownBy(() -> alignments.link(draft.id(), points.get("5"), f.party, f.coordinator)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> alignments.link(draft.id(), points.get("一"), own, f.coordinator)).hasMessage("upper.error.notLinkable");

        // turning a point into an item: the headline copied, the link kept
        long item = alignments.turnIntoItem(draft.id(), points.get("25"), null, f.coordinator);
        assertThat(jdbc.sql("select headline from plan_node where id = :id").param("id", item).query(String.class).single())
                .isEqualTo("加强学生防溺水教育");
        assertThat(jdbc.sql("select count(*) from alignment where item_id = :item and point_id = :point").param("item", item)
                .param("point", points.get("25")).query(Integer.class).single()).isEqualTo(1);
    }

    private org.jsoup.nodes.Document coveragePage() {
        try {
            return org.jsoup.Jsoup.parse(browsers.as(data.login(data.user(Role.LEADER)).getUsername())
                    .get("/upper-documents/{id}/coverage?plan={plan}", document, f.plan.id()).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void link(String point, long item) {
        alignments.link(f.plan.id(), points.get(point), item, f.coordinator);
    }

    private static Coverage.Row row(Coverage coverage, String reference) {
        return coverage.points().stream().filter(row -> row.point().reference().equals(reference)).findFirst().orElseThrow();
    }
}
