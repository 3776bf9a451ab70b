package cn.workplan.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.PlanBuilder;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An item's lines of responsibility on its page: the lead office sees and shapes them all; an office or a
 * school sees only its own line and changes none, whatever ids it tries.
 */
@IntegrationTest
class LinesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    JdbcClient jdbc;

    long lead;
    long cooperating;
    long schoolA;
    long schoolB;
    long schoolC;
    long item;
    PlanBuilder plan;
    CurrentUser leadStaff;
    CurrentUser cooperatingStaff;
    CurrentUser principalA;
    CurrentUser principalB;

    @BeforeEach
    void publishedItem() {
        lead = data.office();
        cooperating = data.office();
        schoolA = data.school();
        schoolB = data.school();
        schoolC = data.school();
        plan = plans.draft();
        item = plan.item(plan.chapter("教育教学"), ItemSpec.item("深化课程改革。").lead(lead).cooperating(cooperating)
                .schools(schoolA, schoolB).dueMonthEnd(6));
        plan.publish();
        leadStaff = data.login(data.staffOf(lead));
        cooperatingStaff = data.login(data.staffOf(cooperating));
        principalA = data.login(data.user(Role.PRINCIPAL, null, schoolA));
        principalB = data.login(data.user(Role.PRINCIPAL, null, schoolB));
    }

    @Test
    void theLeadOfficeSeesEveryLineAndTheOthersTheirOwn() throws Exception {
        assertThat(parties(leadStaff)).hasSize(4);
        assertThat(parties(data.login(data.user(Role.LEADER)))).hasSize(4);
        assertThat(parties(data.login(data.user(Role.INSPECTOR)))).hasSize(4);
        assertThat(parties(cooperatingStaff)).containsExactly("配合股室");
        assertThat(parties(principalA)).containsExactly("责任学校");
        assertThat(page(principalA).select("#lines").text()).doesNotContain(schoolName(schoolB));
        assertThat(parties(data.login(data.user(Role.PRINCIPAL, null, schoolC)))).isEmpty();
        assertThat(page(principalA).select("form")).as("no controls but the navbar's and asking to extend its own line")
                .allMatch(form -> form.attr("action").equals("/logout") || form.attr("action").equals("/search")
                        || form.attr("action").equals("/lines/" + line(schoolA) + "/extensions"));
    }

    @Test
    void theLeadOfficeAddsAndRemovesSchoolsAndSetsALinesDeadlineAndMilestone() throws Exception {
        mvc.perform(post("/items/{id}/lines", item).param("schoolId", Long.toString(schoolC)).with(csrf()).with(user(leadStaff)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "assignment.added"));
        assertThat(schoolsOnItem()).containsExactlyInAnyOrder(schoolA, schoolB, schoolC);

        long lineB = line(schoolB);
        mvc.perform(post("/lines/{line}", lineB).param("itemId", Long.toString(item)).param("deadline", "2026-05-20")
                        .param("milestone", "5月中旬完成校本课程方案").param("version", "0").with(csrf()).with(user(leadStaff)))
                .andExpect(flash().attribute("message", "assignment.saved"));
        assertThat(page(principalB).select("#lines td").eachText()).contains("2026年5月20日", "5月中旬完成校本课程方案");

        mvc.perform(post("/lines/{line}", lineB).param("itemId", Long.toString(item)).param("milestone", "别的目标")
                        .param("version", "0").with(csrf()).with(user(leadStaff)))
                .andExpect(flash().attribute("error", "error.staleEdit"));
        assertThat(milestone(lineB)).isEqualTo("5月中旬完成校本课程方案");

        mvc.perform(post("/lines/{line}/delete", lineB).param("itemId", Long.toString(item)).with(csrf()).with(user(leadStaff)))
                .andExpect(flash().attribute("message", "assignment.removed"));
        assertThat(schoolsOnItem()).containsExactlyInAnyOrder(schoolA, schoolC);

        long leadLine = jdbc.sql("select id from assignment where item_id = :item and kind = 'LEAD'").param("item", item)
                .query(Long.class).single();
        mvc.perform(post("/lines/{line}/delete", leadLine).param("itemId", Long.toString(item)).with(csrf()).with(user(leadStaff)))
                .andExpect(flash().attribute("error", "assignment.error.notSchool"));
    }

    @Test
    void nobodyElseChangesALineWhateverIdTheyTry() throws Exception {
        long lineA = line(schoolA);
        for (var someone : List.of(principalA, principalB, cooperatingStaff, data.login(data.user(Role.LEADER)))) {
            mvc.perform(post("/lines/{line}", lineA).param("itemId", Long.toString(item)).param("milestone", "改")
                            .param("version", "0").with(csrf()).with(user(someone)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/lines/{line}/delete", lineA).param("itemId", Long.toString(item)).with(csrf()).with(user(someone)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/items/{id}/lines", item).param("schoolId", Long.toString(schoolC)).with(csrf()).with(user(someone)))
                    .andExpect(status().isForbidden());
        }
        assertThat(milestone(lineA)).isEmpty();
        assertThat(schoolsOnItem()).containsExactlyInAnyOrder(schoolA, schoolB);
    }

    private org.jsoup.nodes.Document page(CurrentUser viewer) throws Exception {
        return Jsoup.parse(mvc.perform(get("/items/{id}/lines", item).with(user(viewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private List<String> parties(CurrentUser viewer) throws Exception {
        return page(viewer).select("#lines tbody tr td:eq(0)").eachText();
    }

    private List<Long> schoolsOnItem() {
        return jdbc.sql("select school_id from assignment where item_id = :item and kind = 'SCHOOL'").param("item", item)
                .query(Long.class).list();
    }

    private long line(long schoolId) {
        return jdbc.sql("select id from assignment where item_id = :item and school_id = :school")
                .param("item", item).param("school", schoolId).query(Long.class).single();
    }

    private String milestone(long lineId) {
        return jdbc.sql("select milestone from assignment where id = :id").param("id", lineId).query(String.class).single();
    }

    private String schoolName(long schoolId) {
        return jdbc.sql("select name from school where id = :id").param("id", schoolId).query(String.class).single();
    }
}
