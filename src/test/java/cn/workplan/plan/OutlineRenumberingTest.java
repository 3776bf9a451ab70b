package cn.workplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.PlanBuilder;
import cn.workplan.support.TestPlans;
import cn.workplan.system.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Numbers are computed from positions: every change to the outline renumbers what follows. */
@IntegrationTest
class OutlineRenumberingTest {

    @Autowired
    TestPlans plans;

    @Autowired
    OutlineService outline;

    @Autowired
    PlanQueries queries;

    @Autowired
    MockMvc mvc;

    PlanBuilder plan;
    CurrentUser office;
    long partyChapter;
    long politics;
    long study;
    long educate;
    long research;
    long conduct;
    long discipline;
    long teachingChapter;
    long curriculum;
    long preschool;
    long inclusive;

    /**
     * 一、党的建设 （一）政治建设 1.学习 2.教育 3.调研 （二）作风建设 4.纪律 二、教育教学 5.课程 （一）学前教育 6.普惠
     */
    PlanBuilder build(Numbering numbering) {
        plan = plans.draft(numbering);
        office = plan.by();
        partyChapter = plan.chapter("党的建设");
        politics = plan.section(partyChapter, "政治建设");
        study = plan.item(politics, "学习");
        educate = plan.item(politics, "教育");
        research = plan.item(politics, "调研");
        conduct = plan.section(partyChapter, "作风建设");
        discipline = plan.item(conduct, "纪律");
        teachingChapter = plan.chapter("教育教学");
        curriculum = plan.item(teachingChapter, "课程");
        preschool = plan.section(teachingChapter, "学前教育");
        inclusive = plan.item(preschool, "普惠");
        return plan;
    }

    List<String> numbered() {
        return plans.numbered(plan.id(), office);
    }

    /** The positions of a parent's children are 0, 1, 2 … without gaps. */
    void assertPositionsClosed(Long parentId) {
        var children = parentId == null ? queries.outline(plan.id(), office).topLevel()
                : queries.outline(plan.id(), office).childrenOf(parentId);
        assertThat(children).extracting(OutlineNode::position)
                .containsExactlyElementsOf(IntStream.range(0, children.size()).boxed().toList());
    }

    @Nested
    class Continuous {

        @BeforeEach
        void setUp() {
            build(Numbering.CONTINUOUS);
        }

        @Test
        void theOutlineIsNumberedFromPositions() {
            assertThat(numbered()).containsExactly(
                    "一、党的建设", "（一）政治建设", "1.学习", "2.教育", "3.调研", "（二）作风建设", "4.纪律",
                    "二、教育教学", "5.课程", "（一）学前教育", "6.普惠");
        }

        @Test
        void movingAnItemDownSwapsItWithTheNext() {
            outline.shift(study, +1, office);
            assertThat(numbered()).containsSubsequence("（一）政治建设", "1.教育", "2.学习", "3.调研", "（二）作风建设");
            assertPositionsClosed(politics);
        }

        @Test
        void movingAnItemUpSwapsItWithThePrevious() {
            outline.shift(research, -1, office);
            assertThat(numbered()).containsSubsequence("1.学习", "2.调研", "3.教育", "（二）作风建设", "4.纪律");
        }

        @Test
        void theFirstCannotGoFurtherUpNorTheLastFurtherDown() {
            var before = numbered();
            outline.shift(study, -1, office);
            outline.shift(research, +1, office);
            outline.shift(teachingChapter, +1, office);
            assertThat(numbered()).isEqualTo(before);
        }

        @Test
        void movingAChapterUpRenumbersChaptersAndEveryItem() {
            outline.shift(teachingChapter, -1, office);
            assertThat(numbered()).containsExactly(
                    "一、教育教学", "1.课程", "（一）学前教育", "2.普惠",
                    "二、党的建设", "（一）政治建设", "3.学习", "4.教育", "5.调研", "（二）作风建设", "6.纪律");
            assertPositionsClosed(null);
        }

        @Test
        void movingAnItemIntoAnotherChapterRenumbersBothOldAndNewSiblings() {
            outline.move(educate, preschool, 0, office);
            assertThat(numbered()).containsExactly(
                    "一、党的建设", "（一）政治建设", "1.学习", "2.调研", "（二）作风建设", "3.纪律",
                    "二、教育教学", "4.课程", "（一）学前教育", "5.教育", "6.普惠");
            assertPositionsClosed(politics);
            assertPositionsClosed(preschool);
        }

