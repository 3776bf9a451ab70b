package cn.workplan.supervision;

import java.time.Clock;
import java.time.LocalDate;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.org.OfficeData;
import cn.workplan.org.OfficeService;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A published item with notices to issue on it: led by an office with a deputy director in charge, with a
 * cooperating office and two responsible schools, each with its people; a leader, and staff of the supervision
 * office (the one office whose short name is 督导室, made once for all tests).
 */
final class NoticeFixture {

    final TestData data;
    final JdbcClient jdbc;
    final NoticeService notices;
    final Clock clock;

    final long lead;
    final long cooperating;
    final long schoolA;
    final long schoolB;
    final long item;
    final CurrentUser leader;
    final CurrentUser deputy;
    final CurrentUser supervisor;
    final CurrentUser leadStaff;
    final CurrentUser cooperatingStaff;
    final CurrentUser principalA;
    final CurrentUser principalB;

    NoticeFixture(TestData data, TestPlans plans, OfficeService offices, JdbcClient jdbc, NoticeService notices, Clock clock) {
        this.data = data;
        this.clock = clock;
        this.jdbc = jdbc;
        this.notices = notices;
        leader = data.login(data.user(Role.LEADER));
        deputy = data.login(data.user(Role.LEADER));
        lead = data.office();
        inCharge(offices, lead, deputy.id());
        cooperating = data.office();
        schoolA = data.school();
        schoolB = data.school();
        var plan = plans.draft();
        item = plan.item(plan.chapter("教育教学"), ItemSpec.item("深化课程改革。").lead(lead).cooperating(cooperating)
                .schools(schoolA, schoolB).dueMonthEnd(6));
        plan.publish();
        supervisor = data.login(data.staffOf(supervisionOffice(data, jdbc)));
        leadStaff = data.login(data.staffOf(lead));
        cooperatingStaff = data.login(data.staffOf(cooperating));
        principalA = data.login(data.user(Role.PRINCIPAL, null, schoolA));
        principalB = data.login(data.user(Role.PRINCIPAL, null, schoolB));
    }

    /** Makes the leader the deputy director in charge of the office. */
    static void inCharge(OfficeService offices, long officeId, long leaderId) {
        var office = offices.get(officeId);
        offices.update(officeId, new OfficeData(office.name(), office.shortName(), null, leaderId, office.displayOrder(),
                office.coordinator(), office.version()));
    }

    /** The supervision office (督导室) of the test database, made on first use. */
    static synchronized long supervisionOffice(TestData data, JdbcClient jdbc) {
        return jdbc.sql("select id from office where short_name = '督导室'").query(Long.class).optional()
                .orElseGet(() -> data.office("测试教育督导室", "督导室"));
    }

    /** The school's line of responsibility on the item. */
    long line(long schoolId) {
        return jdbc.sql("select id from assignment where item_id = :item and school_id = :id")
                .param("item", item).param("id", schoolId).query(Long.class).single();
    }

    /** The office's line of responsibility on the item. */
    long officeLine(long officeId) {
        return jdbc.sql("select id from assignment where item_id = :item and office_id = :id")
                .param("item", item).param("id", officeId).query(Long.class).single();
    }

    /** A notice on the whole item (to its lead office) by the leader, due in a week. */
    long toLeadOffice() {
        return notices.issue(new NoticeData(item, null, "进度滞后，请说明原因。", today().plusDays(7)), leader);
    }

    /** A notice on the school's line by the supervision office, due in a week. */
    long toSchool(long schoolId) {
        return notices.issue(new NoticeData(item, line(schoolId), "未按节点报送佐证材料。", today().plusDays(7)), supervisor);
    }

    /** Today in the bureau's time zone. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    NoticeState state(long noticeId) {
        return NoticeState.valueOf(jdbc.sql("select state from notice where id = :id").param("id", noticeId).query(String.class).single());
    }

    long version(long noticeId) {
        return jdbc.sql("select version from notice where id = :id").param("id", noticeId).query(Long.class).single();
    }

    String reply(long noticeId) {
        return jdbc.sql("select reply from notice where id = :id").param("id", noticeId).query(String.class).single();
    }
}
