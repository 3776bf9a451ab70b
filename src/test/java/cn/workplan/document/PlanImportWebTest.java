package cn.workplan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.plan.NodeKind;
import cn.workplan.support.Browser;
import cn.workplan.support.Browsers;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.Page;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;

/** The general office imports an existing plan: read, shape it on the preview, confirm; nothing is saved before. */
@IntegrationTest
class PlanImportWebTest {

    @Autowired
    Browsers browsers;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    Browser office;

    @BeforeEach
    void logIn() {
        office = browsers.as(data.coordinator());
    }

    @Test
    void importsTheJiyuanPlanWithItsChaptersItemsAndDocumentNumber() throws Exception {
        long before = plans();
        var text = new String(Samples.bytes(Samples.JIYUAN), StandardCharsets.UTF_8);
        var preview = office.follow(office.post("/plans/import", "text", text));
        assertThat(plans()).as("nothing is saved by reading").isEqualTo(before);
        assertThat(preview.all(".import-node[data-kind=CHAPTER]")).hasSize(8);
        assertThat(preview.all(".import-node[data-kind=ITEM]")).hasSize(36);
        assertThat(preview.one("#documentNumber-0").val()).isEqualTo("济教〔2018〕1号");
        assertThat(preview.one("#year-0").val()).isEqualTo("2018");
        assertThat(preview.all(".import-source li").text()).contains("济源市教育局2018年工作要点");

        var confirmed = office.post("/plans/import/confirm", "token", token(preview), "plan", "0")
                .andExpect(redirectedUrlPattern("/plans/*"));
        assertThat(office.follow(confirmed).text()).contains("已导入 36 项任务");

        long planId = newestPlan();
        assertThat(plans()).isEqualTo(before + 1);
        assertThat(jdbc.queryForMap("select title, year, status, document_number, issue_date::text as issued, kind from plan where id = ?", planId))
                .containsEntry("title", "济源市教育局2018年工作要点").containsEntry("year", 2018).containsEntry("status", "DRAFT")
                .containsEntry("document_number", "济教〔2018〕1号").containsEntry("issued", "2018-02-05")
                .containsEntry("kind", "WORK_POINTS");
        assertThat(count(planId, "CHAPTER")).isEqualTo(8);
        assertThat(count(planId, "ITEM")).isEqualTo(36);
        var expected = Samples.importSample(Samples.JIYUAN).plan().items().stream().map(ParsedNode::headline).toList();
        assertThat(headlines(planId, "ITEM")).isEqualTo(expected);
        assertThat(headlines(planId, "ITEM").get(7)).isEqualTo("推进教育信息化建设");
        assertThat(jdbc.queryForObject("select count(*) from plan_node i join plan_node c on c.id = i.parent_id "
                + "where i.plan_id = ? and i.kind = 'ITEM' and c.kind = 'CHAPTER'", Long.class, planId))
                .as("every item stands under its chapter").isEqualTo(36);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'PLAN' and entity_id = ?",
                Long.class, planId)).isEqualTo(1);
    }

    /**
     * The township plan of issue #13: the preview marks the line read two ways and says why; the saved plan and its
     * Word file keep the items' text as printed after their numbers ("12月底前…", never "4.12月底前" or "4.4.12…"),
     * and the numbers: chapter 二, items 3 to 5.
     */
    @Test
    void theTownshipPlanIsMarkedWhereItWasInDoubtAndSavesItsTextAsPrinted() throws Exception {
        var preview = read(PlanImportSequenceTest.TOWNSHIP);
        assertThat(preview.all(".import-node[data-kind=ITEM]")).hasSize(3);
        var doubtful = node(preview, "12月底前完成薄弱学校改造");
        assertThat(doubtful.hasClass("import-node-doubtful")).isTrue();
        assertThat(doubtful.select(".reading-note").text()).contains("读作第 4 项的编号").contains("12月底前");

        // an excerpt has no title: the person gives one
        preview = edit(token(preview), "/plans/0", "title", TestData.unique("测试镇教育工作要点"), "documentNumber", "",
                "year", "2026", "numbering", "CONTINUOUS");
        var confirmed = office.post("/plans/import/confirm", "token", token(preview), "plan", "0");
        var shown = office.follow(confirmed);
        assertThat(shown.has("#import-error")).as(() -> shown.one("#import-error").text()).isFalse();
        assertThat(shown.text()).contains("已导入 3 项任务");
        long planId = newestPlan();
        var items = List.of("全镇小学入学率达到100%，初中巩固率不低于98%", "12月底前完成薄弱学校改造", "普惠性幼儿园覆盖率达到90%以上");
        assertThat(headlines(planId, "ITEM")).containsExactlyElementsOf(items);

        var word = office.get("/plans/{id}/export.docx", planId).andReturn().getResponse().getContentAsByteArray();
        var again = new PlanImporter().importFile("plan.docx", word, ImportOptions.defaults()).plan();
        assertThat(again.items()).extracting(ParsedNode::headline).containsExactlyElementsOf(items);
        // the excerpt keeps the numbers it was printed with, on the plan's page and in its Word file
        assertThat(again.allNodes()).extracting(node -> node.kind() + " " + node.number()).containsExactly("CHAPTER 二",
                "SECTION 一", "ITEM 3", "ITEM 4", "SECTION 二", "ITEM 5");
        assertThat(again.numbering()).isEqualTo(cn.workplan.plan.Numbering.CONTINUOUS);
        assertThat(office.page("/plans/{id}", planId).all(".outline-number").eachText()).contains("二、", "3.", "4.", "5.");
    }

    static final String SMALL = """
            测试县教育局2026年工作要点
            一、第一章
            1.推进甲项工作。全县入学率达100%。于3月31日前完成。
            2.推进乙项工作。乙的第一句。乙的第二句。
            二、第二章
            3.推进丙项工作。丙的正文。
            打印本页 关闭窗口
            """;

    @Test
    void everyEditOfThePreviewDoesWhatItSaysAndSavesNothing() throws Exception {
        long before = plans();
        var preview = read(SMALL);
        var token = token(preview);
        assertThat(headlines(preview)).containsExactly("第一章", "推进甲项工作", "推进乙项工作", "第二章", "推进丙项工作");

        // level: the second item becomes a sub-point of the first
        preview = edit(token, "/nodes/" + id(preview, "推进乙项工作") + "/kind", "kind", "POINT");
        assertThat(node(preview, "推进乙项工作").attr("data-kind")).isEqualTo("POINT");
        assertThat(node(preview, "推进乙项工作").select(".node-number").text()).isEqualTo("（1）");
        preview = edit(token, "/nodes/" + id(preview, "推进乙项工作") + "/kind", "kind", "ITEM");
        assertThat(plans()).isEqualTo(before);

        // split at the first sentence: two items
        var split = node(preview, "推进乙项工作").select("form.split option").first().val();
        preview = edit(token, "/nodes/" + id(preview, "推进乙项工作") + "/split", "at", split);
        assertThat(headlines(preview)).containsExactly("第一章", "推进甲项工作", "推进乙项工作", "乙的第一句", "第二章", "推进丙项工作");
        assertThat(node(preview, "乙的第一句").select(".node-body").text()).isEqualTo("乙的第二句。");
        assertThat(plans()).isEqualTo(before);

        // merge it back into the previous one
        preview = edit(token, "/nodes/" + id(preview, "乙的第一句") + "/merge");
        assertThat(headlines(preview)).containsExactly("第一章", "推进甲项工作", "推进乙项工作", "第二章", "推进丙项工作");
        assertThat(node(preview, "推进乙项工作").select(".node-body").text()).contains("乙的第一句").contains("乙的第二句");
        assertThat(plans()).isEqualTo(before);

        // drop a node
        preview = edit(token, "/nodes/" + id(preview, "推进丙项工作") + "/drop");
        assertThat(headlines(preview)).containsExactly("第一章", "推进甲项工作", "推进乙项工作", "第二章");
        assertThat(plans()).isEqualTo(before);

        // residue: kept as an item where it stood, dropped again
        var residue = preview.all("#residue li").first();
        assertThat(residue.text()).contains("打印本页");
        var line = residue.id().substring("residue-".length());
        preview = edit(token, "/residue/" + line, "keep", "true");
        assertThat(headlines(preview)).contains("打印本页 关闭窗口");
        preview = edit(token, "/residue/" + line, "keep", "false");
        assertThat(headlines(preview)).doesNotContain("打印本页 关闭窗口");

        // suggestions: accept the target and the deadline of the first item
        var first = node(preview, "推进甲项工作");
        assertThat(first.select(".suggestion").text()).contains("入学率").contains("3月31日");
        preview = edit(token, "/nodes/" + id(preview, "推进甲项工作") + "/suggestions", "type", "TARGET", "index", "0", "accepted", "true");
        preview = edit(token, "/nodes/" + id(preview, "推进甲项工作") + "/suggestions", "type", "DEADLINE", "index", "0", "accepted", "true");
        assertThat(node(preview, "推进甲项工作").select(".suggestion[data-accepted=true]")).hasSize(2);

        // header
        preview = edit(token, "/plans/0", "title", "改过的标题" + TestData.unique(""), "documentNumber", "测教〔2026〕3号",
                "year", "2026", "numbering", "PER_SECTION");
        var title = preview.one("#title-0").val();
        assertThat(title).startsWith("改过的标题");
        assertThat(plans()).as("nothing is saved by editing").isEqualTo(before);

        office.post("/plans/import/confirm", "token", token, "plan", "0").andExpect(redirectedUrlPattern("/plans/*"));
        long planId = newestPlan();
        assertThat(jdbc.queryForMap("select title, document_number, numbering from plan where id = ?", planId))
                .containsEntry("title", title).containsEntry("document_number", "测教〔2026〕3号").containsEntry("numbering", "PER_SECTION");
        assertThat(headlines(planId, "ITEM")).containsExactly("推进甲项工作", "推进乙项工作");
        assertThat(jdbc.queryForMap("select deadline_kind, deadline::text as deadline from plan_node where plan_id = ? and headline = '推进甲项工作'", planId))
                .containsEntry("deadline_kind", "DATE").containsEntry("deadline", "2026-03-31");
        assertThat(jdbc.queryForObject("select count(*) from plan_item_target t join plan_node n on n.id = t.node_id where n.plan_id = ?",
                Long.class, planId)).isEqualTo(1);
    }

    @Test
    void aConfirmThatFailsHalfWayLeavesNoPlan() throws Exception {
        long before = plans();
        var preview = read(SMALL);
        var token = token(preview);
        // the second chapter as a sub-point stays under item 2; the first chapter as a section has no chapter above it
        preview = edit(token, "/nodes/" + id(preview, "第一章") + "/kind", "kind", "SECTION");
        assertThat(preview.text()).contains("有的条目层级放错了位置");

        var failed = office.post("/plans/import/confirm", "token", token, "plan", "0")
                .andExpect(redirectedUrl("/plans/import/" + token + "#plan-0"));
        assertThat(office.follow(failed).one("#import-error").text()).contains("“第一章”是二级标题");
        assertThat(plans()).isEqualTo(before);
    }

    @Test
    void badInputGivesTheMessageAndSavesNothing() throws Exception {
        long before = plans();
        var empty = Page.of(office.post("/plans/import", "text", "  \n  "));
        assertThat(empty.one("#text-error").text()).isEqualTo("没有可识别的文字，请检查粘贴的内容或上传的文件。");

        var binary = new byte[512];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        var binaryPage = Page.of(office.upload("/plans/import", "计划.txt", binary));
        assertThat(binaryPage.one("#file-error").text()).contains("不是文本文件");

        var pdf = Page.of(office.upload("/plans/import", "计划.pdf", "一、第一章".getBytes(StandardCharsets.UTF_8)));
        assertThat(pdf.one("#file-error").text()).contains("只支持粘贴文字");
        assertThat(plans()).isEqualTo(before);
    }

    @Test
    void aTokenOfSomeoneElseSendsBackToTheForm() throws Exception {
        var preview = read(SMALL);
        var other = browsers.as(data.coordinator());
        var stale = other.post("/plans/import/confirm", "token", token(preview), "plan", "0")
                .andExpect(redirectedUrl("/plans/import"));
        assertThat(other.follow(stale).text()).contains("这份导入预览已过期");
        other.get("/plans/import/" + token(preview)).andExpect(redirectedUrl("/plans/import"));
    }

    @Test
    void onlyTheGeneralOfficeAndAdministratorsImport() throws Exception {
        browsers.as(data.user(Role.ADMIN)).get("/plans/import").andExpect(status().isOk());
        assertThat(office.page("/plans").has("#import-plan")).isTrue();
        for (var role : List.of(Role.LEADER, Role.PRINCIPAL, Role.INSPECTOR)) {
            browsers.as(data.user(role)).get("/plans/import").andExpect(status().isForbidden());
            browsers.as(data.user(role)).post("/plans/import", "text", SMALL).andExpect(status().isForbidden());
        }
        var staff = browsers.as(data.staffOf(data.office()));
        staff.get("/plans/import").andExpect(status().isForbidden());
        staff.post("/plans/import/confirm", "token", "x", "plan", "0").andExpect(status().isForbidden());
        assertThat(staff.page("/plans").has("#import-plan")).isFalse();
    }

    private Page read(String text) throws Exception {
        return office.follow(office.post("/plans/import", "text", text));
    }

    private Page edit(String token, String path, String... fields) throws Exception {
        ResultActions done = office.post("/plans/import/" + token + path, fields);
        var page = office.follow(done);
        assertThat(page.has("#import-error")).as(() -> page.one("#import-error").text()).isFalse();
        return page;
    }

    private static String token(Page preview) {
        return preview.one("form input[name=token]").val();
    }

    private static List<String> headlines(Page preview) {
        return preview.all(".import-node .node-headline").eachText();
    }

    private static Element node(Page preview, String headline) {
        return preview.all(".import-node").stream()
                .filter(node -> node.select(".node-headline").text().equals(headline)).findFirst().orElseThrow();
    }

    private static String id(Page preview, String headline) {
        return node(preview, headline).id().substring("node-".length());
    }

    private long plans() {
        return jdbc.queryForObject("select count(*) from plan", Long.class);
    }

    private long newestPlan() {
        return jdbc.queryForObject("select max(id) from plan", Long.class);
    }

    private long count(long planId, String kind) {
        return jdbc.queryForObject("select count(*) from plan_node where plan_id = ? and kind = ?", Long.class, planId, kind);
    }

    private List<String> headlines(long planId, String kind) {
        return jdbc.queryForList("select headline from plan_node where plan_id = ? and kind = ? order by id", String.class, planId, kind);
    }
}
