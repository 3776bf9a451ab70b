package cn.workplan.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.PlanBuilder;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Publishing a plan creates its lines of responsibility; a school sees the items it answers for, and only those. */
@IntegrationTest
class AssignmentsTest {

    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AssignmentQueries queries;
    @Autowired
    MockMvc mvc;
    @Autowired
    cn.workplan.plan.OutlineService outline;

    long lead;
    long cooperating;
    long schoolA;
    long schoolB;

    /** 一、教育教学 1.课改 (lead, cooperating, schools A and B) 2.教研 (lead, school A) 3.党建 (lead only, no schools) */
    PlanBuilder plan() {
        lead = data.office();
        cooperating = data.office();
        schoolA = data.school();
        schoolB = data.school();
        var plan = plans.draft();
        long chapter = plan.chapter("教育教学");
        plan.item(chapter, ItemSpec.item("深化课程改革。").lead(lead).cooperating(cooperating).schools(schoolA, schoolB).dueMonthEnd(6));
        plan.item(chapter, ItemSpec.item("加强教研工作。").lead(lead).schools(schoolA));
        plan.item(chapter, ItemSpec.item("加强党的建设。").lead(lead));
        return plan;
    }

    @Test
    void publishingCreatesALineForEachLeadOfficeCooperatingOfficeAndSchool() {
        var plan = plan();
        assertThat(lines(plan.id())).isEmpty();

        plan.publish();

        assertThat(lines(plan.id())).containsExactlyInAnyOrder(
                "深化课程改革。 LEAD office " + lead, "深化课程改革。 COOPERATING office " + cooperating,
                "深化课程改革。 SCHOOL school " + schoolA, "深化课程改革。 SCHOOL school " + schoolB,
                "加强教研工作。 LEAD office " + lead, "加强教研工作。 SCHOOL school " + schoolA,
                "加强党的建设。 LEAD office " + lead);
    }

    @Test
    void aDraftHasNoLines() {
        var plan = plan();
        plan.submit();

        assertThat(lines(plan.id())).isEmpty();
    }

    @Test
    void aSchoolSeesTheItemsItAnswersForAndNoOthers() throws Exception {
        var plan = plan();
        plan.publish();
        var principalA = data.login(data.user(Role.PRINCIPAL, null, schoolA));
        var principalB = data.login(data.user(Role.PRINCIPAL, null, schoolB));

        var mine = queries.ofMine(principalA);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).plan().id()).isEqualTo(plan.id());
        assertThat(mine.get(0).items()).extracting(item -> item.headline()).containsExactly("深化课程改革。", "加强教研工作。");
        assertThat(queries.ofMine(principalB).get(0).items()).extracting(item -> item.headline()).containsExactly("深化课程改革。");
        assertThat(queries.ofMine(data.login(data.user(Role.LEADER)))).isEmpty();

        var home = Jsoup.parse(mvc.perform(get("/").with(user(principalB)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(home.select(".my-lines li a").eachText()).containsExactly("1深化课程改革。");
        assertThat(home.select(".my-lines li").text()).contains("6月底");
    }

    @Test
    void anOfficeSeesTheItemsItLeadsOrCooperatesOn() throws Exception {
        var plan = plan();
        plan.publish();

        assertThat(queries.ofMine(data.login(data.staffOf(lead))).get(0).items()).extracting(item -> item.headline())
                .containsExactly("深化课程改革。", "加强教研工作。", "加强党的建设。");
        var staff = data.login(data.staffOf(cooperating));
        var home = Jsoup.parse(mvc.perform(get("/").with(user(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(home.select(".my-lines li a").eachText()).containsExactly("1深化课程改革。");
        assertThat(home.text()).contains("本股室牵头或配合 1 项任务");
        assertThat(queries.ofMine(data.login(data.staffOf(data.office())))).isEmpty();
    }

    @Test
    void aRevisionKeepsTheLinesInStepWithTheItem() {
        var plan = plan();
        plan.publish();
        long item = jdbc.sql("select id from plan_node where plan_id = :plan and headline = '深化课程改革。'").param("plan", plan.id())
                .query(Long.class).single();
        long newcomer = data.office();
        long schoolC = data.school();
        long otherLead = data.office();
        // the old lead office has reported on its line: that line and its report stay
        long oldLeadLine = jdbc.sql("select id from assignment where item_id = :item and kind = 'LEAD'").param("item", item)
                .query(Long.class).single();
        jdbc.sql("insert into progress_report (assignment_id, plan_id, item_id, period_start) values (:line, :plan, :item, '2030-01-01')")
                .param("line", oldLeadLine).param("plan", plan.id()).param("item", item).update();

        // the cooperating office leads now; a new office cooperates; school B is dropped, school C added
        outline.updateItem(item, ItemSpec.item("深化课程改革。").lead(cooperating).cooperating(newcomer).schools(schoolA, schoolC)
                .dueMonthEnd(6).reason("调整牵头股室").version(version(item)).data(), plan.by());

        assertThat(lines(plan.id())).filteredOn(line -> line.startsWith("深化课程改革。")).containsExactlyInAnyOrder(
                "深化课程改革。 LEAD office " + cooperating, "深化课程改革。 COOPERATING office " + newcomer,
                "深化课程改革。 COOPERATING office " + lead,
                "深化课程改革。 SCHOOL school " + schoolA, "深化课程改革。 SCHOOL school " + schoolB,
                "深化课程改革。 SCHOOL school " + schoolC);

        // an office without reports leaves with its line
        outline.updateItem(item, ItemSpec.item("深化课程改革。").lead(otherLead).schools(schoolA, schoolC)
                .dueMonthEnd(6).reason("再次调整").version(version(item)).data(), plan.by());
        assertThat(lines(plan.id())).filteredOn(line -> line.startsWith("深化课程改革。") && line.contains("office")).containsExactlyInAnyOrder(
                "深化课程改革。 LEAD office " + otherLead, "深化课程改革。 COOPERATING office " + lead);
    }

    private long version(long item) {
        return jdbc.sql("select version from plan_node where id = :id").param("id", item).query(Long.class).single();
    }

    private List<String> lines(long planId) {
        return jdbc.sql("""
                select n.headline, a.kind, a.office_id, a.school_id from assignment a join plan_node n on n.id = a.item_id
                where a.plan_id = :plan""").param("plan", planId)
                .query((row, number) -> row.getString(1) + " " + row.getString(2)
                        + (row.getObject(3) != null ? " office " + row.getLong(3) : " school " + row.getLong(4)))
                .list();
    }
}
