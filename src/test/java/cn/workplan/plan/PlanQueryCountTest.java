package cn.workplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.workplan.demo.VolumeDataGenerator;
import cn.workplan.demo.VolumeDataGenerator.GeneratedPlan;
import cn.workplan.demo.VolumeDataGenerator.PlanSpec;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.SqlStatements;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The plan's pages cost a fixed, small number of SQL statements, whatever the plan's size (issue #3):
 * a generated plan of 10 items and one of 400 run exactly the same statements, as a draft (where the
 * general office sees every editing control) and once published.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanQueryCountTest {

    /** Header, nodes (with school and comment counts), cooperating offices, office short names. */
    static final int OUTLINE_STATEMENTS = 4;

    /** The outline's four; the filter office's items, school summaries, school names, active schools; the filter's offices. */
    static final int TASK_TABLE_STATEMENTS = 9;

    static final int DOCUMENT_STATEMENTS = OUTLINE_STATEMENTS;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    VolumeDataGenerator generator;

    @Autowired
    UserDetailsService users;

    private UserDetails coordinator;
    private long otherOffice;
    private final Map<PlanStatus, GeneratedPlan> small = new EnumMap<>(PlanStatus.class);
    private final Map<PlanStatus, GeneratedPlan> large = new EnumMap<>(PlanStatus.class);

    @BeforeAll
    void plans() {
        coordinator = users.loadUserByUsername(data.coordinator());
        otherOffice = data.office();
        for (int i = 0; i < 6; i++) {
            data.school();
        }
        int year = 2061;
        for (var status : new PlanStatus[] {PlanStatus.DRAFT, PlanStatus.PUBLISHED}) {
            small.put(status, generator.generatePlan(new PlanSpec(year, 10, 10, status, year)));
            large.put(status, generator.generatePlan(new PlanSpec(year + 2, 400, 10, status, year + 2)));
            year += 4;
        }
        assertThat(large.get(PlanStatus.DRAFT).items()).isEqualTo(400);
        assertThat(large.get(PlanStatus.DRAFT).nodes()).isGreaterThan(400 + 10);
        assertThat(large.get(PlanStatus.DRAFT).schoolLinks()).isGreaterThan(400);
    }

    @ParameterizedTest
    @EnumSource(value = PlanStatus.class, names = {"DRAFT", "PUBLISHED"})
    void outlinePage(PlanStatus status) throws Exception {
        assertSameStatements(status, "/plans/%d", OUTLINE_STATEMENTS);
    }

    @ParameterizedTest
    @EnumSource(value = PlanStatus.class, names = {"DRAFT", "PUBLISHED"})
    void taskTable(PlanStatus status) throws Exception {
        assertSameStatements(status, "/plans/%d/tasks", TASK_TABLE_STATEMENTS);
    }

    @ParameterizedTest
    @EnumSource(value = PlanStatus.class, names = {"DRAFT", "PUBLISHED"})
    void taskTableFilteredAndSorted(PlanStatus status) throws Exception {
        assertSameStatements(status, "/plans/%d/tasks?office=" + otherOffice + "&key=true&sort=deadline", TASK_TABLE_STATEMENTS);
    }

    @ParameterizedTest
    @EnumSource(value = PlanStatus.class, names = {"DRAFT", "PUBLISHED"})
    void documentView(PlanStatus status) throws Exception {
        assertSameStatements(status, "/plans/%d/document", DOCUMENT_STATEMENTS);
    }

    private void assertSameStatements(PlanStatus status, String url, int expected) throws Exception {
        var few = statements(url.formatted(small.get(status).planId()));
        var many = statements(url.formatted(large.get(status).planId()));
        assertThat(many.statements()).as("%s of a 400-item plan, against a 10-item plan's %s", url, few)
                .isEqualTo(few.statements());
        assertThat(many.count()).as("%s: %s", url, many).isEqualTo(expected);
    }

    private SqlStatements.Recording statements(String url) throws Exception {
        return SqlStatements.count(() -> mvc.perform(get(url).with(user(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html")));
    }
}
