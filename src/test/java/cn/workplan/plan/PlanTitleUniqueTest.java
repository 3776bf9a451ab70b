package cn.workplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.support.AtOnce;
import cn.workplan.support.Browser;
import cn.workplan.support.Browsers;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.Page;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A year has one plan of a title: a second one is refused with a message next to the title, whoever saves it and how. */
@IntegrationTest
class PlanTitleUniqueTest {

    @Autowired
    Browsers browsers;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    PlanService planService;
    @Autowired
    JdbcClient jdbc;

    Browser office;
    long existing;
    String title;

    @BeforeEach
    void aPlan() {
        office = browsers.as(data.coordinator());
        existing = plans.draft().id();
        title = jdbc.sql("select title from plan where id = :id").param("id", existing).query(String.class).single();
    }

    @Test
    void aNewPlanOfTheSameYearAndTitleIsRefusedNextToTheTitle() throws Exception {
        var page = Page.of(office.post("/plans", "year", Integer.toString(TestPlans.YEAR), "title", "  " + title + " ",
                "kind", "WORK_POINTS", "numbering", "CONTINUOUS"));

        assertThat(page.one("#title-error").text()).isEqualTo(TestPlans.YEAR + " 年已有一份标题为“" + title + "”的计划，请换一个标题。");
        assertThat(page.one("#title").val()).as("what was typed is kept").isEqualTo("  " + title + " ");
        assertThat(titled(title)).isEqualTo(1);
    }

    @Test
    void theSameTitleInAnotherYearIsAnotherPlan() throws Exception {
        office.post("/plans", "year", Integer.toString(TestPlans.YEAR + 1), "title", title, "kind", "WORK_POINTS", "numbering", "CONTINUOUS")
                .andReturn();

        assertThat(titled(title)).isEqualTo(2);
    }

    @Test
    void nextYearsPlanAndAChangedHeaderCannotTakeATitleEither() throws Exception {
        var other = plans.draft(plans.coordinator(), TestPlans.YEAR + 2, Numbering.CONTINUOUS).id();
        var otherTitle = jdbc.sql("select title from plan where id = :id").param("id", other).query(String.class).single();

        var edit = office.page("/plans/{id}/edit", other).form("form[action='/plans/" + other + "']")
                .set("year", Integer.toString(TestPlans.YEAR)).set("title", title);
        assertThat(Page.of(office.submit(edit)).one("#title-error").text()).contains("已有一份标题为");
        assertThat(jdbc.sql("select title from plan where id = :id").param("id", other).query(String.class).single()).isEqualTo(otherTitle);

        plans.draft(plans.coordinator(), TestPlans.YEAR + 3, Numbering.CONTINUOUS);
        var published = plans.draft();
        published.item(published.chapter("党的建设"), "加强党的建设。");
        published.publish();
        var copy = office.page("/plans/{id}/copy", published.id()).form("form[action='/plans/" + published.id() + "/copy']")
                .set("year", Integer.toString(TestPlans.YEAR)).set("title", title);
        assertThat(Page.of(office.submit(copy)).one("#title-error").text()).contains("已有一份标题为");
        assertThat(titled(title)).isEqualTo(1);
    }

    /** Checked first for the message; when two save at the same moment, the unique key decides. */
    @Test
    void twoPlansOfOneTitleSavedAtTheSameMomentMakeOne() {
        var newTitle = TestData.unique("2030年同时保存的计划");
        CurrentUser coordinator = plans.coordinator();

        var outcomes = AtOnce.run(List.of(1, 2), i -> planService.create(
                new PlanData(TestPlans.YEAR, newTitle, PlanKind.WORK_POINTS, "", Numbering.CONTINUOUS, null), coordinator));

        assertThat(outcomes).containsExactlyInAnyOrder("done", "plan.error.duplicateTitle");
        assertThat(titled(newTitle)).isEqualTo(1);
    }

    private long titled(String title) {
        return jdbc.sql("select count(*) from plan where title = :title").param("title", title).query(Long.class).single();
    }
}
