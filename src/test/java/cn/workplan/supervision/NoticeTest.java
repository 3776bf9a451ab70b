package cn.workplan.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.org.OfficeService;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.SessionCookies;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;
import cn.workplan.system.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A supervision notice through its life on the pages: issued from the item's page, acknowledged and answered by
 * the recipient, sent back and answered again, closed; each step audited, in the history and announced as an event.
 * Two people editing the reply at once do not overwrite each other. The notice prints and downloads as Word.
 */
@IntegrationTest
@RecordApplicationEvents
class NoticeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    OfficeService offices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NoticeService notices;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationEvents events;

    NoticeFixture f;

    @BeforeEach
    void fixture() {
        f = new NoticeFixture(data, plans, offices, jdbc, notices, clock);
    }

    @Test
    void aNoticeIsIssuedAcknowledgedRepliedSentBackRepliedAgainAndClosed() throws Exception {
        assertThat(page(get("/items/{id}", f.item), f.leader).select("#issue-notice").attr("href"))
                .isEqualTo("/notices/new?itemId=" + f.item);
        var form = page(get("/notices/new").param("itemId", Long.toString(f.item)), f.leader);
        assertThat(form.select("#lineId option").first().text()).contains(offices.get(f.lead).name());
        assertThat(form.select("#lineId option[selected]")).isEmpty();
        assertThat(form.select("#lineId option")).hasSize(4);

        var replyBy = f.today().plusDays(10);
        var location = mvc.perform(post("/notices").param("itemId", Long.toString(f.item)).param("matter", "第二季度进度滞后，请说明原因。")
                        .param("replyBy", replyBy.toString()).with(csrf()).with(user(f.leader)))
                .andExpect(flash().attribute("message", "notice.issued"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/notices/".length()));
        var number = page(get("/notices/{id}", id), f.leader).select("#notice-number").text();
        assertThat(number).matches("督办〔" + f.today().getYear() + "〕[1-9]\\d*号");

        assertThat(page(get("/notices"), f.leadStaff).select("#notice-" + id + " .notice-number").text()).isEqualTo(number);
        var received = page(get("/notices/{id}", id), f.leadStaff);
        assertThat(received.select("#notice-matter").text()).isEqualTo("第二季度进度滞后，请说明原因。");
        assertThat(received.select("#acknowledge-form")).hasSize(1);
        assertThat(received.select("#reply-form, #close-form, #return-form")).isEmpty();

        act(id, "reply", f.leadStaff, "reply", "已整改。", "version", "0").andExpect(flash().attribute("error", "notice.error.acknowledgeFirst"));
        act(id, "acknowledge", f.leadStaff).andExpect(flash().attribute("message", "notice.acknowledged"));
        act(id, "acknowledge", f.leadStaff).andExpect(flash().attribute("error", "notice.error.acknowledged"));
        assertThat(f.state(id)).isEqualTo(NoticeState.ACKNOWLEDGED);

        act(id, "reply", f.leadStaff, "reply", "  ", "version", version(id)).andExpect(flash().attribute("error", "notice.error.reply"));
        act(id, "reply", f.leadStaff, "reply", "已召开专题会，6月底前完成。", "version", version(id))
                .andExpect(flash().attribute("message", "notice.replied"));
        assertThat(f.state(id)).isEqualTo(NoticeState.REPLIED);
        assertThat(page(get("/notices/{id}", id), f.leader).select("#close-form, #return-form")).hasSize(2);

        act(id, "return", f.leader, "comment", "", "version", version(id)).andExpect(flash().attribute("error", "notice.error.commentRequired"));
        act(id, "return", f.leader, "comment", "请写明完成时间表。", "version", version(id))
                .andExpect(flash().attribute("message", "notice.returned"));
        assertThat(f.state(id)).isEqualTo(NoticeState.RETURNED);
        var returned = page(get("/notices/{id}", id), f.leadStaff);
        assertThat(returned.select("#history").text()).contains("请写明完成时间表。");
        assertThat(returned.select("#reply-text").text()).isEqualTo("已召开专题会，6月底前完成。");

        act(id, "close", f.leader, "version", version(id)).andExpect(flash().attribute("error", "notice.error.notReplied"));
        act(id, "reply", f.leadStaff, "reply", "6月10日方案定稿，6月30日全部完成。", "version", version(id))
                .andExpect(flash().attribute("message", "notice.replied"));
        act(id, "close", f.leader, "comment", "同意销号。", "version", version(id)).andExpect(flash().attribute("message", "notice.closed"));
        assertThat(f.state(id)).isEqualTo(NoticeState.CLOSED);
        act(id, "reply", f.leadStaff, "reply", "补充。", "version", version(id)).andExpect(flash().attribute("error", "notice.error.closed"));
        assertThat(page(get("/notices/{id}", id), f.leadStaff).select("#actions")).isEmpty();

        assertThat(jdbc.sql("select action from notice_event where notice_id = :id order by occurred_at, id").param("id", id)
                .query(String.class).list())
                .containsExactly("ISSUED", "ACKNOWLEDGED", "REPLIED", "RETURNED", "REPLIED", "CLOSED");
        assertThat(jdbc.sql("select action from audit_event where entity_type = 'NOTICE' and entity_id = :id order by id")
                .param("id", id).query(String.class).list())
                .containsExactly("ISSUE", "ACKNOWLEDGE", "REPLY", "RETURN", "REPLY", "CLOSE");

        assertThat(events.stream(NoticeIssued.class).filter(event -> event.noticeId() == id))
                .containsExactly(new NoticeIssued(id, number, "深化课程改革。", List.of(f.leadStaff.id()), "/notices/" + id));
        assertThat(events.stream(NoticeReplied.class).filter(event -> event.noticeId() == id).map(NoticeReplied::revised))
                .containsExactly(false, true);
        assertThat(events.stream(NoticeReplied.class)).allMatch(event -> event.issuerUserId() == f.leader.id());
        assertThat(events.stream(NoticeReturned.class).filter(event -> event.noticeId() == id))
                .containsExactly(new NoticeReturned(id, number, "深化课程改革。", List.of(f.leadStaff.id()), "请写明完成时间表。",
                        "/notices/" + id));
        assertThat(events.stream(NoticeClosed.class).filter(event -> event.noticeId() == id)).hasSize(1);
    }

    @Test
    void theSupervisionOfficeIssuesToASchoolAndAColleagueClosesIt() throws Exception {
        long line = f.line(f.schoolA);
        assertThat(page(get("/items/{id}/lines", f.item), f.leader).select("#line-" + line + " .issue-notice").attr("href"))
                .isEqualTo("/notices/new?itemId=" + f.item + "&lineId=" + line);
        assertThat(page(get("/items/{id}/lines", f.item), f.leadStaff).select(".issue-notice")).isEmpty();
        assertThat(page(get("/items/{id}", f.item), f.leadStaff).select("#issue-notice")).isEmpty();
        assertThat(page(get("/items/{id}", f.item), f.supervisor).select("#issue-notice")).hasSize(1);
        var form = page(get("/notices/new").param("itemId", Long.toString(f.item)).param("lineId", Long.toString(line)), f.supervisor);
        assertThat(form.select("#lineId option[selected]").attr("value")).isEqualTo(Long.toString(line));

        var location = mvc.perform(post("/notices").param("itemId", Long.toString(f.item)).param("lineId", Long.toString(line))
                        .param("matter", "未按节点报送佐证材料。").param("replyBy", f.today().toString()).with(csrf()).with(user(f.supervisor)))
                .andExpect(flash().attribute("message", "notice.issued"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/notices/".length()));
        assertThat(jdbc.sql("select school_id from notice where id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(f.schoolA);
        act(id, "acknowledge", f.principalA).andExpect(flash().attribute("message", "notice.acknowledged"));
        act(id, "reply", f.principalA, "reply", "已补报。", "version", version(id)).andExpect(flash().attribute("message", "notice.replied"));

        var colleague = data.login(data.staffOf(NoticeFixture.supervisionOffice(data, jdbc)));
        act(id, "close", f.principalA, "version", version(id)).andExpect(status().isForbidden());
        act(id, "close", colleague, "version", version(id)).andExpect(flash().attribute("message", "notice.closed"));
        assertThat(f.state(id)).isEqualTo(NoticeState.CLOSED);
    }

    @Test
    void noticesAreIssuedOnPublishedItemsWithAReplyDeadlineNotInThePast() throws Exception {
        mvc.perform(post("/notices").param("itemId", Long.toString(f.item)).param("matter", "请加快进度。")
                        .param("replyBy", f.today().minusDays(1).toString()).with(csrf()).with(user(f.leader)))
                .andExpect(status().isOk());
        var blank = Jsoup.parse(mvc.perform(post("/notices").param("itemId", Long.toString(f.item)).param("matter", " ")
                        .param("replyBy", f.today().toString()).with(csrf()).with(user(f.leader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(blank.select("#matter.is-invalid")).hasSize(1);
        assertThatThrownBy(() -> notices.issue(new NoticeData(f.item, null, "  ", f.today()), f.leader))
                .isInstanceOf(InvalidInputException.class).hasMessage("notice.error.matter");
        assertThatThrownBy(() -> notices.issue(new NoticeData(f.item, null, "请加快进度。", f.today().minusDays(1)), f.leader))
                .isInstanceOf(InvalidInputException.class).hasMessage("notice.error.pastDeadline");
        assertThatThrownBy(() -> notices.issue(new NoticeData(f.item, null, "请加快进度。", f.today()), f.leadStaff))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        var own = plans.draft();
        long ownItem = own.item(own.chapter("督导"), cn.workplan.support.ItemSpec.item("开展督导评估。")
                .lead(NoticeFixture.supervisionOffice(data, jdbc)));
        own.publish();
        assertThatThrownBy(() -> notices.issue(new NoticeData(ownItem, null, "请加快进度。", f.today()), f.supervisor))
                .isInstanceOf(InvalidInputException.class).hasMessage("notice.error.ownOffice");

        var draft = plans.draft();
        long draftItem = draft.item(draft.chapter("章"), cn.workplan.support.ItemSpec.item("草稿任务。").lead(f.lead));
        mvc.perform(get("/notices/new").param("itemId", Long.toString(draftItem)).with(user(f.leader)))
                .andExpect(flash().attribute("error", "notice.error.notPublished"));
        mvc.perform(post("/notices").param("itemId", Long.toString(f.item)).param("matter", "请加快进度。")
                        .param("replyBy", f.today().toString()).with(csrf()).with(user(f.leadStaff)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from notice where item_id in (:items)").param("items", List.of(f.item, draftItem, ownItem))
                .query(Long.class).single()).isZero();
    }

    @Test
    void twoPeopleRevisingTheReplyAtOnceDoNotOverwriteEachOther() throws Exception {
        long id = f.toLeadOffice();
        var colleague = data.login(data.staffOf(f.lead));
        notices.acknowledge(id, f.leadStaff);
        notices.reply(id, new ReplyData("第一稿。", f.version(id)), f.leadStaff);
        var opened = version(id);

        act(id, "reply", f.leadStaff, "reply", "甲的修改。", "version", opened).andExpect(flash().attribute("message", "notice.replied"));
        var refused = act(id, "reply", colleague, "reply", "乙的修改。", "version", opened)
                .andExpect(flash().attribute("error", "notice.error.stale"))
                .andExpect(flash().attribute("replyDraft", "乙的修改。"));
        assertThat(f.reply(id)).isEqualTo("甲的修改。");
        // the page the refusal redirects to, in the session that carries its flash attributes
        var session = refused.andReturn().getResponse().getCookie(SessionCookies.NAME);
        var again = Jsoup.parse(mvc.perform(get("/notices/{id}", id).cookie(session).with(user(colleague)))
                .andReturn().getResponse().getContentAsString());
        assertThat(again.select("#notice-reply").text()).isEqualTo("甲的修改。");
        assertThat(again.select("#reply-text").text()).isEqualTo("乙的修改。");

        act(id, "close", f.leader, "version", opened).andExpect(flash().attribute("error", "notice.error.stale"));
        assertThat(f.state(id)).isEqualTo(NoticeState.REPLIED);
    }

    @Test
    void aNoticePrintsAsAnOfficialFormAndDownloadsAsWord() throws Exception {
        long id = f.toLeadOffice();
        var number = jdbc.sql("select year, number from notice where id = :id").param("id", id)
                .query((row, n) -> "督办〔" + row.getInt(1) + "〕" + row.getInt(2) + "号").single();

        var print = page(get("/notices/{id}/print", id), f.leadStaff);
        var sheet = print.select("#notice-sheet");
        assertThat(sheet.select("h1").text()).isEqualTo("督办单");
        assertThat(sheet.select(".notice-number").text()).isEqualTo(number);
        assertThat(sheet.text()).contains(offices.get(f.lead).name(), "进度滞后，请说明原因。", "深化课程改革。");
        assertThat(print.select("link[href='/css/notice.css']")).hasSize(1);
        assertThat(print.select(".d-print-none [data-print]")).hasSize(1);
        assertThat(mvc.perform(get("/css/notice.css")).andReturn().getResponse().getContentAsString())
                .contains("@media print", "size: A4");

        var response = mvc.perform(get("/notices/{id}.docx", id).with(user(f.leadStaff)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;").contains(".docx");
        try (var document = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()));
                var text = new XWPFWordExtractor(document)) {
            assertThat(document.getParagraphs().get(0).getText()).isEqualTo("督办单");
            assertThat(document.getParagraphs().get(1).getText()).isEqualTo(number);
            assertThat(text.getText()).contains("进度滞后，请说明原因。", "深化课程改革。", offices.get(f.lead).name());
        }
    }

    private Document page(MockHttpServletRequestBuilder request, CurrentUser viewer) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(user(viewer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    /** POST /notices/{id}/{step} with the parameters given as name, value, name, value … */
    private ResultActions act(long id, String step, CurrentUser who, String... parameters) throws Exception {
        var request = post("/notices/{id}/" + step, id).with(csrf()).with(user(who));
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return mvc.perform(request);
    }

    private String version(long id) {
        return Long.toString(f.version(id));
    }
}
