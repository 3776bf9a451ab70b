package cn.workplan.plan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.plan.OutlineService;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The outline of viewers who are not arranging it and the task table's rows are rendered once per distinct
 * content and reused: the reused HTML must be what a fresh rendering gives, follow every change of the plan
 * at once, and never carry one viewer's controls to another.
 */
@IntegrationTest
class ReusedHtmlTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    OutlineService outline;
    @Autowired
    MeterRegistry meters;

    @Test
    void aSecondViewReusesTheFirstAndReadsTheSame() throws Exception {
        var plan = plans.draft();
        long chapter = plan.chapter("依法治教");
        plan.item(chapter, ItemSpec.item("完善学校章程。").lead(data.office()).key());
        plan.publish();
        var reader = data.login(data.user(Role.LEADER));

        double reusedBefore = count("reused");
        var first = outlineOf(plan.id(), reader);
        var second = outlineOf(plan.id(), reader);

        assertThat(second.html()).isEqualTo(first.html());
        assertThat(count("reused")).isEqualTo(reusedBefore + 1);
        assertThat(first.select(".outline-node[data-kind=ITEM] .outline-number").text()).isEqualTo("1.");
        assertThat(first.select(".outline-node[data-kind=ITEM] .outline-headline a").attr("href")).matches("/items/\\d+");
        assertThat(first.select(".outline-node[data-kind=ITEM] .badge.text-bg-danger").text()).isEqualTo("重点");
    }

    @Test
    void aChangeOfThePlanShowsAtOnce() throws Exception {
        long office = data.office();
        var plan = plans.draft();
        long chapter = plan.chapter("队伍建设");
        long item = plan.item(chapter, ItemSpec.item("加强师德建设。").lead(office));
        var staff = data.login(data.staffOf(office));
        assertThat(outlineOf(plan.id(), staff).select("[data-kind=ITEM] .outline-headline a").text()).isEqualTo("加强师德建设。");

        var current = plans.node(plan.id(), item, plan.by());
        outline.updateItem(item, ItemSpec.item("加强师德师风建设。").lead(office).version(current.version()).data(), plan.by());

        assertThat(outlineOf(plan.id(), staff).select("[data-kind=ITEM] .outline-headline a").text()).isEqualTo("加强师德师风建设。");
    }

    @Test
    void oneViewersControlsNeverReachAnother() throws Exception {
        long office = data.office();
        var plan = plans.draft();
        long chapter = plan.chapter("安全稳定");
        plan.item(chapter, ItemSpec.item("开展安全排查。").lead(office));
        var drafter = data.login(data.staffOf(office));
        var otherOffice = data.login(data.staffOf(data.office()));

        assertThat(outlineOf(plan.id(), drafter).select("a[href$=/edit]")).hasSize(1);
        assertThat(outlineOf(plan.id(), otherOffice).select("a[href$=/edit]")).isEmpty();
        assertThat(outlineOf(plan.id(), drafter).select("a[href$=/edit]")).hasSize(1);
    }

    @Test
    void eachLanguageHasItsOwn() throws Exception {
        var plan = plans.draft();
        plan.item(plan.chapter("督导评估"), ItemSpec.item("开展责任督学挂牌督导。").lead(data.office()).key());
        plan.publish();
        var reader = data.login(data.user(Role.INSPECTOR));

        assertThat(outlineOf(plan.id(), reader).select(".badge.text-bg-danger").text()).isEqualTo("重点");
        assertThat(outlineOf(plan.id(), reader, "en").select(".badge.text-bg-danger").text()).isEqualTo("Key");
    }

    @Test
    void theTaskTablesRowsFollowTheFilterAndTheLanguage() throws Exception {
        long office = data.office();
        var plan = plans.draft();
        long chapter = plan.chapter("教育教学");
        plan.item(chapter, ItemSpec.item("深化课程改革。").lead(office).dueMonthEnd(6));
        plan.item(chapter, ItemSpec.item("加强教研工作。").lead(data.office()).dueYearEnd());
        var reader = data.login(data.user(Role.LEADER));

        assertThat(taskRows(plan.id(), reader, "")).containsExactly("1 深化课程改革。", "2 加强教研工作。");
        assertThat(taskRows(plan.id(), reader, "")).containsExactly("1 深化课程改革。", "2 加强教研工作。");
        assertThat(taskRows(plan.id(), reader, "office=" + office)).containsExactly("1 深化课程改革。");
        var english = Jsoup.parse(mvc.perform(get("/plans/{id}/tasks?lang=en", plan.id()).with(user(reader)))
                .andReturn().getResponse().getContentAsString());
        assertThat(english.select("#task-table tbody tr td:eq(5)").eachText()).containsExactly("End of month 6", "By year end");
    }

    private java.util.List<String> taskRows(long planId, CurrentUser viewer, String query) throws Exception {
        var html = mvc.perform(get("/plans/{id}/tasks?" + query, planId).with(user(viewer)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html).select("#task-table tbody tr").stream()
                .map(row -> row.select("td").get(0).text() + " " + row.select("td a").text()).toList();
    }

    private Document outlineOf(long planId, CurrentUser viewer) throws Exception {
        return outlineOf(planId, viewer, "zh_CN");
    }

    private Document outlineOf(long planId, CurrentUser viewer, String language) throws Exception {
        var html = mvc.perform(get("/plans/{id}", planId).param("lang", language).with(user(viewer)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var page = Jsoup.parse(html);
        page.select("#outline ol.outline-top").forEach(list -> assertThat(list.attr("data-accepts")).isEqualTo("CHAPTER,ITEM"));
        return Jsoup.parse(page.select("#outline").outerHtml());
    }

    private double count(String result) {
        return meters.counter("workplan.fragment.html", "fragment", "nodes", "result", result).count();
    }
}
