package cn.workplan.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.org.OfficeService;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;
import cn.workplan.system.NotFoundException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who sees which notice, and who may act on it: a school or an office sees only the notices it received (or its
 * office issued), and cannot read, acknowledge, answer, close or send back anybody else's, whatever id it tries;
 * leaders, the supervision office, administrators and inspectors see them all, and only the recipient answers.
 */
@IntegrationTest
class NoticeAccessTest {

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

    NoticeFixture f;
    long toSchoolA;
    long toLead;

    @BeforeEach
    void notices() {
        f = new NoticeFixture(data, plans, offices, jdbc, notices, clock);
        toSchoolA = f.toSchool(f.schoolA);
        toLead = f.toLeadOffice();
    }

    @Test
    void eachSeesTheNoticesTheyReceivedAndTheSupervisorsSeeThemAll() throws Exception {
        assertThat(listed(f.principalA)).contains(toSchoolA).doesNotContain(toLead);
        assertThat(listed(f.principalB)).doesNotContain(toSchoolA, toLead);
        assertThat(listed(f.leadStaff)).contains(toLead).doesNotContain(toSchoolA);
        assertThat(listed(f.cooperatingStaff)).doesNotContain(toSchoolA, toLead);
        for (var supervisor : List.of(f.leader, f.supervisor, f.data.login(data.user(Role.ADMIN)), f.data.login(data.user(Role.INSPECTOR)))) {
            assertThat(listed(supervisor)).as(supervisor.toString()).contains(toSchoolA, toLead);
        }
        assertThat(listed(f.principalA, "?state=ACKNOWLEDGED")).doesNotContain(toSchoolA);
        notices.acknowledge(toSchoolA, f.principalA);
        assertThat(listed(f.principalA, "?state=ACKNOWLEDGED")).contains(toSchoolA);
        assertThat(listed(f.principalA, "?state=ISSUED")).doesNotContain(toSchoolA);
    }

    @Test
    void nobodyReadsOrAnswersAnotherOnesNoticeWhateverIdTheyTry() throws Exception {
        long unknown = jdbc.sql("select coalesce(max(id), 0) + 1000 from notice").query(Long.class).single();
        var others = List.of(f.principalB, f.cooperatingStaff, f.data.login(data.staffOf(f.lead)));
        for (var someone : others) {
            for (long id : someone.officeId() != null && someone.officeId() == f.lead ? List.of(toSchoolA, unknown)
                    : List.of(toSchoolA, toLead, unknown)) {
                var what = someone + " on notice " + id;
                for (var page : List.of("/notices/" + id, "/notices/" + id + "/print", "/notices/" + id + ".docx")) {
                    mvc.perform(get(page).with(user(someone))).andExpect(status().isNotFound());
                }
                for (var step : List.of("acknowledge", "reply", "close", "return")) {
                    mvc.perform(post("/notices/{id}/" + step, id).param("reply", "改").param("comment", "改").param("version", "0")
                            .with(csrf()).with(user(someone))).andExpect(status().isNotFound());
                }
                assertThatThrownBy(() -> notices.acknowledge(id, someone)).as(what).isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> notices.reply(id, new ReplyData("改", 0L), someone)).as(what)
                        .isInstanceOf(NotFoundException.class);
            }
        }
        assertThat(f.state(toSchoolA)).isEqualTo(NoticeState.ISSUED);
        assertThat(f.state(toLead)).isEqualTo(NoticeState.ISSUED);
        assertThat(jdbc.sql("select count(*) from notice_event where notice_id in (:ids) and action <> 'ISSUED'")
                .param("ids", List.of(toSchoolA, toLead)).query(Long.class).single()).isZero();
    }

    @Test
    void onlyTheRecipientAnswersAndOnlyTheIssuerTheirOfficeAndLeadersClose() throws Exception {
        var admin = f.data.login(data.user(Role.ADMIN));
        var inspector = f.data.login(data.user(Role.INSPECTOR));
        for (var onlyReader : List.of(admin, inspector, f.leader, f.supervisor)) {
            mvc.perform(get("/notices/{id}", toSchoolA).with(user(onlyReader))).andExpect(status().isOk());
            assertThatThrownBy(() -> notices.acknowledge(toSchoolA, onlyReader)).isInstanceOf(AccessDeniedException.class);
        }
        notices.acknowledge(toSchoolA, f.principalA);
        for (var onlyReader : List.of(admin, inspector, f.leader, f.supervisor)) {
            assertThatThrownBy(() -> notices.reply(toSchoolA, new ReplyData("代答。", f.version(toSchoolA)), onlyReader))
                    .isInstanceOf(AccessDeniedException.class);
        }
        notices.reply(toSchoolA, new ReplyData("已补报。", f.version(toSchoolA)), f.principalA);
        for (var notReviewer : List.of(admin, inspector, f.principalA)) {
            assertThatThrownBy(() -> notices.close(toSchoolA, new ReviewData("", f.version(toSchoolA)), notReviewer))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> notices.sendBack(toSchoolA, new ReviewData("不行。", f.version(toSchoolA)), notReviewer))
                    .isInstanceOf(AccessDeniedException.class);
        }
        notices.sendBack(toSchoolA, new ReviewData("请附照片。", f.version(toSchoolA)), f.deputy);
        notices.reply(toSchoolA, new ReplyData("已附照片。", f.version(toSchoolA)), f.principalA);
        notices.close(toSchoolA, new ReviewData("", f.version(toSchoolA)), f.supervisor);
        assertThat(f.state(toSchoolA)).isEqualTo(NoticeState.CLOSED);
    }

    @Test
    void onlyLeadersAndTheSupervisionOfficeIssueNotices() throws Exception {
        for (var someone : List.of(f.leadStaff, f.principalA, f.data.login(data.user(Role.ADMIN)), f.data.login(data.user(Role.INSPECTOR)))) {
            mvc.perform(get("/notices/new").param("itemId", Long.toString(f.item)).with(user(someone))).andExpect(status().isForbidden());
            assertThatThrownBy(() -> notices.issue(new NoticeData(f.item, null, "越权。", f.today()), someone))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> notices.issue(new NoticeData(f.item, f.line(f.schoolA), "无关。", f.today()),
                f.data.login(data.staffOf(data.office("测试教育督导股" + TestData.unique(""), TestData.unique("督"))))))
                .isInstanceOf(AccessDeniedException.class);
        mvc.perform(get("/notices/new").param("itemId", Long.toString(f.item)).param("lineId", Long.toString(f.line(f.schoolA)))
                .with(user(f.supervisor))).andExpect(status().isOk());
    }

    private List<Long> listed(CurrentUser viewer) throws Exception {
        return listed(viewer, "");
    }

    private List<Long> listed(CurrentUser viewer, String query) throws Exception {
        var page = Jsoup.parse(mvc.perform(get("/notices" + query).with(user(viewer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        return page.select("#notices > a").eachAttr("id").stream().map(id -> Long.parseLong(id.substring("notice-".length()))).toList();
    }
}
