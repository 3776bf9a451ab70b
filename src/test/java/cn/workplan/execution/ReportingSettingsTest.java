package cn.workplan.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The general office sets how a plan reports; the cycle is fixed once reports exist, the due day is not. */
@IntegrationTest
class ReportingSettingsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    ProgressReports reports;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void quarterlyWithItsDueDayUntilTheFirstReport() throws Exception {
        clock.today(LocalDate.of(TestPlans.YEAR, 5, 10));
        long school = data.school();
        var plan = plans.draft();
        plan.item(plan.chapter("安全"), ItemSpec.item("开展安全隐患排查。").lead(data.office()).schools(school));
        plan.publish();
        var coordinator = plan.by();

        save(coordinator, plan.id(), "QUARTERLY", "20").andExpect(flash().attribute("message", "reporting.saved"));
        assertThat(settings(plan.id())).isEqualTo("QUARTERLY 20");
        for (var someone : List.of(data.login(data.staffOf(data.office())), data.login(data.user(Role.LEADER)),
                data.login(data.user(Role.PRINCIPAL, null, school)))) {
            save(someone, plan.id(), "MONTHLY", "25").andExpect(status().isForbidden());
        }
        save(coordinator, plan.id(), "MONTHLY", "32").andExpect(flash().attribute("error", "reporting.error.dueDay"));

        var principal = data.login(data.user(Role.PRINCIPAL, null, school));
        long line = jdbc.sql("select id from assignment where school_id = :school").param("school", school).query(Long.class).single();
        reports.save(line, LocalDate.of(TestPlans.YEAR, 4, 1), new ReportData(Progress.IN_PROGRESS, 40, "二季度进展", Map.of(), null),
                List.of(), true, principal);

        save(coordinator, plan.id(), "MONTHLY", "20").andExpect(flash().attribute("error", "reporting.error.cycleFixed"));
        save(coordinator, plan.id(), "QUARTERLY", "28").andExpect(flash().attribute("message", "reporting.saved"));
        assertThat(settings(plan.id())).isEqualTo("QUARTERLY 28");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'PLAN' and entity_id = :plan and jsonb_exists(changes, 'reportDueDay')")
                .param("plan", plan.id()).query(Long.class).single()).isEqualTo(2);
    }

    private org.springframework.test.web.servlet.ResultActions save(cn.workplan.account.CurrentUser who, long planId, String cycle,
            String dueDay) throws Exception {
        return mvc.perform(post("/plans/{id}/reporting", planId).param("cycle", cycle).param("dueDay", dueDay)
                .with(csrf()).with(user(who)));
    }

    private String settings(long planId) {
        return jdbc.sql("select report_cycle || ' ' || report_due_day from plan where id = :plan").param("plan", planId)
                .query(String.class).single();
    }
}