        @Test
        void movingAnItemToTheEndOfAnotherSectionOfTheSameChapter() {
            outline.move(study, conduct, Integer.MAX_VALUE, office);
            assertThat(numbered()).containsSubsequence("（一）政治建设", "1.教育", "2.调研", "（二）作风建设", "3.纪律", "4.学习");
            assertPositionsClosed(politics);
            assertPositionsClosed(conduct);
        }

        @Test
        void movingAnItemDirectlyUnderAChapter() {
            outline.move(inclusive, teachingChapter, 1, office);
            assertThat(numbered()).containsSubsequence("二、教育教学", "5.课程", "6.普惠", "（一）学前教育");
            assertThat(queries.outline(plan.id(), office).childrenOf(preschool)).isEmpty();
        }

        @Test
        void movingASectionIntoAnotherChapterRenumbersTheSectionsOfBoth() {
            outline.move(politics, teachingChapter, 2, office);
            assertThat(numbered()).containsExactly(
                    "一、党的建设", "（一）作风建设", "1.纪律",
                    "二、教育教学", "2.课程", "（一）学前教育", "3.普惠", "（二）政治建设", "4.学习", "5.教育", "6.调研");
            assertPositionsClosed(partyChapter);
            assertPositionsClosed(teachingChapter);
        }

        @Test
        void deletingAnItemClosesTheGap() {
            outline.delete(educate, office);
            assertThat(numbered()).containsExactly(
                    "一、党的建设", "（一）政治建设", "1.学习", "2.调研", "（二）作风建设", "3.纪律",
                    "二、教育教学", "4.课程", "（一）学前教育", "5.普惠");
            assertPositionsClosed(politics);
        }

        @Test
        void deletingASectionDeletesItsItemsAndRenumbersTheRest() {
            outline.delete(politics, office);
            assertThat(numbered()).containsExactly(
                    "一、党的建设", "（一）作风建设", "1.纪律", "二、教育教学", "2.课程", "（一）学前教育", "3.普惠");
            assertPositionsClosed(partyChapter);
        }

        @Test
        void deletingAChapterRenumbersTheChaptersAfterIt() {
            outline.delete(partyChapter, office);
            assertThat(numbered()).containsExactly("一、教育教学", "1.课程", "（一）学前教育", "2.普惠");
            assertPositionsClosed(null);
        }

        @Test
        void aNewItemIsNumberedAfterTheLastOfItsSection() {
            long added = plan.item(politics, "新增");
            assertThat(plans.label(plan.id(), added, office)).isEqualTo("4.");
            assertThat(plans.label(plan.id(), discipline, office)).isEqualTo("5.");
        }

        @Test
        void subPointsRenumberWithinTheirItem() {
            long first = plan.point(study, "其一");
            long second = plan.point(study, "其二");
            long third = plan.point(study, "其三");
            outline.shift(third, -2, office);
            assertThat(numbered()).containsSubsequence("1.学习", "（1）其三", "（2）其一", "（3）其二", "2.教育");
            outline.delete(first, office);
            assertThat(numbered()).containsSubsequence("1.学习", "（1）其三", "（2）其二", "2.教育");
            assertThat(plans.label(plan.id(), second, office)).isEqualTo("（2）");
        }
    }

    @Nested
    class PerSection {

        @BeforeEach
        void setUp() {
            build(Numbering.PER_SECTION);
        }

        @Test
        void itemsRestartInEverySection() {
            assertThat(numbered()).containsExactly(
                    "一、党的建设", "（一）政治建设", "1.学习", "2.教育", "3.调研", "（二）作风建设", "1.纪律",
                    "二、教育教学", "1.课程", "（一）学前教育", "1.普惠");
        }

        @Test
        void movingAnItemToAnotherSectionRenumbersBothSections() {
            outline.move(study, conduct, 0, office);
            assertThat(numbered()).containsExactly(
                    "一、党的建设", "（一）政治建设", "1.教育", "2.调研", "（二）作风建设", "1.学习", "2.纪律",
                    "二、教育教学", "1.课程", "（一）学前教育", "1.普惠");
        }

