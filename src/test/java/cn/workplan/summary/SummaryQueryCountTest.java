package cn.workplan.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.demo.VolumeDataGenerator;
import cn.workplan.demo.VolumeDataGenerator.PlanSpec;
import cn.workplan.plan.PlanStatus;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.SqlStatements;
import cn.workplan.support.TestClock;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Drafting a report runs the same statements whatever the plan's size: a generated plan of 8 items and one of 60, each
 * with a year of monthly reports on every line, cost the same to draft, regenerate and open. The draft page reads
 * one statement.
 */
@IntegrationTest
class SummaryQueryCountTest {

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
    VolumeDataGenerator generator;
    @Autowired
    SummaryQueries queries;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Autowired
    cn.workplan.demo.UpperDocumentGenerator upperDocuments;

    @Test
    void draftingCostsTheSameStatementsForASmallAndALargePlan() throws Exception {
        for (int i = 0; i < 6; i++) {
            data.office();
            data.school();
        }
        clock.today(LocalDate.of(2092, 1, 20));
        long small = generated(new PlanSpec(2090, 8, 2, PlanStatus.PUBLISHED, 2090));
        long large = generated(new PlanSpec(2091, 60, 6, PlanStatus.PUBLISHED, 2091));
        assertThat(count("select count(*) from progress_report where plan_id = " + large))
                .isGreaterThan(2 * count("select count(*) from progress_report where plan_id = " + small));
        var office = plans.coordinator();

        // the upward report follows an upper-level document: 10 points against the small plan, 100 against the large one
        long smallUpper = upperDocuments.generate(small, 10).documentId();
        long largeUpper = upperDocuments.generate(large, 100).documentId();
        for (var kind : SummaryKind.values()) {
            var draftSmall = draft(small, kind, office, smallUpper);
            var draftLarge = draft(large, kind, office, largeUpper);
            assertThat(draftLarge.count()).as("%s: %s", kind, draftLarge).isEqualTo(draftSmall.count())
                    // the upward report reads its upper-level document as well: the document, its points, their links
                    .isLessThanOrEqualTo(kind == SummaryKind.UPWARD ? 17 : 14);
        }

        long smallId = id(small);
        long largeId = id(large);
        var regenerateSmall = regenerate(smallId, office);
        var regenerateLarge = regenerate(largeId, office);
        assertThat(regenerateLarge.count()).as(regenerateLarge.toString()).isEqualTo(regenerateSmall.count()).isLessThanOrEqualTo(12);

        var page = SqlStatements.count(() -> mvc.perform(get("/summaries/{id}", largeId).with(user(office))).andExpect(status().isOk()));
        assertThat(page.count()).as(page.toString()).isEqualTo(1);
        assertThat(queries.summary(largeId, office).blocks()).hasSizeGreaterThan(60);
    }

    private long generated(PlanSpec spec) {
        long planId = generator.generatePlan(spec).planId();
        generator.generateReports(planId);
        return planId;
    }

    private SqlStatements.Recording draft(long planId, SummaryKind kind, CurrentUser office, long upper) throws Exception {
        return SqlStatements.count(() -> mvc.perform(post("/plans/{id}/summaries", planId).param("kind", kind.name()).param("month", "3")
                .param("quarter", "2").param("upper", Long.toString(upper)).param("half", "1").with(csrf()).with(user(office))).andExpect(status().is3xxRedirection()));
    }

    private SqlStatements.Recording regenerate(long id, CurrentUser office) throws Exception {
        long version = queries.summary(id, office).version();
        return SqlStatements.count(() -> mvc.perform(post("/summaries/{id}/regenerate", id).param("version", Long.toString(version))
                .with(csrf()).with(user(office))).andExpect(status().is3xxRedirection()));
    }

    private long id(long planId) {
        return count("select id from summary where plan_id = " + planId + " and kind = 'MID_YEAR'");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
