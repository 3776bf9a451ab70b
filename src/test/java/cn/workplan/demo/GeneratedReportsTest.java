package cn.workplan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.workplan.demo.VolumeDataGenerator.PlanSpec;
import cn.workplan.plan.PlanStatus;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The generator's monthly reports: one per line and begun month, as many as an independent count says. */
@IntegrationTest
class GeneratedReportsTest {

    @Autowired
    VolumeDataGenerator generator;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void everyLineReportsEveryMonthOfAPastYearAndTheCurrentYearSoFar() {
        for (int i = 0; i < 4; i++) {
            data.office();
            data.school();
        }
        clock.today(LocalDate.of(2081, 5, 12));
        var past = generator.generatePlan(new PlanSpec(2080, 12, 3, PlanStatus.CLOSED, 2080));
        var current = generator.generatePlan(new PlanSpec(2081, 12, 3, PlanStatus.PUBLISHED, 2081));

        long pastLines = lines(past.planId());
        assertThat(pastLines).isGreaterThan(12);
        assertThat(generator.generateReports(past.planId())).isEqualTo(pastLines * 12);
        assertThat(states(past.planId())).containsOnlyKeys("APPROVED");

        long currentLines = lines(current.planId());
        long evenLines = jdbc.sql("select count(*) from assignment where plan_id = :plan and id % 2 = 0").param("plan", current.planId())
                .query(Long.class).single();
        int written = generator.generateReports(current.planId());
        assertThat(written).as("January to April for every line, May for half of them").isEqualTo(currentLines * 4 + evenLines);
        assertThat(jdbc.sql("""
                select count(*) from progress_report where plan_id = :plan and period_start = '2081-05-01' and state <> 'SUBMITTED'""")
                .param("plan", current.planId()).query(Long.class).single()).isZero();
        assertThat(states(current.planId())).containsKeys("APPROVED", "RETURNED", "SUBMITTED");
        assertThat(jdbc.sql("select count(*) from progress_report where plan_id = :plan and (percent < 0 or percent > 100 or narrative = '')")
                .param("plan", current.planId()).query(Long.class).single()).isZero();
        assertThat(generator.generateReports(current.planId())).as("a second run adds nothing").isZero();
    }

    private long lines(long planId) {
        return jdbc.sql("select count(*) from assignment where plan_id = :plan").param("plan", planId).query(Long.class).single();
    }

    private Map<String, Long> states(long planId) {
        var states = new HashMap<String, Long>();
        jdbc.sql("select state, count(*) from progress_report where plan_id = :plan group by state").param("plan", planId)
                .query((row, number) -> states.put(row.getString(1), row.getLong(2))).list();
        return states;
    }
}
