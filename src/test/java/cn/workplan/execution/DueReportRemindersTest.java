package cn.workplan.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.notification.NotificationCentre;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.PlanBuilder;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reminders before a period's report is due: exactly the people of open lines without a sent or approved
 * report, from three days before the due day to the due day, once per period however often the job runs.
 * The plans are of {@link TestPlans#YEAR}; each test runs the job as on days of that year.
 */
@IntegrationTest
class DueReportRemindersTest {

    static final int YEAR = TestPlans.YEAR;

    @Autowired
    Reminders reminders;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NotificationCentre centre;

    PlanBuilder plan;
    long lead;
    long cooperating;
    long schoolA;
    long schoolB;
    long itemOne;
    long itemTwo;
    long signedOff;
    long leadStaff;
    long otherLeadStaff;
    long inactiveLeadStaff;
    long cooperatingStaff;
    long principalA;
    long principalB;
    long principalOfSignedOff;
    long principalElsewhere;
    List<Long> everyone;

    /**
     * Item one: led by {@code lead}, with {@code cooperating} and schools A and B. Item two: led by {@code lead}, with
     * school B. A signed-off item with a school of its own.
     */
    @BeforeEach
    void publishedPlan() {
        lead = data.office();
        cooperating = data.office();
        schoolA = data.school();
        schoolB = data.school();
        long schoolC = data.school();
        plan = plans.draft();
        long chapter = plan.chapter("教育教学");
        itemOne = plan.item(chapter, ItemSpec.item("深化课程改革。").lead(lead).cooperating(cooperating).schools(schoolA, schoolB));
        itemTwo = plan.item(chapter, ItemSpec.item("推进课后服务。").lead(lead).schools(schoolB));
        signedOff = plan.item(chapter, ItemSpec.item("完成校舍维修。").lead(cooperating).schools(schoolC));
        plan.publish();
        jdbc.sql("update plan_node set completed_at = now() where id = :item").param("item", signedOff).update();

        leadStaff = person(data.staffOf(lead));
        otherLeadStaff = person(data.staffOf(lead));
        inactiveLeadStaff = person(data.staffOf(lead));
        jdbc.sql("update app_user set active = false where id = :id").param("id", inactiveLeadStaff).update();
        cooperatingStaff = person(data.staffOf(cooperating));
        principalA = person(data.user(Role.PRINCIPAL, null, schoolA));
        principalB = person(data.user(Role.PRINCIPAL, null, schoolB));
        principalOfSignedOff = person(data.user(Role.PRINCIPAL, null, schoolC));
        principalElsewhere = person(data.user(Role.PRINCIPAL));
        everyone = List.of(leadStaff, otherLeadStaff, inactiveLeadStaff, cooperatingStaff, principalA, principalB,
                principalOfSignedOff, principalElsewhere);
    }

    @Test
    void remindsExactlyThePeopleWhoseReportsAreMissingWithHowManyLines() throws Exception {
        var june = LocalDate.of(YEAR, 6, 1);
        report(itemOne, null, schoolA, june, "SUBMITTED");
        report(itemOne, cooperating, null, june, "APPROVED");
        report(itemOne, null, schoolB, june, "DRAFT");
        report(itemTwo, null, schoolB, june, "RETURNED");
        report(itemOne, lead, null, june.minusMonths(1), "APPROVED");

        reminders.remindDueReports(LocalDate.of(YEAR, 6, 22));

        assertThat(reminded()).isEqualTo(Map.of(leadStaff, 1L, otherLeadStaff, 1L, principalB, 1L));
        assertThat(centre.page(principalB, 0, java.util.Locale.SIMPLIFIED_CHINESE).page().getContent())
                .singleElement().satisfies(notice -> {
                    assertThat(notice.text()).isEqualTo("【催办】" + planTitle() + "：您有 2 项任务尚未报送" + YEAR + "年6月的进度，请于"
                            + YEAR + "年6月25日前报送。");
                    assertThat(notice.link()).isEqualTo("/reports");
                });
        assertThat(centre.page(leadStaff, 0, java.util.Locale.SIMPLIFIED_CHINESE).page().getContent().get(0).text())
                .contains("您有 2 项任务");
    }

    @Test
    void remindsFromThreeDaysBeforeTheDueDayToTheDueDayOncePerPeriod() {
        reminders.remindDueReports(LocalDate.of(YEAR, 6, 21));
        assertThat(reminded()).as("due in 4 days").isEmpty();

        reminders.remindDueReports(LocalDate.of(YEAR, 6, 22));
        assertThat(reminded()).as("due in 3 days").containsOnlyKeys(leadStaff, otherLeadStaff, cooperatingStaff, principalA, principalB)
                .allSatisfy((person, times) -> assertThat(times).isEqualTo(1));

        reminders.remindDueReports(LocalDate.of(YEAR, 6, 22));
        reminders.remindDueReports(LocalDate.of(YEAR, 6, 25));
        assertThat(reminded().values()).as("again in June").containsOnly(1L);

        reminders.remindDueReports(LocalDate.of(YEAR, 7, 25));
        assertThat(reminded().values()).as("on July's due day").containsOnly(2L);

        reminders.remindDueReports(LocalDate.of(YEAR, 8, 26));
        reminders.remindDueReports(LocalDate.of(YEAR, 8, 31));
        assertThat(reminded().values()).as("August's report after its due day, September's in 25 days").containsOnly(2L);

        reminders.remindDueReports(LocalDate.of(YEAR, 9, 21));
        assertThat(reminded().values()).as("September's due in 4 days").containsOnly(2L);
        reminders.remindDueReports(LocalDate.of(YEAR, 9, 23));
        assertThat(reminded().values()).as("September's due in 2 days").containsOnly(3L);
    }

    @Test
    void quarterlyPlansAreRemindedBeforeTheQuartersDueDayOnly() {
        jdbc.sql("update plan set report_cycle = 'QUARTERLY', report_due_day = 10 where id = :plan").param("plan", plan.id()).update();

        reminders.remindDueReports(LocalDate.of(YEAR, 7, 7));
        reminders.remindDueReports(LocalDate.of(YEAR, 8, 10));
        assertThat(reminded()).as("the third quarter's report is due on September 10th").isEmpty();

        reminders.remindDueReports(LocalDate.of(YEAR, 9, 7));
        assertThat(reminded()).hasSize(5);
        assertThat(centre.page(principalA, 0, java.util.Locale.SIMPLIFIED_CHINESE).page().getContent().get(0).text())
                .contains("尚未报送" + YEAR + "年第3季度的进度，请于" + YEAR + "年9月10日前报送");
    }

    @Test
    void plansNotBeingCarriedOutAreNotReminded() {
        plan.close();
        reminders.remindDueReports(LocalDate.of(YEAR, 6, 25));
        assertThat(reminded()).isEmpty();

        var nextYears = plans.draft(plans.coordinator(), YEAR + 1, cn.workplan.plan.Numbering.CONTINUOUS);
        nextYears.item(nextYears.chapter("教育教学"), ItemSpec.item("来年的任务。").lead(lead));
        nextYears.publish();
        reminders.remindDueReports(LocalDate.of(YEAR, 12, 25));
        assertThat(reminded()).as("a plan of next year is not reported on this year").isEmpty();
    }

    private long person(String login) {
        return data.idOf(login);
    }

    /** How many due-report reminders each of the test's people has, for those who have any. */
    private Map<Long, Long> reminded() {
        return jdbc.sql("select user_id from notification where message_key = 'notification.reminder.due' and user_id in (:people)")
                .param("people", everyone).query(Long.class).list().stream()
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    }

    private void report(long itemId, Long officeId, Long schoolId, LocalDate period, String state) {
        int inserted = jdbc.sql("""
                insert into progress_report (assignment_id, plan_id, item_id, period_start, state)
                select id, plan_id, item_id, :period, :state from assignment
                where item_id = :item and (office_id = :office or school_id = :school)""")
                .param("period", period).param("state", state).param("item", itemId)
                .param("office", officeId == null ? -1 : officeId).param("school", schoolId == null ? -1 : schoolId)
                .update();
        assertThat(inserted).isEqualTo(1);
    }

    private String planTitle() {
        return jdbc.sql("select title from plan where id = :id").param("id", plan.id()).query(String.class).single();
    }
}
