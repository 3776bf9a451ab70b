package cn.workplan.alignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import cn.workplan.account.CurrentUser;
import cn.workplan.demo.UpperDocumentGenerator;
import cn.workplan.demo.VolumeDataGenerator;
import cn.workplan.demo.VolumeDataGenerator.GeneratedPlan;
import cn.workplan.plan.PlanStatus;
import cn.workplan.publication.PublicationSettings;
import cn.workplan.publication.Publications;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.SqlStatements;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The pages of issue #16 cost a fixed number of SQL statements whatever the sizes: an upper-level document of 10 points
 * against a plan of 10 items runs exactly the statements of one of 100 points against a plan of 400 items — the coverage,
 * the drafting page beside the plan (with suggestions), the document's page — and the public page of a 400-item plan
 * with its progress table those of a 10-item plan.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlignmentQueryCountTest {

    /** The document (two), the plans to choose from (two), the plan's outline without bodies (four), links (one), standing (two). */
    static final int COVERAGE_STATEMENTS = 11;
    /** The plan's outline (four), the documents offered (one), the chosen document, its points, the links (three). */
    static final int BESIDE_STATEMENTS = 8;
    /** The document's header, its points, the plans linked to it. */
    static final int DOCUMENT_STATEMENTS = 3;
    /** The publication, the header, the text as published, the amendments; the reporting setting and the items' standing. */
    static final int PUBLIC_PAGE_STATEMENTS = 6;

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    VolumeDataGenerator plans;
    @Autowired
    UpperDocumentGenerator documents;
    @Autowired
    Publications publications;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    private CurrentUser coordinator;
    private GeneratedPlan smallPlan;
    private GeneratedPlan largePlan;
    private UpperDocumentGenerator.Generated smallDocument;
    private UpperDocumentGenerator.Generated largeDocument;

    @BeforeAll
    void plansAndDocuments() {
        coordinator = (CurrentUser) users.loadUserByUsername(data.coordinator());
        for (int i = 0; i < 4; i++) {
            data.school();
        }
        smallPlan = plans.generatePlan(new VolumeDataGenerator.PlanSpec(2095, 10, 3, PlanStatus.PUBLISHED, 2095));
        largePlan = plans.generatePlan(new VolumeDataGenerator.PlanSpec(2096, 400, 10, PlanStatus.PUBLISHED, 2096));
        smallDocument = documents.generate(smallPlan.planId(), 10);
        largeDocument = documents.generate(largePlan.planId(), 100);
        assertThat(largeDocument.points()).isEqualTo(100);
        assertThat(largeDocument.links()).isEqualTo(500);
        for (var plan : new GeneratedPlan[] {smallPlan, largePlan}) {
            publications.publish(plan.planId(), new PublicationSettings("", "", "", true, null), coordinator);
        }
    }

    @Test
    void coverage() throws Exception {
        assertSame("/upper-documents/%d/coverage?plan=%d", COVERAGE_STATEMENTS, true);
    }

    @Test
    void draftingBesideThePlanWithAChosenPoint() throws Exception {
        var few = count(get("/plans/{plan}/alignment?upper={upper}&point={point}", smallPlan.planId(), smallDocument.documentId(),
                firstPoint(smallDocument)).with(user(coordinator)));
        var many = count(get("/plans/{plan}/alignment?upper={upper}&point={point}", largePlan.planId(), largeDocument.documentId(),
                firstPoint(largeDocument)).with(user(coordinator)));
        assertThat(many.statements()).as("beside a 400-item plan, against %s", few).isEqualTo(few.statements());
        assertThat(many.count()).as("%s", many).isEqualTo(BESIDE_STATEMENTS);
    }

    @Test
    void theDocumentsPage() throws Exception {
        assertSame("/upper-documents/%d", DOCUMENT_STATEMENTS, false);
    }

    @Test
    void thePublicPageWithItsProgressTable() throws Exception {
        var few = count(get("/public/plans/{plan}", smallPlan.planId()));
        var many = count(get("/public/plans/{plan}", largePlan.planId()));
        assertThat(many.statements()).as("the public page of a 400-item plan, against %s", few).isEqualTo(few.statements());
        assertThat(many.count()).as("%s", many).isEqualTo(PUBLIC_PAGE_STATEMENTS);
    }

    private void assertSame(String url, int expected, boolean withPlan) throws Exception {
        var few = count(get(withPlan ? url.formatted(smallDocument.documentId(), smallPlan.planId()) : url.formatted(smallDocument.documentId()))
                .with(user(coordinator)));
        var many = count(get(withPlan ? url.formatted(largeDocument.documentId(), largePlan.planId()) : url.formatted(largeDocument.documentId()))
                .with(user(coordinator)));
        assertThat(many.statements()).as("%s of 100 points and 400 items, against 10 and 10: %s", url, few).isEqualTo(few.statements());
        assertThat(many.count()).as("%s: %s", url, many).isEqualTo(expected);
    }

    private long firstPoint(UpperDocumentGenerator.Generated document) {
        return jdbc.sql("select min(id) from upper_point where document_id = :document and linkable").param("document", document.documentId())
                .query(Long.class).single();
    }

    private SqlStatements.Recording count(MockHttpServletRequestBuilder request) throws Exception {
        return SqlStatements.count(() -> mvc.perform(request).andExpect(status().isOk()));
    }
}
