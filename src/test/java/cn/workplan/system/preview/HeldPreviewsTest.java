package cn.workplan.system.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.support.Browsers;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Import previews held in the database between the preview and the confirmation: found by their owner only, with
 * their kind, for two hours after their last use, the newest few per person and kind; the hourly job deletes the
 * expired ones.
 */
@IntegrationTest
class HeldPreviewsTest {

    @Autowired
    HeldPreviews previews;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Browsers browsers;

    record Row(String name, LocalDate day, List<Integer> numbers) {
    }

    @Test
    void aPreviewIsFoundByItsOwnerAndKindOnlyAndReadsBackAsItWasHeld() {
        long owner = data.idOf(data.user(Role.ADMIN));
        long other = data.idOf(data.user(Role.ADMIN));
        var held = List.of(new Row("城关镇第一小学", LocalDate.of(2030, 3, 1), List.of(1, 2)), new Row("青山乡中学", null, List.of()));
        var token = previews.hold(owner, "schools", held);

        assertThat(previews.<List<Row>>find(owner, "schools", token, previews.listOf(Row.class))).contains(held);
        assertThat(previews.find(other, "schools", token, previews.listOf(Row.class))).as("someone else's").isEmpty();
        assertThat(previews.find(owner, "users", token, previews.listOf(Row.class))).as("another kind").isEmpty();
        for (var made : List.of("", "nonsense", "1-1-1-1-1", token.toUpperCase() + "x")) {
            assertThat(previews.find(owner, "schools", made, previews.listOf(Row.class))).as(made).isEmpty();
        }

        assertThat(previews.<List<Row>>take(owner, "schools", token, previews.listOf(Row.class))).contains(held);
        assertThat(previews.take(owner, "schools", token, previews.listOf(Row.class))).as("taken once").isEmpty();
    }

    @Test
    void aPersonKeepsTheNewestFewOfAKind() {
        long owner = data.idOf(data.user(Role.ADMIN));
        var other = previews.hold(owner, "users", List.of());
        var tokens = new java.util.ArrayList<String>();
        for (int i = 0; i <= HeldPreviews.KEPT; i++) {
            tokens.add(previews.hold(owner, "schools", List.of(new Row("第" + i, null, List.of()))));
            // a distinct expiry each, as when held one after the other
            jdbc.sql("update held_preview set expires_at = expires_at - make_interval(secs => :age) where token = cast(:token as uuid)")
                    .param("age", HeldPreviews.KEPT - i).param("token", tokens.get(i)).update();
        }

        assertThat(previews.find(owner, "schools", tokens.get(0), previews.listOf(Row.class))).as("the oldest").isEmpty();
        for (var kept : tokens.subList(1, tokens.size())) {
            assertThat(previews.find(owner, "schools", kept, previews.listOf(Row.class))).isPresent();
        }
        assertThat(previews.find(owner, "users", other, previews.listOf(Row.class))).as("another kind counts apart").isPresent();
    }

    @Test
    void aPreviewExpiresTwoHoursAfterItsLastUseAndTheJobDeletesIt() {
        long owner = data.idOf(data.user(Role.ADMIN));
        var used = previews.hold(owner, "schools", List.of());
        var forgotten = previews.hold(owner, "users", List.of());
        jdbc.sql("update held_preview set expires_at = now() + interval '1 minute' where token = cast(:token as uuid)")
                .param("token", used).update();
        jdbc.sql("update held_preview set expires_at = now() - interval '1 second' where token = cast(:token as uuid)")
                .param("token", forgotten).update();

        assertThat(previews.find(owner, "schools", used, previews.listOf(Row.class))).isPresent();
        assertThat(previews.find(owner, "users", forgotten, previews.listOf(Row.class))).isEmpty();
        assertThat(jdbc.sql("select expires_at > now() + interval '119 minutes' from held_preview where token = cast(:token as uuid)")
                .param("token", used).query(Boolean.class).single()).as("using it gave it two hours again").isTrue();

        assertThat(previews.removeExpired()).isPositive();
        assertThat(jdbc.sql("select count(*) from held_preview where expires_at <= now()").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from held_preview where token = cast(:token as uuid)").param("token", used)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPreviewThatNoLongerReadsCountsAsExpired() {
        long owner = data.idOf(data.user(Role.ADMIN));
        var token = previews.hold(owner, "schools", List.of(new Row("一小", null, List.of())));
        // as after an upgrade that changed the record incompatibly
        jdbc.sql("update held_preview set payload = '{\"rows\": 3}' where token = cast(:token as uuid)").param("token", token).update();

        assertThat(previews.find(owner, "schools", token, previews.listOf(Row.class))).isEmpty();
    }

    @Test
    void anExpiredPlanImportSaysSoOnThePage() throws Exception {
        var office = browsers.as(data.coordinator());
        var read = office.post("/plans/import", "text", "测试县教育局工作要点\n一、第一章\n1.推进甲项工作。");
        var preview = read.andReturn().getResponse().getRedirectedUrl();
        jdbc.sql("update held_preview set expires_at = now() - interval '1 second' where token = cast(:token as uuid)")
                .param("token", preview.substring("/plans/import/".length())).update();

        var expired = office.get(preview).andExpect(redirectedUrl("/plans/import"));

        assertThat(office.follow(expired).text()).contains("这份导入预览已过期");
    }
}
