package cn.workplan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.workplan.account.Role;
import cn.workplan.demo.VolumeDataGenerator;
import cn.workplan.demo.VolumeDataGenerator.GeneratedPlan;
import cn.workplan.demo.VolumeDataGenerator.PlanSpec;
import cn.workplan.plan.PlanStatus;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.SqlStatements;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboards and their drill-down cost the same SQL statements for a published plan of 10 items with a few
 * hundred reports as for one of 400 items with tens of thousands (issue #6).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardQueryCountTest {

    private static final int YEAR = 2071;

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    VolumeDataGenerator generator;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    private GeneratedPlan small;
    private GeneratedPlan large;

    @BeforeAll
    void plans() {
        clock.today(LocalDate.of(YEAR + 1, 5, 10));
        data.coordinator();
        data.office();
        for (int i = 0; i < 6; i++) {
            data.school();
        }
        small = generator.generatePlan(new PlanSpec(YEAR, 10, 10, PlanStatus.PUBLISHED, YEAR));
        large = generator.generatePlan(new PlanSpec(YEAR + 1, 400, 10, PlanStatus.PUBLISHED, YEAR + 1));
        generator.generateReports(small.planId());
        generator.generateReports(large.planId());
        assertThat(reports(large.planId())).isGreaterThan(10 * reports(small.planId()));
    }

    @AfterAll
    void realTime() {
        clock.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard?plan=%d", "/dashboard?plan=%d&township=测试镇", "/dashboard/items?plan=%d",
        "/dashboard/items?plan=%d&status=OVERDUE&unreported=true", "/dashboard/items?plan=%d&school={school}",
        "/dashboard/items?plan=%d&township=测试镇", "/dashboard/export.xlsx?plan=%d", "/dashboard/items.xlsx?plan=%d"})
    void bureauPages(String url) throws Exception {
        assertSameStatements(url, data.user(Role.LEADER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard/mine?plan=%d", "/dashboard/items?plan=%d", "/dashboard/mine.xlsx?plan=%d"})
    void anOfficesPages(String url) throws Exception {
        // an office of its own lines: the generator may give an item to the general office, whose staff see the bureau's
        long office = jdbc.sql("""
                        select n.lead_office_id from plan_node n join office o on o.id = n.lead_office_id
                         where n.plan_id = :plan and n.kind = 'ITEM' and not o.coordinator order by n.id limit 1""")
                .param("plan", small.planId()).query(Long.class).single();
        assertSameStatements(url, data.user(Role.OFFICE_STAFF, office, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard/mine?plan=%d", "/dashboard/items?plan=%d"})
    void aSchoolsPages(String url) throws Exception {
        assertSameStatements(url, data.user(Role.PRINCIPAL, null, school()));
    }

    private void assertSameStatements(String url, String login) throws Exception {
        var viewer = users.loadUserByUsername(login);
        var path = url.replace("{school}", String.valueOf(school()));
        var few = SqlStatements.count(() -> mvc.perform(get(path.formatted(small.planId())).with(user(viewer))).andExpect(status().isOk()));
        var many = SqlStatements.count(() -> mvc.perform(get(path.formatted(large.planId())).with(user(viewer))).andExpect(status().isOk()));
        assertThat(many.statements()).as("%s of a 400-item plan, against a 10-item plan's %s", url, few).isEqualTo(few.statements());
        assertThat(many.count()).as("%s: %s", url, many).isLessThanOrEqualTo(14);
    }

    /** A school with lines in both plans. */
    private long school() {
        return jdbc.sql("""
                select a.school_id from assignment a where a.plan_id = :small and a.school_id is not null
                  and exists (select 1 from assignment b where b.plan_id = :large and b.school_id = a.school_id)
                order by a.school_id limit 1""")
                .param("small", small.planId()).param("large", large.planId()).query(Long.class).single();
    }

    private int reports(long planId) {
        return jdbc.sql("select count(*) from progress_report where plan_id = :plan").param("plan", planId).query(Integer.class).single();
    }
}
