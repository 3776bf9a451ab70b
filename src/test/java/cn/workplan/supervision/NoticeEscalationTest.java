package cn.workplan.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.org.OfficeData;
import cn.workplan.org.OfficeService;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A notice without a reply after its reply deadline is escalated, once, to the deputy director in charge of the
 * recipient office (of the item's lead office for a school), or failing one to the leader in charge of the general
 * office; the leader finds it in their list. On the deadline itself it is not yet late; a reply prevents it.
 */
@IntegrationTest
@RecordApplicationEvents
class NoticeEscalationTest {

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
    NoticeEscalation job;
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
    void anUnansweredNoticeIsEscalatedTheDayAfterItsDeadlineAndOnlyOnce() throws Exception {
        var deadline = f.today().plusDays(3);
        long id = notices.issue(new NoticeData(f.item, null, "请报送整改方案。", deadline), f.leader);
        notices.acknowledge(id, f.leadStaff);

        notices.escalateOverdue(deadline);
        assertThat(escalatedTo(id)).as("on its deadline a notice is not late yet").isNull();
        assertThat(escalations(id)).isEmpty();

        notices.escalateOverdue(deadline.plusDays(1));
        assertThat(escalatedTo(id)).as("acknowledging is not answering").isEqualTo(f.deputy.id());
        assertThat(escalations(id)).containsExactly(new NoticeEscalated(id, number(id), "深化课程改革。", f.deputy.id(), "/notices/" + id));
        var escalatedAt = jdbc.sql("select escalated_at from notice where id = :id").param("id", id).query(java.time.OffsetDateTime.class).single();

        notices.escalateOverdue(deadline.plusDays(2));
        notices.escalateOverdue(deadline.plusDays(30));
        assertThat(escalations(id)).hasSize(1);
        assertThat(jdbc.sql("select escalated_at from notice where id = :id").param("id", id).query(java.time.OffsetDateTime.class).single())
                .isEqualTo(escalatedAt);
        assertThat(jdbc.sql("select count(*) from notice_event where notice_id = :id and action = 'ESCALATED'").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select actor from audit_event where entity_type = 'NOTICE' and entity_id = :id and action = 'ESCALATE'")
                .param("id", id).query(String.class).list()).containsExactly("system");
        assertThat(f.state(id)).as("escalation leaves the state alone").isEqualTo(NoticeState.ACKNOWLEDGED);
        assertThat(jdbc.sql("select count(*) from notification where user_id = :leader and message_key = 'notification.notice.escalated' and link = :link")
                .param("leader", f.deputy.id()).param("link", "/notices/" + id).query(Long.class).single())
                .as("the deputy director is told once, in the notification centre").isEqualTo(1);

        notices.reply(id, new ReplyData("已报送。", f.version(id)), f.leadStaff);
        assertThat(f.state(id)).isEqualTo(NoticeState.REPLIED);
    }

    @Test
    void aRepliedNoticeIsNeverEscalated() {
        var deadline = f.today();
        long replied = notices.issue(new NoticeData(f.item, null, "请报送整改方案。", deadline), f.leader);
        notices.acknowledge(replied, f.leadStaff);
        notices.reply(replied, new ReplyData("已报送。", f.version(replied)), f.leadStaff);
        long sentBack = notices.issue(new NoticeData(f.item, f.line(f.schoolA), "请补报材料。", deadline), f.leader);
        notices.acknowledge(sentBack, f.principalA);
        notices.reply(sentBack, new ReplyData("已补报。", f.version(sentBack)), f.principalA);
        notices.sendBack(sentBack, new ReviewData("材料不全。", f.version(sentBack)), f.leader);

        notices.escalateOverdue(deadline.plusDays(1));
        notices.escalateOverdue(deadline.plusDays(60));
        assertThat(escalatedTo(replied)).isNull();
        assertThat(escalatedTo(sentBack)).isNull();
        assertThat(escalations(replied)).isEmpty();
        assertThat(escalations(sentBack)).isEmpty();
    }

    @Test
    void aSchoolsNoticeGoesToTheLeaderInChargeOfTheLeadOfficeAndWithoutOneToTheGeneralOfficesLeader() throws Exception {
        var deadline = f.today();
        long toSchool = notices.issue(new NoticeData(f.item, f.line(f.schoolB), "请报送进度。", deadline), f.supervisor);
        long toCooperating = notices.issue(new NoticeData(f.item, f.officeLine(f.cooperating), "请配合报送数据。", deadline), f.supervisor);
        var director = data.login(data.user(Role.LEADER));
        generalOfficeLedBy(director);

        notices.escalateOverdue(deadline.plusDays(1));
        assertThat(escalatedTo(toSchool)).isEqualTo(f.deputy.id());
        assertThat(escalatedTo(toCooperating)).as("the cooperating office has no leader in charge").isEqualTo(director.id());
        assertThat(escalations(toCooperating)).extracting(NoticeEscalated::leaderUserId).containsExactly(director.id());

        assertThat(listed(f.deputy, "?toMe=true")).contains(toSchool).doesNotContain(toCooperating);
        assertThat(listed(director, "?toMe=true")).contains(toCooperating).doesNotContain(toSchool);
        assertThat(listed(f.leader, "?toMe=true")).doesNotContain(toSchool, toCooperating);
        var deputysList = page(f.deputy, "");
        assertThat(deputysList.select("#notice-" + toSchool).hasClass("list-group-item-danger")).isTrue();
        assertThat(deputysList.select("#notice-" + toSchool).text()).contains("已升级督办");
        assertThat(page(f.deputy, "/" + toSchool).select("#notice-escalated").text()).contains(f.deputy.displayName());
        assertThat(listed(f.principalB, "?escalated=true")).containsExactly(toSchool);
    }

    @Test
    void theScheduledJobEscalatesWhatWasDueYesterdayUnderItsLock() {
        long id = f.toLeadOffice();
        jdbc.sql("update notice set reply_by = :yesterday where id = :id").param("yesterday", f.today().minusDays(1)).param("id", id)
                .update();
        job.run();
        assertThat(escalatedTo(id)).isEqualTo(f.deputy.id());
        assertThat(jdbc.sql("select count(*) from shedlock where name = 'notice-escalation'").query(Long.class).single()).isEqualTo(1);
    }

    /** A general office (办公室) with the leader in charge of it, first in the directory's order. */
    private void generalOfficeLedBy(CurrentUser director) {
        var name = TestData.unique("测试总办公室");
        long office = offices.create(new OfficeData(name, name, null, director.id(), 0, true, null));
        assertThat(offices.get(office).leaderUserId()).isEqualTo(director.id());
    }

    private Long escalatedTo(long id) {
        return jdbc.sql("select escalated_to from notice where id = :id").param("id", id).query(Long.class).optional().orElse(null);
    }

    private List<NoticeEscalated> escalations(long id) {
        return events.stream(NoticeEscalated.class).filter(event -> event.noticeId() == id).toList();
    }

    private String number(long id) {
        return jdbc.sql("select year, number from notice where id = :id").param("id", id)
                .query((row, n) -> "督办〔" + row.getInt(1) + "〕" + row.getInt(2) + "号").single();
    }

    private org.jsoup.nodes.Document page(CurrentUser viewer, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get("/notices" + path).with(user(viewer))).andReturn().getResponse().getContentAsString());
    }

    private List<Long> listed(CurrentUser viewer, String query) throws Exception {
        return page(viewer, query).select("#notices > a").eachAttr("id").stream()
                .map(id -> Long.parseLong(id.substring("notice-".length()))).toList();
    }
}