        @Test
        void theFullNumberNamesChapterAndSection() {
            var outlineNodes = queries.outline(plan.id(), office).nodes();
            assertThat(outlineNodes.stream().filter(node -> node.id() == educate).findFirst().orElseThrow().fullNumber())
                    .isEqualTo("一（一）2");
            assertThat(outlineNodes.stream().filter(node -> node.id() == curriculum).findFirst().orElseThrow().fullNumber())
                    .isEqualTo("二1");
        }
    }

    @Nested
    class ForbiddenPlacements {

        @BeforeEach
        void setUp() {
            build(Numbering.CONTINUOUS);
        }

        @Test
        void aSectionCannotStandUnderASectionNorAtTheTopLevel() {
            assertInvalid(() -> outline.addHeading(plan.id(), politics, NodeKind.SECTION, "小节", "", office));
            assertInvalid(() -> outline.addHeading(plan.id(), null, NodeKind.SECTION, "小节", "", office));
            assertInvalid(() -> outline.move(conduct, politics, 0, office));
            assertInvalid(() -> outline.move(conduct, null, 0, office));
        }

        @Test
        void anItemCannotStandUnderAnItem() {
            assertInvalid(() -> outline.addItem(plan.id(), study, ItemSpec.item("子任务").data(), office));
            assertInvalid(() -> outline.move(educate, study, 0, office));
        }

        @Test
        void aChapterCannotStandUnderAChapterNorASection() {
            assertInvalid(() -> outline.addHeading(plan.id(), partyChapter, NodeKind.CHAPTER, "章中章", "", office));
            assertInvalid(() -> outline.move(teachingChapter, partyChapter, 0, office));
            assertInvalid(() -> outline.move(teachingChapter, politics, 0, office));
        }

        @Test
        void aChapterCannotMoveIntoItsOwnDescendants() {
            assertInvalid(() -> outline.move(partyChapter, partyChapter, 0, office));
            assertInvalid(() -> outline.move(partyChapter, politics, 0, office));
            assertInvalid(() -> outline.move(partyChapter, study, 0, office));
        }

        @Test
        void aSectionCannotMoveIntoItselfNorItsItems() {
            assertInvalid(() -> outline.move(politics, politics, 0, office));
            assertInvalid(() -> outline.move(politics, study, 0, office));
        }

        @Test
        void subPointsStandOnlyUnderItems() {
            assertInvalid(() -> outline.addHeading(plan.id(), partyChapter, NodeKind.POINT, "子项", "", office));
            long point = plan.point(study, "子项");
            assertInvalid(() -> outline.move(point, politics, 0, office));
            assertInvalid(() -> outline.move(study, point, 0, office));
        }

        void assertInvalid(Runnable change) {
            var before = numbered();
            assertThatThrownBy(change::run).isInstanceOf(InvalidInputException.class);
            assertThat(numbered()).as("the outline is unchanged").isEqualTo(before);
        }
    }

    @Nested
    class OverHttp {

        @BeforeEach
        void setUp() {
            build(Numbering.CONTINUOUS);
        }

        @Test
        void anHtmxMoveAnswersWithTheRenumberedOutline() throws Exception {
            var html = mvc.perform(post("/plans/{p}/nodes/{n}/down", plan.id(), study).header("HX-Request", "true")
                            .with(user(office)).with(csrf()))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).contains("id=\"outline\"");
            assertThat(html.indexOf("教育")).isLessThan(html.indexOf("学习"));
            assertThat(numbered()).containsSubsequence("1.教育", "2.学习");
        }

        @Test
        void aMoveToAnotherParentByFormPostRedirectsToTheOutline() throws Exception {
            mvc.perform(post("/plans/{p}/nodes/{n}/move", plan.id(), educate).param("parentId", Long.toString(preschool))
                            .param("index", "0").with(user(office)).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            assertThat(numbered()).containsSubsequence("（一）学前教育", "5.教育", "6.普惠");
        }

        @Test
        void aForbiddenPlacementShowsTheErrorAndChangesNothing() throws Exception {
            var before = numbered();
            var html = mvc.perform(post("/plans/{p}/nodes/{n}/move", plan.id(), conduct).param("parentId", Long.toString(politics))
                            .header("HX-Request", "true").with(user(office)).with(csrf()))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).contains("二级标题只能放在一级标题下");
            assertThat(numbered()).isEqualTo(before);
        }
    }
}
