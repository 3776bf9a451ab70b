package cn.workplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.PlanBuilder;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;
import cn.workplan.system.StaleEditException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Two people edit the same item: the second save must not silently overwrite the first. */
@IntegrationTest
class ItemConflictTest {

    private static final Pattern VERSION_FIELD = Pattern.compile("name=\"version\"[^>]*value=\"(\\d+)\"|value=\"(\\d+)\"[^>]*name=\"version\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    TestPlans plans;

    @Autowired
    OutlineService outline;

    @Autowired
    ItemQueries items;

    @Autowired
    PlanQueries queries;

    long office;
    PlanBuilder plan;
    CurrentUser coordinator;
    CurrentUser staff;
    long chapter;
    long item;

    @BeforeEach
    void setUp() {
        office = data.office();
        staff = plans.staffOf(office);
        plan = plans.draft();
        coordinator = plan.by();
        chapter = plan.chapter("教育教学");
        item = plan.item(chapter, ItemSpec.item("推进教育信息化建设。").body("原文。").lead(office));
    }

    /** What the edit form opens with: the saved details and their version. */
    ItemSpec open(CurrentUser who) {
        return ItemSpec.of(items.item(item, who).toData());
    }

    ItemView saved() {
        return items.item(item, coordinator);
    }

    @Test
    void theSecondOfTwoConcurrentSavesIsRefused() {
        var mine = open(coordinator);
        var theirs = open(staff);
        outline.updateItem(item, mine.body("办公室改的正文。").data(), coordinator);
        assertThatThrownBy(() -> outline.updateItem(item, theirs.body("股室改的正文。").data(), staff))
                .isInstanceOf(StaleEditException.class);
        assertThat(saved().body()).isEqualTo("办公室改的正文。");
        assertThat(items.history(item, coordinator)).as("no revision for the refused save").hasSize(2);
    }

    @Test
    void savingAgainWithTheNewVersionSucceeds() {
        var theirs = open(staff);
        outline.updateItem(item, open(coordinator).body("办公室改的正文。").data(), coordinator);
        var current = saved().version();
        assertThat(current).isGreaterThan(theirs.data().version());
        outline.updateItem(item, theirs.body("股室改的正文。").version(current).data(), staff);
        assertThat(saved().body()).isEqualTo("股室改的正文。");
    }

    @Test
    void aFormWithoutAVersionIsTreatedAsStale() {
        assertThatThrownBy(() -> outline.updateItem(item, open(coordinator).body("无版本。").version(null).data(), coordinator))
                .isInstanceOf(StaleEditException.class);
    }

    @Test
    void movingAnItemDoesNotConflictWithEditingIt() {
        var form = open(staff);
        plan.item(chapter, "另一项。");
        outline.shift(item, +1, coordinator);
        outline.updateItem(item, form.body("移动后保存。").data(), staff);
        assertThat(saved().body()).isEqualTo("移动后保存。");
        assertThat(plans.label(plan.id(), item, coordinator)).isEqualTo("2.");
    }

    @Test
    void renamingAHeadingIsGuardedByItsVersionToo() {
        long version = plans.node(plan.id(), chapter, coordinator).version();
        outline.renameHeading(chapter, "教育教学改革", "", version, coordinator);
        assertThatThrownBy(() -> outline.renameHeading(chapter, "教学", "", version, coordinator))
                .isInstanceOf(StaleEditException.class);
        assertThat(plans.node(plan.id(), chapter, coordinator).headline()).isEqualTo("教育教学改革");
    }

    /** Opens the edit form over HTTP and reads the version it carries. */
    String openForm(CurrentUser who) throws Exception {
        var html = mvc.perform(get("/items/{id}/edit", item).with(user(who)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var matcher = VERSION_FIELD.matcher(html);
        assertThat(matcher.find()).as("the form carries the version").isTrue();
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    org.springframework.test.web.servlet.ResultActions save(CurrentUser who, String version, String body) throws Exception {
        return mvc.perform(post("/items/{id}", item).with(user(who)).with(csrf())
                .param("headline", "推进教育信息化建设。").param("body", body)
                .param("leadOfficeId", Long.toString(office)).param("version", version));
    }

    @Test
    void overHttpTheSecondSaveShowsTheOtherVersionAndKeepsTheFirst() throws Exception {
        var coordinatorVersion = openForm(coordinator);
        var staffVersion = openForm(staff);
        assertThat(staffVersion).isEqualTo(coordinatorVersion);

        save(coordinator, coordinatorVersion, "办公室先保存的正文。").andExpect(redirectedUrl("/items/" + item));

        var html = save(staff, staffVersion, "股室后保存的正文。")
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"conflict\"", "办公室先保存的正文。", "保存失败：他人刚刚修改并保存了这项任务。");
        assertThat(html).as("what the second person typed stays in the form").contains("股室后保存的正文。");
        var conflict = html.substring(html.indexOf("id=\"conflict\""));
        var newVersion = VERSION_FIELD.matcher(conflict);
        assertThat(newVersion.find()).isTrue();
        assertThat(newVersion.group(1) != null ? newVersion.group(1) : newVersion.group(2))
                .isEqualTo(Long.toString(saved().version()));
        assertThat(saved().body()).as("the database keeps the first save").isEqualTo("办公室先保存的正文。");

        save(staff, Long.toString(saved().version()), "股室后保存的正文。").andExpect(redirectedUrl("/items/" + item));
        assertThat(saved().body()).isEqualTo("股室后保存的正文。");
    }

    @Test
    void overHttpAStaleRenameShowsAnError() throws Exception {
        long version = plans.node(plan.id(), chapter, coordinator).version();
        outline.renameHeading(chapter, "教育教学改革", "", version, coordinator);
        var html = mvc.perform(post("/plans/{p}/nodes/{n}/rename", plan.id(), chapter).header("HX-Request", "true")
                        .with(user(coordinator)).with(csrf()).param("headline", "教学").param("version", Long.toString(version)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("保存失败：在您编辑期间，其他人已修改并保存了这条记录。");
        assertThat(plans.node(plan.id(), chapter, coordinator).headline()).isEqualTo("教育教学改革");
    }
}
