package cn.workplan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.execution.Progress;
import cn.workplan.execution.ProgressReports;
import cn.workplan.execution.ReportData;
import cn.workplan.plan.Numbering;
import cn.workplan.plan.PlanService;
import cn.workplan.plan.PublishData;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;

/**
 * An audit entry lives and dies with the change it describes: it is written in the change's own transaction. A change
 * refused at the very end, when its transaction commits (a deferred constraint trigger standing in for any failure
 * after the service wrote its entry), leaves neither the change nor the entry; and the trail refuses to write outside
 * a transaction at all. Publishing (JPA) and sending a report (SQL) stand for the two ways services write.
 */
@IntegrationTest
class AuditTransactionTest {

    private static final String REFUSED = "REFUSE-AT-COMMIT";

    @Autowired
    AuditTrail audit;

    @Autowired
    TestPlans plans;

    @Autowired
    TestData data;

    @Autowired
    PlanService planService;

    @Autowired
    ProgressReports reports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theTrailWritesOnlyInsideTheChangesTransaction() {
        assertThatThrownBy(() -> audit.created("SCHOOL", 1L, "无事务", Map.of("name", "无事务")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aPublicationRefusedAtCommitLeavesNoEntry() {
        var plan = plans.draft();
        plan.item(plan.chapter("第一章"), "发布时失败的任务。");
        plan.submit();
        long before = lastEntry();

        refusingAtCommit("plan", "new.document_number = '" + REFUSED + "'", () -> assertThatThrownBy(
                () -> planService.publish(plan.id(), new PublishData(REFUSED, LocalDate.now()), plan.by())).isNotNull());

        assertThat(jdbc.sql("select status from plan where id = :id").param("id", plan.id()).query(String.class).single())
                .isEqualTo("IN_REVIEW");
        assertThat(entriesSince(before)).isEmpty();

        planService.publish(plan.id(), new PublishData("测教〔2030〕5号", LocalDate.now()), plan.by());
        assertThat(entriesSince(before)).containsExactly("PLAN PUBLISH " + plan.id());
    }

    @Test
    void aReportRefusedAtCommitLeavesNoEntry() {
        long school = data.school();
        var principal = data.login(data.user(Role.PRINCIPAL, null, school));
        var plan = plans.draft(plans.coordinator(), LocalDate.now().getYear(), Numbering.CONTINUOUS);
        long item = plan.item(plan.chapter("第一章"), ItemSpec.item("报送时失败的任务。").schools(school));
        plan.publish();
        long line = jdbc.sql("select id from assignment where item_id = :item and school_id = :school").param("item", item)
                .param("school", school).query(Long.class).single();
        var month = YearMonth.now().atDay(1);
        long before = lastEntry();

        refusingAtCommit("progress_report", "new.narrative = '" + REFUSED + "'", () -> assertThatThrownBy(() -> reports.save(line, month,
                new ReportData(Progress.IN_PROGRESS, 50, REFUSED, Map.of(), null), List.of(), true, principal)).isNotNull());

        assertThat(jdbc.sql("select count(*) from progress_report where assignment_id = :line").param("line", line)
                .query(Integer.class).single()).isZero();
        assertThat(entriesSince(before)).isEmpty();
    }

    /** Runs the action while a deferred constraint trigger refuses, at commit, the rows of the table that match. */
    private void refusingAtCommit(String table, String condition, Runnable action) {
        jdbc.sql("""
                create or replace function audit_test_refuse() returns trigger language plpgsql as $$
                begin
                    raise exception 'refused at commit by AuditTransactionTest';
                end $$""").update();
        jdbc.sql("create constraint trigger audit_test_refuse after insert or update on " + table
                + " deferrable initially deferred for each row when (" + condition + ") execute function audit_test_refuse()").update();
        try {
            action.run();
        } finally {
            jdbc.sql("drop trigger audit_test_refuse on " + table).update();
            jdbc.sql("drop function audit_test_refuse()").update();
        }
    }

    private long lastEntry() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
    }

    private List<String> entriesSince(long before) {
        return jdbc.sql("select entity_type || ' ' || action || ' ' || entity_id from audit_event where id > :before order by id")
                .param("before", before).query(String.class).list();
    }
}
