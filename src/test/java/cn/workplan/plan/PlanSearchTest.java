package cn.workplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.PlanBuilder;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chinese search over plans and items. The plans of this class are for the year 2099, so that they come
 * first among the hits whatever other test classes have put into the shared database.
 */
@IntegrationTest
class PlanSearchTest {

    static final int YEAR = 2099;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestPlans plans;

    @Autowired
    PlanQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    CurrentUser coordinator;
    CurrentUser principal;
    PlanBuilder published;
    PlanBuilder otherPublished;
    PlanBuilder draft;
    PlanBuilder inReview;
    long safetyHeadline;
    long afterSchoolBody;
    long safetyInOtherPlan;
    long percent;
    long safetyInDraft;
    long afterSchoolInReview;

    @BeforeEach
    void plans() {
        coordinator = plans.coordinator();
        principal = plans.person(Role.PRINCIPAL);

        published = plans.draft(coordinator, YEAR, Numbering.CONTINUOUS);
        long chapter = published.chapter("平安校园");
        safetyHeadline = published.item(chapter, ItemSpec.item("强化校园安全管理。").body("落实日查月报月结制度。"));
        afterSchoolBody = published.item(chapter, ItemSpec.item("落实“双减”政策。").body("规范课后服务，丰富服务内容。"));
        percent = published.item(chapter, ItemSpec.item("巩固义务教育成果。").body("入学率达100%，辍学率控制在1%以下。"));
        published.publish();

        otherPublished = plans.draft(coordinator, YEAR, Numbering.CONTINUOUS);
        safetyInOtherPlan = otherPublished.item(null, ItemSpec.item("开展消防演练。").body("每学期组织安全疏散演练两次。"));
        otherPublished.publish().close();

        draft = plans.draft(coordinator, YEAR, Numbering.CONTINUOUS);
        safetyInDraft = draft.item(null, ItemSpec.item("草拟安全工作要点。"));

        inReview = plans.draft(coordinator, YEAR, Numbering.CONTINUOUS);
        afterSchoolInReview = inReview.item(null, ItemSpec.item("拓展课后服务。"));
        inReview.submit();
    }

    List<Long> itemHits(String query, CurrentUser who) {
        return queries.search(query, who).stream().map(SearchHit::nodeId).filter(Objects::nonNull).toList();
    }

    @Test
    void aTwoCharacterWordFindsItemsByHeadlineAndBodyAcrossPlans() {
        assertThat(itemHits("安全", coordinator)).contains(safetyHeadline, safetyInOtherPlan, safetyInDraft)
                .doesNotContain(afterSchoolBody, percent, afterSchoolInReview);
        assertThat(itemHits("课后", coordinator)).contains(afterSchoolBody, afterSchoolInReview)
                .doesNotContain(safetyHeadline, safetyInOtherPlan, percent);
    }

    @Test
    void hitsNameTheirPlanAndShowTheTextAroundTheMatch() {
        var hit = queries.search("课后", coordinator).stream().filter(h -> Objects.equals(h.nodeId(), afterSchoolBody))
                .findFirst().orElseThrow();
        assertThat(hit.planId()).isEqualTo(published.id());
        assertThat(hit.year()).isEqualTo(YEAR);
        assertThat(hit.kind()).isEqualTo(NodeKind.ITEM);
        assertThat(hit.headline()).isEqualTo("落实“双减”政策。");
        assertThat(hit.excerpt()).contains("课后服务");
    }

    @Test
    void headingsArePartOfTheSearchToo() {
        var hits = queries.search("平安校园", coordinator);
        assertThat(hits).anySatisfy(hit -> {
            assertThat(hit.planId()).isEqualTo(published.id());
            assertThat(hit.kind()).isEqualTo(NodeKind.CHAPTER);
        });
    }

    @Test
    void plansAreFoundByTheirTitle() {
        var title = queries.header(published.id(), coordinator).title();
        assertThat(queries.search(title, coordinator)).anySatisfy(hit -> {
            assertThat(hit.planId()).isEqualTo(published.id());
            assertThat(hit.nodeId()).isNull();
        });
    }

    @Test
    void principalsNeverFindUnpublishedPlans() {
        assertThat(itemHits("安全", principal)).contains(safetyHeadline, safetyInOtherPlan).doesNotContain(safetyInDraft);
        assertThat(itemHits("课后", principal)).contains(afterSchoolBody).doesNotContain(afterSchoolInReview);
        var draftTitle = queries.header(draft.id(), coordinator).title();
        assertThat(queries.search(draftTitle, principal)).isEmpty();
        assertThat(queries.search("草拟安全", principal)).isEmpty();
    }

    @Test
    void likeWildcardsAreSearchedForLiterally() {
        assertThat(itemHits("%", coordinator)).contains(percent).doesNotContain(safetyHeadline, afterSchoolBody, safetyInOtherPlan);
        assertThat(itemHits("_", coordinator)).doesNotContain(safetyHeadline, afterSchoolBody, safetyInOtherPlan, percent);
        assertThat(itemHits("100%", coordinator)).contains(percent).doesNotContain(safetyHeadline);
        assertThat(itemHits("\\", coordinator)).doesNotContain(safetyHeadline, percent);
    }

    @Test
    void aSingleCharacterAndLatinLettersInAnyCaseAreFound() {
        var plan = plans.draft(coordinator, YEAR, Numbering.CONTINUOUS);
        long item = plan.item(null, ItemSpec.item("推进STEM教育。"));
        assertThat(itemHits("stem", coordinator)).contains(item);
        assertThat(itemHits("STEM教育", coordinator)).contains(item);
        assertThat(itemHits("消", coordinator)).contains(safetyInOtherPlan).doesNotContain(item);
    }

    @Test
    void aBlankQueryFindsNothing() {
        assertThat(queries.search("  ", coordinator)).isEmpty();
        assertThat(queries.search(null, coordinator)).isEmpty();
    }

    @Test
    void theBigramIndexCanServeTheSearch() {
        var nodePlan = explain("explain select id from plan_node where cjk_bigrams(headline || ' ' || body) @> cjk_bigrams('安全')");
        assertThat(nodePlan).contains("plan_node_search_idx");
        var planPlan = explain("explain select id from plan where cjk_bigrams(title || ' ' || preamble) @> cjk_bigrams('安全')");
        assertThat(planPlan).contains("plan_search_idx");
    }

    /** The query plan with sequential scans switched off, in one transaction and so on one connection. */
    String explain(String sql) {
        return transaction.execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return String.join("\n", jdbc.queryForList(sql, String.class));
        });
    }

    @Test
    void theSearchPageShowsPrincipalsPublishedItemsOnly() throws Exception {
        var seenByPrincipal = mvc.perform(get("/search").param("q", "安全").with(user(principal)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(seenByPrincipal).contains("强化校园安全管理。", "开展消防演练。").doesNotContain("草拟安全工作要点。");
        var seenByOffice = mvc.perform(get("/search").param("q", "安全").with(user(coordinator)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(seenByOffice).contains("强化校园安全管理。", "草拟安全工作要点。");
    }
}
