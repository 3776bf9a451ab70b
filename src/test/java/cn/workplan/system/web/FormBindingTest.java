package cn.workplan.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.demo.VolumeDataGenerator;
import cn.workplan.plan.PlanStatus;
import cn.workplan.summary.NewSummary;
import cn.workplan.summary.Summaries;
import cn.workplan.summary.SummaryKind;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.Page;
import cn.workplan.support.SignIn;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * How forms are bound, whatever is sent: a value its field's type cannot take comes back beside the field together with
 * the form's other messages (the record used to be lost, and with it the page or every message); a list index beyond any
 * form is refused with a message (it used to fail the binder), while the long lists real forms send are taken — a drafted
 * report of a large plan has hundreds of blocks and tables of hundreds of cells, past Spring's default of 256.
 */
@IntegrationTest
class FormBindingTest {

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
    void aValueItsFieldCannotTakeComesBackBesideTheFieldWithTheFormsOtherMessages() throws Exception {
        var plan = refused(post("/plans").param("year", "abc").param("title", " ").param("kind", "NOT_A_KIND")
                .param("numbering", "CONTINUOUS").with(signIn.as(Role.ADMIN)));
        assertThat(plan.invalidFields()).containsExactlyInAnyOrder("year", "title", "kind");
        assertThat(plan.fieldError("year")).isEqualTo("请输入整数。");
        assertThat(plan.fieldError("title")).isEqualTo("此项不能为空。");
        assertThat(plan.fieldError("kind")).isEqualTo("格式不正确。");

        var draft = plans.draft();
        var item = refused(post("/plans/{id}/items", draft.id()).param("headline", "推进学前教育。")
                .param("deadlineKind", "DATE").param("deadlineDate", "2026-02-30")
                .param("targets[0].indicator", "入园率").param("targets[0].comparator", ">=").param("targets[0].value", "1e12")
                .with(user(draft.by())));
        assertThat(item.fieldError("deadlineDate")).isEqualTo("请输入日期，例如 2026-06-30。");
        assertThat(item.fieldError("targets[0].value")).isEqualTo("须为数字，整数部分最多 10 位、小数最多 4 位，例如 95 或 12.5。");
        assertThat(item.value("headline")).isEqualTo("推进学前教育。");

        var school = refused(post("/admin/schools").param("name", TestData.unique("小学")).param("kind", "PRIMARY")
                .param("township", "城关镇").param("enrolment", "99999999999999999999").with(signIn.as(Role.ADMIN)));
        assertThat(school.fieldError("enrolment")).isEqualTo("请输入整数。");
        assertThat(jdbc.sql("select count(*) from plan_node where plan_id = :plan").param("plan", draft.id()).query(Integer.class).single())
                .as("nothing saved").isZero();
    }

    @Test
    void aListIndexBeyondAnyFormIsRefusedWithAMessage() throws Exception {
        var draft = plans.draft();
        for (var parameter : new String[] {"targets[10000].indicator", "schoolIds[99999999999]", "schoolIds[abc]",
                "cooperatingOfficeIds[3", "schoolIds[1].x"}) {
            var response = mvc.perform(post("/plans/{id}/items", draft.id()).param("headline", "推进学前教育。").param(parameter, "1")
                    .with(csrf()).with(user(draft.by()))).andExpect(status().isBadRequest()).andReturn().getResponse();
            assertThat(Jsoup.parse(response.getContentAsString()).select("#error-text").text()).as(parameter)
                    .isEqualTo("提交的表单含有超出范围的条目（" + parameter + "），未作处理。请返回上一页重新填写。");
        }
        assertThat(jdbc.sql("select count(*) from plan_node where plan_id = :plan").param("plan", draft.id()).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aSchoolAtAHighIndexAndRowsLeftOutAreTaken() throws Exception {
        var draft = plans.draft();
        long school = data.school();
        mvc.perform(post("/plans/{id}/items", draft.id()).param("headline", "推进学前教育。").param("schoolIds[9999]", Long.toString(school))
                        .param("targets[3].indicator", "入园率").param("targets[3].comparator", ">=").param("targets[3].value", "95")
                        .with(csrf()).with(user(draft.by())))
                .andExpect(flash().attribute("message", "item.created"));
        long item = jdbc.sql("select id from plan_node where plan_id = :plan and kind = 'ITEM'").param("plan", draft.id())
                .query(Long.class).single();
        assertThat(jdbc.sql("select school_id from plan_item_school where node_id = :item").param("item", item).query(Long.class).list())
                .containsExactly(school);
        assertThat(jdbc.sql("select indicator from plan_item_target where node_id = :item").param("item", item).query(String.class).list())
                .containsExactly("入园率");
    }

    /** The year-end summary of a 260-item plan: some 300 blocks and a targets' table of some 500 cells, edited and saved. */
    @Test
    void aLargeDraftedReportIsSavedWhole(@Autowired VolumeDataGenerator generator, @Autowired Summaries summaries) throws Exception {
        for (int i = 0; i < 12; i++) {
            data.office();
        }
        clock.today(LocalDate.of(2082, 1, 20));
        long planId = generator.generatePlan(new VolumeDataGenerator.PlanSpec(2081, 260, 8, PlanStatus.PUBLISHED, 2081)).planId();
        var office = plans.coordinator();
        long id = summaries.create(planId, new NewSummary(SummaryKind.YEAR_END, null, null), office).id();

        var page = Jsoup.parse(mvc.perform(get("/summaries/{id}", id).with(user(office))).andReturn().getResponse().getContentAsString());
        var form = (FormElement) page.selectFirst("#summary-form");
        var request = post("/summaries/{id}", id);
        int blocks = 0;
        int cells = 0;
        for (var field : form.formData()) {
            var value = field.key().equals("blocks[1].text") ? field.value() + "（已修改）" : field.value();
            request.param(field.key(), value);
            blocks = Math.max(blocks, index(field.key(), "blocks["));
            cells = Math.max(cells, index(field.key(), ".cells["));
        }
        assertThat(Math.max(blocks, cells)).as("a list past Spring's default limit of 256").isGreaterThan(256);

        mvc.perform(request.with(csrf()).with(user(office))).andExpect(flash().attribute("message", "summary.saved"));
        assertThat(jdbc.sql("select body::text from summary where id = :id").param("id", id).query(String.class).single())
                .contains("（已修改）");
    }

    private Page refused(MockHttpServletRequestBuilder request) throws Exception {
        return Page.of(mvc.perform(request.with(csrf())));
    }

    private static int index(String name, String list) {
        int at = name.indexOf(list);
        return at < 0 ? -1 : Integer.parseInt(name.substring(at + list.length(), name.indexOf(']', at)));
    }
}
