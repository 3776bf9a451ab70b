package cn.workplan.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.execution.Progress;
import cn.workplan.plan.ItemQueries;
import cn.workplan.plan.OutlineService;
import cn.workplan.plan.PlanService;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;
import cn.workplan.support.TestReports;
import cn.workplan.system.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public page (政务公开) shows nothing but the published text and the figures the bureau chose, to anyone, without
 * logging in: for every plan state (draft, in review, published but not opted in, public, closed) and after a withdrawal;
 * the text as published with the revisions since as dated amendments, never a name, an office, a school, a comment, a
 * reason or a report; cacheable with an ETag, framable; and every other page still asks for the login.
 */
@IntegrationTest
class PublicPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    Publications publications;
    @Autowired
    PlanService planService;
    @Autowired
    OutlineService outline;
    @Autowired
    ItemQueries items;
    @Autowired
    TestReports reports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @Test
    void onlyAPublishedOrClosedPlanThatWasMadePublicIsReachableAndOnlyWhileItIs() throws Exception {
        var plan = plans.draft();
        plan.item(plan.chapter("党的建设"), "加强基层党组织建设。");
        var by = plan.by();
        var settings = new PublicationSettings("QS-1", "青山县教育局", "教育", false, null);

        assertThatThrownBy(() -> publications.publish(plan.id(), settings, by)).as("a draft").isInstanceOf(InvalidInputException.class)
                .hasMessage("publication.error.notPublished");
        assertHidden(plan.id());
        plan.submit();
        assertThatThrownBy(() -> publications.publish(plan.id(), settings, by)).as("in review").isInstanceOf(InvalidInputException.class);
        assertHidden(plan.id());
        planService.publish(plan.id(), new cn.workplan.plan.PublishData("测教〔2030〕8号", LocalDate.of(2030, 1, 15)), by);
        assertHidden(plan.id()); // published, not opted in

        publications.publish(plan.id(), settings, by);
        assertPublic(plan.id());
        assertThat(index()).contains("测教〔2030〕8号");

        publications.withdraw(plan.id(), version(plan.id()), by);
        assertHidden(plan.id());
        assertThat(index()).doesNotContain("测教〔2030〕8号");
        assertThatThrownBy(() -> publications.withdraw(plan.id(), version(plan.id()), by)).hasMessage("publication.error.notPublic");

        publications.publish(plan.id(), new PublicationSettings("QS-1", "青山县教育局", "教育", false, version(plan.id())), by);
        assertPublic(plan.id());
        plan.close();
        assertPublic(plan.id()); // a closed plan stays on the disclosure page

        // however the row came to say "public", a draft is never shown
        var draft = plans.draft();
        draft.item(null, "草稿里的任务。");
        jdbc.sql("insert into publication (plan_id, public, updated_by) values (:plan, true, 'test')").param("plan", draft.id()).update();
        assertHidden(draft.id());
        assertThat(mvc.perform(get("/public/plans/{id}", Long.MAX_VALUE)).andReturn().getResponse().getStatus()).isEqualTo(404);
        // only the general office and administrators decide
        for (var role : List.of(Role.LEADER, Role.INSPECTOR, Role.PRINCIPAL)) {
            var person = data.login(data.user(role));
            assertThatThrownBy(() -> publications.withdraw(plan.id(), version(plan.id()), person)).as(role.name())
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        }
    }

    @Test
    void theIndexListsThePublicPlansByYearTheNewestYearFirst() throws Exception {
        var earlier = plans.draft(plans.coordinator(), TestPlans.YEAR - 1, cn.workplan.plan.Numbering.CONTINUOUS);
        earlier.item(earlier.chapter("党的建设"), "加强基层党组织建设。");
        var later = plans.draft();
        later.item(later.chapter("党的建设"), "加强基层党组织建设。");
        for (var plan : List.of(earlier, later)) {
            plan.submit();
            planService.publish(plan.id(), new cn.workplan.plan.PublishData(TestData.unique("测教〔年〕号"), LocalDate.of(2029, 12, 20)), plan.by());
            publications.publish(plan.id(), new PublicationSettings("QS-Y", "青山县教育局", "教育", false, null), plan.by());
        }
        var index = index();
        int laterYear = index.indexOf(">" + TestPlans.YEAR + "年</h2>");
        int laterPlan = index.indexOf("/public/plans/" + later.id() + "\"");
        int earlierYear = index.indexOf(">" + (TestPlans.YEAR - 1) + "年</h2>");
        int earlierPlan = index.indexOf("/public/plans/" + earlier.id() + "\"");
        assertThat(List.of(laterYear, laterPlan, earlierYear, earlierPlan)).as("each plan under its year, the newest year first")
                .doesNotContain(-1).isSorted();
        assertThat(index).contains(name("plan", "title", earlier.id()), name("plan", "title", later.id()));
    }

    @Test
    void theTextAsPublishedWithDatedAmendmentsAndTheChosenFiguresButNothingElse() throws Exception {
        long lead = data.office();
        long cooperating = data.office();
        long school = data.school();
        var leadName = name("office", "name", lead);
        var cooperatingName = name("office", "short_name", cooperating);
        var schoolName = name("school", "name", school);
        var plan = plans.draft();
        var coordinator = plan.by();
        var title = name("plan", "title", plan.id());
        long chapter = plan.chapter("党的建设");
        long item = plan.item(chapter, ItemSpec.item("加强基层党组织建设。").body("开展星级党组织创建。").lead(lead).cooperating(cooperating)
                .schools(school).dueMonthEnd(3));
        plan.item(chapter, ItemSpec.item("深化师德师风建设。").lead(lead).dueYearEnd());
        plan.submit();
        var leader = data.login(data.user(Role.LEADER));
        outline.comment(item, "内部意见：请细化创建标准", leader);
        long comment = jdbc.sql("select id from plan_comment where node_id = :item").param("item", item).query(Long.class).single();
        outline.answer(comment, "内部答复：已细化", coordinator); // a plan is published once its comments are answered
        planService.publish(plan.id(), new cn.workplan.plan.PublishData("测教〔2030〕9号", LocalDate.of(2030, 1, 15)), coordinator);
        var principal = data.login(data.user(Role.PRINCIPAL, null, school));
        long line = jdbc.sql("select id from assignment where item_id = :item and school_id = :school").param("item", item)
                .param("school", school).query(Long.class).single();
        // a school's report (of the plan's year: the clock is moved there for it, and back)
        clock.today(LocalDate.of(TestPlans.YEAR, 2, 1));
        try {
            reports.send(line, LocalDate.of(TestPlans.YEAR, 1, 1), Progress.IN_PROGRESS, 40, "学校内部进展：已排查完毕", Map.of(), principal);
        } finally {
            clock.reset();
        }
        // revised after publishing, with a reason the public never sees
        var saved = items.item(item, coordinator);
        outline.updateItem(item, ItemSpec.item("加强基层党组织建设和党员教育管理。").body("开展星级党组织创建，加强党员教育管理。").lead(lead)
                .cooperating(cooperating).schools(school).dueMonthEnd(3).reason("局长办公会内部研究调整").version(saved.version()).data(),
                coordinator);

        publications.publish(plan.id(), new PublicationSettings("QS-2030-00009", "青山县教育局", "教育", false, null), coordinator);
        var page = anonymous("/public/plans/" + plan.id());
        assertThat(page.getStatus()).isEqualTo(200);
        var html = page.getContentAsString(StandardCharsets.UTF_8);
        var text = org.jsoup.Jsoup.parse(html).text();
        assertThat(text).contains(title, "测教〔2030〕9号", "2030年1月15日", "QS-2030-00009", "青山县教育局", "主动公开",
                "一、党的建设", "1.加强基层党组织建设。开展星级党组织创建。", "2.深化师德师风建设。", "发布后修订情况",
                "第1项修订为：“加强基层党组织建设和党员教育管理。开展星级党组织创建，加强党员教育管理。”");
        assertThat(text).as("nothing but the document").doesNotContain(leadName, cooperatingName, schoolName, coordinator.displayName(),
                leader.displayName(), principal.displayName(), "内部意见", "局长办公会内部研究调整", "学校内部进展", "工作进展", "草稿");
        assertThat(org.jsoup.Jsoup.parse(html).select("#public-progress")).as("the bureau did not choose the table").isEmpty();
        assertThat(org.jsoup.Jsoup.parse(html).select("form, script")).as("no form, no script").isEmpty();

        // cacheable, with an ETag, framable, no cookie
        assertThat(page.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("max-age=300, public");
        assertThat(page.getHeader(HttpHeaders.VARY)).contains("Cookie");
        var etag = page.getHeader(HttpHeaders.ETAG);
        assertThat(etag).isNotBlank();
        assertThat(page.getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();
        assertThat(page.getHeader("X-Frame-Options")).isNull();
        assertThat(page.getHeader("Content-Security-Policy")).contains("frame-ancestors *", "script-src 'none'");
        var again = mvc.perform(get("/public/plans/{id}", plan.id()).header(HttpHeaders.IF_NONE_MATCH, etag)).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsByteArray()).isEmpty();
        assertThat(anonymous("/login").getHeader("X-Frame-Options")).as("every other page").isEqualTo("DENY");

        // the Word file: the text as published, the amendment after the date; no name
        var word = anonymous("/public/plans/" + plan.id() + ".docx");
        assertThat(word.getStatus()).isEqualTo(200);
        assertThat(word.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("max-age=300, public");
        try (var docx = new XWPFDocument(new ByteArrayInputStream(word.getContentAsByteArray()))) {
            var paragraphs = docx.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).contains("测教〔2030〕9号", title, "一、党的建设",
                    "1.加强基层党组织建设。开展星级党组织创建。", "2030年1月15日", "附：发布后修订情况");
            assertThat(paragraphs).anySatisfy(paragraph -> assertThat(paragraph).contains("第1项修订为：“加强基层党组织建设和党员教育管理。"));
            assertThat(String.join("\n", paragraphs)).doesNotContain(leadName, schoolName, "内部");
        }
        var pdf = anonymous("/public/plans/" + plan.id() + ".pdf");
        assertThat(pdf.getStatus()).isIn(200, 503);

        // the progress table when the bureau chooses it: per chapter, counts and percentages only
        publications.publish(plan.id(), new PublicationSettings("QS-2030-00009", "青山县教育局", "教育", true, version(plan.id())), coordinator);
        var withTable = anonymous("/public/plans/" + plan.id());
        var table = org.jsoup.Jsoup.parse(withTable.getContentAsString(StandardCharsets.UTF_8)).select("#public-progress");
        assertThat(table).hasSize(1);
        assertThat(table.select("tbody tr.progress-row td").eachText()).startsWith("一、党的建设", "2");
        assertThat(table.text()).doesNotContain(leadName, schoolName, "加强基层党组织建设");
        assertThat(withTable.getHeader(HttpHeaders.ETAG)).as("another page, another ETag").isNotEqualTo(etag);
    }

    @Test
    void anonymousRequestsToEverythingElseStillGoToTheLogin() throws Exception {
        var plan = plans.draft();
        long item = plan.item(plan.chapter("章"), "任务。");
        plan.publish();
        publications.publish(plan.id(), new PublicationSettings("", "", "", true, null), plan.by());
        assertThat(anonymous("/public/plans/" + plan.id()).getStatus()).isEqualTo(200);
        for (var url : List.of("/plans/" + plan.id(), "/plans/" + plan.id() + "/document", "/plans/" + plan.id() + "/export.docx",
                "/plans/" + plan.id() + "/export.pdf", "/plans/" + plan.id() + "/tasks", "/items/" + item, "/items/" + item + "/lines",
                "/plans/" + plan.id() + "/publication", "/plans/" + plan.id() + "/alignment", "/upper-documents", "/dashboard",
                "/public/plans/" + plan.id() + "/document", "/public", "/public/plans/" + plan.id() + "/summaries", "/")) {
            var answer = anonymous(url);
            assertThat(answer.getStatus()).as(url).isEqualTo(302);
            assertThat(answer.getRedirectedUrl()).as(url).endsWith("/login");
        }
        var posted = mvc.perform(post("/public/plans/{id}", plan.id()).with(csrf())).andReturn().getResponse();
        assertThat(posted.getRedirectedUrl()).as("only GET is public").endsWith("/login");
        assertThat(mvc.perform(get("/api/me")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    private void assertHidden(long planId) throws Exception {
        for (var url : List.of("/public/plans/" + planId, "/public/plans/" + planId + ".docx", "/public/plans/" + planId + ".pdf")) {
            assertThat(anonymous(url).getStatus()).as(url).isEqualTo(404);
        }
        assertThat(index()).doesNotContain("/public/plans/" + planId + "\"");
    }

    private void assertPublic(long planId) throws Exception {
        assertThat(anonymous("/public/plans/" + planId).getStatus()).isEqualTo(200);
        assertThat(anonymous("/public/plans/" + planId + ".docx").getStatus()).isEqualTo(200);
        assertThat(index()).contains("/public/plans/" + planId + "\"");
    }

    private String index() throws Exception {
        var index = anonymous("/public/plans");
        assertThat(index.getStatus()).isEqualTo(200);
        return index.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse anonymous(String url) throws Exception {
        return mvc.perform(get(url)).andReturn().getResponse();
    }

    private long version(long planId) {
        return jdbc.sql("select version from publication where plan_id = :plan").param("plan", planId).query(Long.class).single();
    }

    private String name(String table, String column, long id) {
        return jdbc.sql("select " + column + " from " + table + " where id = :id").param("id", id).query(String.class).single();
    }

}
