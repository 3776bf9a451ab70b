package cn.workplan.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.SqlStatements;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reporting pages read with the same statements whatever the amount of data: a school with 2 lines or
 * with 40, a report without files or with many files and a long history, a review queue of 1 or 40.
 */
@IntegrationTest
class ReportQueryCountTest {

    /** The principal's page: the lines with this period's report, the reports written, and the navbar's user. */
    static final int MINE = 2;
    /** A report's page: the line, the report, targets with values, files, history (and the lead's other lines). */
    static final int REPORT = 5;

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

    CurrentUser few;
    CurrentUser many;
    CurrentUser leadStaff;
    List<Long> fewLines = new ArrayList<>();
    List<Long> manyLines = new ArrayList<>();

    @BeforeEach
    void lines() {
        clock.today(LocalDate.of(TestPlans.YEAR, 5, 10));
        long lead = data.office();
        long schoolFew = data.school();
        long schoolMany = data.school();
        var plan = plans.draft();
        long chapter = plan.chapter("教育教学");
        for (int i = 0; i < 40; i++) {
            var spec = ItemSpec.item("任务" + i + "。").lead(lead).target("覆盖率", ">=", "95", "%");
            plan.item(chapter, i < 2 ? spec.schools(schoolFew, schoolMany) : spec.schools(schoolMany));
        }
        plan.publish();
        few = data.login(data.user(Role.PRINCIPAL, null, schoolFew));
        many = data.login(data.user(Role.PRINCIPAL, null, schoolMany));
        leadStaff = data.login(data.staffOf(lead));
        fewLines.addAll(jdbc.sql("select id from assignment where school_id = :s order by id").param("s", schoolFew).query(Long.class).list());
        manyLines.addAll(jdbc.sql("select id from assignment where school_id = :s order by id").param("s", schoolMany).query(Long.class).list());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aPrincipalsReportingPage() throws Exception {
        send(few, fewLines.get(0), 4, 0);
        for (int month = 1; month <= 4; month++) {
            for (var line : manyLines) {
                send(many, line, month, 0);
            }
        }
        var small = statements(few, "/reports");
        var large = statements(many, "/reports");
        assertThat(large.statements()).as("40 lines and 160 reports against %s", small).isEqualTo(small.statements());
        assertThat(large.count()).as("%s", large).isEqualTo(MINE);
        var reviews = statements(leadStaff, "/reports");
        assertThat(reviews.count()).as("the lead office's page with 161 reports to review: %s", reviews).isEqualTo(MINE + 1);
    }

    @Test
    void aReportsPage() throws Exception {
        send(few, fewLines.get(0), 5, 0);
        send(many, manyLines.get(0), 5, 6);
        var empty = statements(few, "/lines/" + fewLines.get(0) + "/reports/2030-05");
        var full = statements(many, "/lines/" + manyLines.get(0) + "/reports/2030-05");
        assertThat(full.statements()).as("6 files against %s", empty).isEqualTo(empty.statements());
        assertThat(full.count()).as("%s", full).isEqualTo(REPORT);
    }

    private void send(CurrentUser who, long line, int month, int files) {
        var uploads = new ArrayList<Upload>();
        for (int i = 0; i < files; i++) {
            uploads.add(new Upload("照片" + i + ".jpg", ReportsTest.PHOTO));
        }
        reports.save(line, LocalDate.of(TestPlans.YEAR, month, 1), new ReportData(Progress.IN_PROGRESS, 10, "进展", Map.of(), null),
                uploads, true, who);
    }

    private SqlStatements.Recording statements(CurrentUser viewer, String url) throws Exception {
        return SqlStatements.count(() -> mvc.perform(get(url).with(user(viewer))).andExpect(status().isOk()));
    }
}
