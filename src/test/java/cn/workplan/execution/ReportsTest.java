package cn.workplan.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.Page;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Progress reports through the browser's requests: a principal writes, keeps a draft, sends with a photo; the
 * lead office returns it with a comment and approves it when sent again; the item's progress follows. Nobody
 * reads or changes another school's report or evidence, whatever ids they try.
 */
@IntegrationTest
class ReportsTest {

    /** The first bytes of a JPEG photo, enough for the type check. */
    static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 2, 3};

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    ReportQueries reports;

    long lead;
    long cooperating;
    long schoolA;
    long schoolB;
    long item;
    long target;
    long lineA;
    long lineB;
    CurrentUser leadStaff;
    CurrentUser cooperatingStaff;
    CurrentUser principalA;
    CurrentUser principalB;

    @BeforeEach
    void publishedItem() {
        clock.today(LocalDate.of(TestPlans.YEAR, 3, 10));
        lead = data.office();
        cooperating = data.office();
        schoolA = data.school();
        schoolB = data.school();
        var plan = plans.draft();
        item = plan.item(plan.chapter("教育教学"), ItemSpec.item("推进智慧校园建设。").lead(lead).cooperating(cooperating)
                .schools(schoolA, schoolB).dueMonthEnd(11).target("覆盖率", ">=", "95", "%"));
        plan.publish();
        target = jdbc.sql("select id from plan_item_target where node_id = :item").param("item", item).query(Long.class).single();
        lineA = line("school_id", schoolA);
        lineB = line("school_id", schoolB);
        leadStaff = data.login(data.staffOf(lead));
        cooperatingStaff = data.login(data.staffOf(cooperating));
        principalA = data.login(data.user(Role.PRINCIPAL, null, schoolA));
        principalB = data.login(data.user(Role.PRINCIPAL, null, schoolB));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aPrincipalSendsTheLeadOfficeReturnsThePrincipalCorrectsTheLeadOfficeApproves() throws Exception {
        var due = page(principalA, "/reports").select("#due-reports .due-report");
        assertThat(due.eachText()).anyMatch(text -> text.contains("推进智慧校园建设") && text.contains("2030年3月") && text.contains("未填报"));

        send(principalA, lineA, "draft", "已完成设备采购招标", "40", null).andExpect(flash().attribute("message", "report.saved"));
        var form = page(principalA, report(lineA));
        assertThat(form.select("#narrative").text()).isEqualTo("已完成设备采购招标");
        assertThat(form.select("#actual-" + target).val()).isEqualTo("60");

        send(principalA, lineA, "send", "已完成设备采购招标和安装", "50", version(lineA), photo("教室.jpg"))
                .andExpect(flash().attribute("message", "report.sent"));
        var sent = page(principalA, report(lineA));
        assertThat(sent.select("#report-form")).as("read-only once sent").isEmpty();
        assertThat(sent.select("#report-percent").text()).isEqualTo("50%");
        assertThat(sent.select(".evidence-list").text()).contains("教室.jpg");
        send(principalA, lineA, "send", "再改", "90", version(lineA)).andExpect(status().isOk());
        assertThat(state(lineA)).isEqualTo("SUBMITTED");
        assertThat(narrative(lineA)).isEqualTo("已完成设备采购招标和安装");

        assertThat(page(leadStaff, "/reports").select("#pending-reviews").text()).contains("推进智慧校园建设", "50%");
        long reportId = reportId(lineA);
        review(leadStaff, reportId, "return", "  ").andExpect(flash().attribute("error", "report.error.commentRequired"));
        assertThat(state(lineA)).isEqualTo("SUBMITTED");
        review(leadStaff, reportId, "return", "请补充安装后的教室照片").andExpect(flash().attribute("message", "report.returned"));

        assertThat(jdbc.sql("select message_key, link from notification where user_id = :user order by id")
                .param("user", principalA.id()).query((row, number) -> row.getString(1) + " " + row.getString(2)).list())
                .as("the author is told, with the way back to the report")
                .containsExactly("notification.report.returned " + report(lineA));
        var returned = page(principalA, report(lineA));
        assertThat(returned.select("#returned").text()).contains("请补充安装后的教室照片");
        assertThat(returned.select("#report-form")).isNotEmpty();
        assertThat(page(principalA, "/reports").select("#due-reports").text()).contains("请补充安装后的教室照片");
        send(principalA, lineA, "send", "设备已全部安装，照片见附件", "60", version(lineA), photo("安装后.jpg"))
                .andExpect(flash().attribute("message", "report.sent"));
        assertThat(itemPercent()).isZero();

        review(leadStaff, reportId, "approve", "").andExpect(flash().attribute("message", "report.approved"));
        assertThat(state(lineA)).isEqualTo("APPROVED");
        assertThat(page(principalA, report(lineA)).select("#report-history li").eachText())
                .hasSize(4).anyMatch(text -> text.contains("退回") && text.contains("请补充安装后的教室照片"));
        // two school lines and a cooperating office: (60 + 0 + 0) / 3
        assertThat(itemPercent()).isEqualTo(20);
    }

    @Test
    void theLeadOfficeWritesTheConsolidatedProgressStartingFromItsLines() throws Exception {
        send(principalA, lineA, "send", "完成", "90", null).andExpect(flash().attribute("message", "report.sent"));
        review(leadStaff, reportId(lineA), "approve", "").andExpect(flash().attribute("message", "report.approved"));
        long leadLine = line("office_id", lead);
        var consolidation = page(leadStaff, report(leadLine));
        assertThat(consolidation.select("#line-reports").text()).contains("审核通过", "90%");
        assertThat(consolidation.select("#percent").val()).as("the mean of the lines' approved progress").isEqualTo("30");

        send(leadStaff, leadLine, "send", "总体进度过三成", "35", null).andExpect(flash().attribute("message", "report.sent"));
        assertThat(state(leadLine)).as("the lead office's own report needs no review").isEqualTo("APPROVED");
        assertThat(itemPercent()).isEqualTo(35);
    }

    @Test
    void aRefusedFileStoresNothingAndSaysWhy() throws Exception {
        var tooLarge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PHOTO, 0, tooLarge, 0, PHOTO.length);
        var refused = Jsoup.parse(send(principalA, lineA, "send", "进展", "50", null, new MockMultipartFile("files", "大.jpg", "image/jpeg", tooLarge))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#files-error").text()).contains("大.jpg", "10 MB");
        assertThat(refused.select("#narrative").text()).as("what was typed is kept").isEqualTo("进展");

        var program = new MockMultipartFile("files", "照片.jpg", "image/jpeg", "MZ\u0090\u0000 not a photo".getBytes());
        var wrongType = Jsoup.parse(send(principalA, lineA, "send", "进展", "50", null, program)
                .andReturn().getResponse().getContentAsString());
        assertThat(wrongType.select("#files-error").text()).contains("照片.jpg", "不是允许的类型");
        assertThat(jdbc.sql("select count(*) from progress_report where assignment_id = :line").param("line", lineA)
                .query(Long.class).single()).isZero();
    }

    @Test
    void evidenceIsDownloadedOnlyByThoseWhoSeeTheLine() throws Exception {
        send(principalA, lineA, "send", "进展", "50", null, photo("教室.jpg")).andExpect(flash().attribute("message", "report.sent"));
        long evidence = jdbc.sql("select e.id from evidence e join progress_report r on r.id = e.report_id where r.assignment_id = :line")
                .param("line", lineA).query(Long.class).single();
        for (var allowed : List.of(principalA, leadStaff, data.login(data.user(Role.LEADER)), data.login(data.user(Role.INSPECTOR)))) {
            var response = mvc.perform(get("/evidence/{id}", evidence).with(user(allowed))).andExpect(status().isOk()).andReturn().getResponse();
            assertThat(response.getContentAsByteArray()).isEqualTo(PHOTO);
            assertThat(response.getContentType()).isEqualTo("image/jpeg");
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        for (var denied : List.of(principalB, cooperatingStaff)) {
            mvc.perform(get("/evidence/{id}", evidence).with(user(denied))).andExpect(status().isForbidden());
            mvc.perform(post("/evidence/{id}/delete", evidence).param("line", Long.toString(lineA)).param("period", "2030-03")
                    .with(csrf()).with(user(denied))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/evidence/{id}/delete", evidence).param("line", Long.toString(lineA)).param("period", "2030-03")
                .with(csrf()).with(user(principalA))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from evidence where id = :id").param("id", evidence).query(Long.class).single())
                .as("a sent report's evidence stays").isOne();
    }

    @Test
    void nobodyReadsOrWritesAnotherSchoolsReportWhateverIdTheyTry() throws Exception {
        send(principalA, lineA, "send", "甲校进展", "50", null).andExpect(flash().attribute("message", "report.sent"));
        long reportId = reportId(lineA);
        mvc.perform(get(report(lineA)).with(user(principalB))).andExpect(status().isForbidden());
        mvc.perform(get(report(lineA)).with(user(cooperatingStaff))).andExpect(status().isForbidden());
        send(principalB, lineA, "send", "冒充", "100", version(lineA)).andExpect(status().isForbidden());
        for (var someone : List.of(principalA, principalB, cooperatingStaff, data.login(data.user(Role.LEADER)))) {
            review(someone, reportId, "approve", "").andExpect(status().isForbidden());
        }
        assertThat(page(principalB, "/reports").text()).doesNotContain("甲校进展");
        assertThat(state(lineA)).isEqualTo("SUBMITTED");
        assertThat(narrative(lineA)).isEqualTo("甲校进展");
        mvc.perform(get("/lines/{line}/reports/{period}", lineA, "2030-04").with(user(principalA))).andExpect(status().isNotFound());
        mvc.perform(get("/lines/{line}/reports/{period}", lineA, "2029-12").with(user(principalA))).andExpect(status().isNotFound());
    }

    @Test
    void twoPeopleSavingOneReportNeverOverwriteEachOther() throws Exception {
        long colleague = schoolA;
        var otherPrincipal = data.login(data.user(Role.PRINCIPAL, null, colleague));
        send(principalA, lineA, "draft", "第一稿", "20", null).andExpect(flash().attribute("message", "report.saved"));
        long opened = version(lineA);
        send(otherPrincipal, lineA, "draft", "同事的修改", "30", opened).andExpect(flash().attribute("message", "report.saved"));
        var stale = Jsoup.parse(send(principalA, lineA, "draft", "我的修改", "25", opened).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(stale.select("#form-errors").text()).contains("其他人已修改");
        assertThat(stale.select("#stale-current").text()).contains("同事的修改");
        assertThat(stale.select("#narrative").text()).isEqualTo("我的修改");
        assertThat(narrative(lineA)).isEqualTo("同事的修改");
        // seen the colleague's text, saving again is a choice
        send(principalA, lineA, "draft", "我的修改", "25", Long.valueOf(stale.select("#version").val()))
                .andExpect(flash().attribute("message", "report.saved"));
        assertThat(narrative(lineA)).isEqualTo("我的修改");
    }

    @Test
    void inspectorsMarkEvidenceVerifiedOrQuestioned() throws Exception {
        send(principalA, lineA, "send", "进展", "50", null, photo("教室.jpg")).andExpect(flash().attribute("message", "report.sent"));
        long evidence = jdbc.sql("select e.id from evidence e join progress_report r on r.id = e.report_id where r.assignment_id = :line")
                .param("line", lineA).query(Long.class).single();
        var inspector = data.login(data.user(Role.INSPECTOR));
        assertThat(page(inspector, "/evidence").select("#evidence-rows li").eachText())
                .as("the worklist starts with what waits for a check").anyMatch(row -> row.contains("教室.jpg") && row.contains("待核验"));
        mvc.perform(post("/evidence/{id}/verification", evidence).param("line", Long.toString(lineA)).param("period", "2030-03")
                .param("verdict", "QUESTIONED").with(csrf()).with(user(inspector)))
                .andExpect(flash().attribute("error", "evidence.error.noteRequired"));
        mvc.perform(post("/evidence/{id}/verification", evidence).param("line", Long.toString(lineA)).param("period", "2030-03")
                .param("verdict", "QUESTIONED").param("note", "照片与任务无关").with(csrf()).with(user(inspector)))
                .andExpect(flash().attribute("message", "evidence.checked"));
        assertThat(page(principalA, report(lineA)).select("#evidence-" + evidence).text()).contains("存疑", "照片与任务无关");
        assertThat(page(inspector, "/evidence?verification=QUESTIONED").select("#evidence-rows li").eachText())
                .anyMatch(row -> row.contains("教室.jpg") && row.contains("存疑"));
        assertThat(page(inspector, "/evidence").select("#evidence-rows").text()).doesNotContain(schoolName(schoolA));
        mvc.perform(post("/evidence/{id}/verification", evidence).param("line", Long.toString(lineA)).param("period", "2030-03")
                .param("verdict", "VERIFIED").with(csrf()).with(user(leadStaff))).andExpect(status().isForbidden());
    }

    /**
     * Values the report's fields cannot take come back beside their fields, with what was typed, and nothing is saved:
     * a percent that is no number, an actual value that is none or that the column cannot hold (as a target's value
     * could not be), a progress that does not exist. Before, the page failed on its missing form or the database refused
     * the number, both a 500.
     */
    @Test
    void valuesTheFieldsCannotTakeComeBackBesideTheirFieldsAndNothingIsSaved() throws Exception {
        var page = refused(Map.of("percent", "abc", "narrative", "设备已到货"));
        assertThat(page.invalidFields()).containsExactly("percent");
        assertThat(page.text()).contains("请输入整数。");
        assertThat(page.value("percent")).as("the refused percent as it was typed").isEqualTo("abc");
        assertThat(page.value("narrative")).as("what was typed stays").isEqualTo("设备已到货");
        assertThat(page.value("actuals[" + target + "]")).isEqualTo("60");

        page = refused(Map.of("actuals[" + target + "]", "NaN"));
        assertThat(page.text()).contains("实际值须为数字，例如 95 或 12.5。");
        assertThat(page.value("percent")).isEqualTo("40");

        for (var outOfColumn : List.of("1e12", "10000000000", "0.00001", "-99999999999")) {
            page = refused(Map.of("actuals[" + target + "]", outOfColumn));
            assertThat(page.fieldError("actuals[" + target + "]")).as(outOfColumn)
                    .isEqualTo("须为数字，整数部分最多 10 位、小数最多 4 位，例如 95 或 12.5。");
        }

        page = refused(Map.of("progress", "FINISHED_YESTERDAY", "percent", "101"));
        assertThat(page.text()).contains("格式不正确。", "不能大于 100。");
        assertThat(page.invalidFields()).contains("percent");

        assertThat(jdbc.sql("select count(*) from progress_report where assignment_id = :line").param("line", lineA)
                .query(Integer.class).single()).as("nothing saved").isZero();

        // the largest value the column holds is taken
        mvc.perform(multipart("/lines/{line}/reports/{period}", lineA, "2030-03").param("action", "draft")
                        .param("progress", "IN_PROGRESS").param("percent", "40").param("actuals[" + target + "]", "-9999999999.9999")
                        .with(csrf()).with(user(principalA)))
                .andExpect(flash().attribute("message", "report.saved"));
        assertThat(jdbc.sql("select actual from progress_report_value v join progress_report r on r.id = v.report_id where r.assignment_id = :line")
                .param("line", lineA).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("-9999999999.9999");
    }

    /** The report form sent with the fields given over a valid one, refused: the page as it came back. */
    private Page refused(Map<String, String> fields) throws Exception {
        var request = multipart("/lines/{line}/reports/{period}", lineA, "2030-03");
        var values = new java.util.LinkedHashMap<>(Map.of("action", "draft", "progress", "IN_PROGRESS", "percent", "40",
                "narrative", "", "actuals[" + target + "]", "60"));
        values.putAll(fields);
        values.forEach(request::param);
        return Page.of(mvc.perform(request.with(csrf()).with(user(principalA))));
    }

    private org.springframework.test.web.servlet.ResultActions send(CurrentUser who, long line, String action, String narrative,
            String percent, Long version, MockMultipartFile... files) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/lines/{line}/reports/{period}", line, "2030-03");
        for (var file : files) {
            request.file(file);
        }
        request.param("action", action).param("progress", "IN_PROGRESS").param("percent", percent).param("narrative", narrative)
                .param("actuals[" + target + "]", "60");
        if (version != null) {
            request.param("version", version.toString());
        }
        return mvc.perform(request.with(csrf()).with(user(who)));
    }

    private org.springframework.test.web.servlet.ResultActions review(CurrentUser who, long reportId, String decision, String comment)
            throws Exception {
        return mvc.perform(post("/reports/{id}/review", reportId).param("line", Long.toString(lineA)).param("period", "2030-03")
                .param("decision", decision).param("comment", comment).param("version", Long.toString(version(lineA)))
                .with(csrf()).with(user(who)));
    }

    private Document page(CurrentUser viewer, String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user(viewer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static String report(long line) {
        return "/lines/" + line + "/reports/2030-03";
    }

    private static MockMultipartFile photo(String name) {
        return new MockMultipartFile("files", name, "image/jpeg", PHOTO);
    }

    private long line(String column, long party) {
        return jdbc.sql("select id from assignment where item_id = :item and " + column + " = :party")
                .param("item", item).param("party", party).query(Long.class).single();
    }

    private long reportId(long line) {
        return jdbc.sql("select id from progress_report where assignment_id = :line").param("line", line).query(Long.class).single();
    }

    private Long version(long line) {
        return jdbc.sql("select version from progress_report where assignment_id = :line").param("line", line).query(Long.class).single();
    }

    private String state(long line) {
        return jdbc.sql("select state from progress_report where assignment_id = :line").param("line", line).query(String.class).single();
    }

    private String narrative(long line) {
        return jdbc.sql("select narrative from progress_report where assignment_id = :line").param("line", line).query(String.class).single();
    }

    private String schoolName(long schoolId) {
        return jdbc.sql("select name from school where id = :id").param("id", schoolId).query(String.class).single();
    }

    private int itemPercent() {
        return reports.progress(item, LocalDate.of(TestPlans.YEAR, 3, 10)).percent();
    }
}
