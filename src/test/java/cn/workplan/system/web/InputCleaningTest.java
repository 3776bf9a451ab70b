package cn.workplan.system.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.Page;
import cn.workplan.support.SignIn;
import cn.workplan.support.Spreadsheets;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Control characters are taken out wherever text enters, in one place each: form fields and query parameters, the text
 * fields of an upload form, the names of uploaded files, the API's JSON, the cells of an imported spreadsheet and the
 * lines of an imported plan. A NUL used to fail the request (PostgreSQL refuses it in text, a 500); now what was meant
 * is saved, without it.
 */
@IntegrationTest
class InputCleaningTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    SignIn signIn;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aFormFieldIsSavedWithoutItsControlCharacters() throws Exception {
        var title = TestData.unique("清洗计划");
        mvc.perform(post("/plans").with(csrf()).with(signIn.as(Role.ADMIN))
                        .param("year", "2030").param("title", "\u0000" + title + "\u0007")
                        .param("kind", "WORK_POINTS").param("numbering", "CONTINUOUS").param("preamble", "第一段\u000b第二段\u0000"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select preamble from plan where title = :title").param("title", title).query(String.class).single())
                .isEqualTo("第一段\n第二段");
    }

    @Test
    void aQueryParameterWithANulSearches() throws Exception {
        var page = Page.of(mvc.perform(get("/search").param("q", "安\u0000全").with(signIn.as(Role.LEADER))));
        assertThat(page.one("main input[name=q]").val()).isEqualTo("安全");
    }

    @Test
    void theApisJsonIsReadWithoutControlCharacters() throws Exception {
        var name = TestData.unique("接口小学");
        mvc.perform(post("/api/schools").with(signIn.basic(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\\u0000\\u001b\",\"kind\":\"PRIMARY\",\"township\":\"\\u0000测试镇\"}"))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("select township from school where name = :name").param("name", name).query(String.class).single())
                .isEqualTo("测试镇");
    }

    @Test
    void anUploadFormsTextAndTheFilesNameAreCleanedToo() throws Exception {
        clock.today(LocalDate.of(TestPlans.YEAR, 3, 10));
        long school = data.school();
        var plan = plans.draft();
        long item = plan.item(plan.chapter("教育教学"), ItemSpec.item("推进智慧校园建设。").lead(data.office()).schools(school));
        plan.publish();
        long line = jdbc.sql("select id from assignment where item_id = :item and school_id = :school").param("item", item)
                .param("school", school).query(Long.class).single();
        var principal = data.login(data.user(Role.PRINCIPAL, null, school));

        mvc.perform(multipart("/lines/{line}/reports/{period}", line, "2030-03")
                        .file(new MockMultipartFile("files", "教室\u0000照片\u0001.jpg", "image/jpeg",
                                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1}))
                        .param("action", "draft").param("progress", "IN_PROGRESS").param("percent", "30")
                        .param("narrative", "已完成\u0000招标")
                        .with(csrf()).with(user(principal)))
                .andExpect(flash().attribute("message", "report.saved"));

        assertThat(jdbc.sql("select narrative from progress_report where assignment_id = :line").param("line", line)
                .query(String.class).single()).isEqualTo("已完成招标");
        assertThat(jdbc.sql("select e.file_name from evidence e join progress_report r on r.id = e.report_id where r.assignment_id = :line")
                .param("line", line).query(String.class).single()).isEqualTo("教室照片.jpg");
    }

    @Test
    void importedSpreadsheetCellsAndPlanLinesComeWithoutControlCharacters() throws Exception {
        var name = TestData.unique("导入小学");
        var preview = Page.of(mvc.perform(multipart("/admin/schools/import")
                .file(new MockMultipartFile("file", "学校.csv", "text/csv",
                        Spreadsheets.csv("学校名称,学校类型,所属乡镇", name + "\u0001,小学,城关\u0007镇")))
                .with(csrf()).with(signIn.as(Role.ADMIN))));
        assertThat(preview.text()).contains(name + " 小学 城关镇").doesNotContain("\u0001", "\u0007");

        var office = plans.coordinator();
        var session = new org.springframework.mock.web.MockHttpSession();
        // a .txt saved from Word keeps its manual line breaks as vertical tabs; pasted text brings any control character
        var upload = mvc.perform(multipart("/plans/import")
                        .file(new MockMultipartFile("file", "计划.txt", "text/plain", "一、重点工作\u000b1.推进学前教育。\u000b2.办好义务教育。".getBytes(UTF_8)))
                        .session(session).with(csrf()).with(user(office)))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(Page.of(mvc.perform(get(upload.getResponse().getRedirectedUrl()).session(session).with(user(office)))).text())
                .contains("推进学前教育", "办好义务教育");
        var read = mvc.perform(multipart("/plans/import").param("text", "一、重点工作\n1.推进学前\u0000教育\u0007。\n2.办好义务教育。")
                        .session(session).with(csrf()).with(user(office)))
                .andExpect(status().is3xxRedirection()).andReturn();
        var outline = Page.of(mvc.perform(get(read.getResponse().getRedirectedUrl()).session(session).with(user(office))));
        assertThat(outline.text()).contains("推进学前教育", "办好义务教育").doesNotContain("\u0007", "\u0000");
    }
}
