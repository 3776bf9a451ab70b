package cn.workplan.notification;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.SqlStatements;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The notification centre: everyone sees their own notifications only, in their own language, and opens or
 * marks read none but their own, whatever ids they try.
 */
@IntegrationTest
class NotificationCentreTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient jdbc;

    CurrentUser principal;
    CurrentUser office;

    @BeforeEach
    void people() {
        principal = data.login(data.user(Role.PRINCIPAL));
        office = data.login(data.user(Role.OFFICE_STAFF));
    }

    @Test
    void theBellCountsTheUnreadAndThePageListsThemNewestFirst() throws Exception {
        assertThat(bell(principal)).isEmpty();
        notifications.send(List.of(principal.id()), "notification.reminder.line", List.of("刘芳", "推进学前教育。"), "/plans");
        notifications.send(List.of(principal.id(), principal.id(), office.id()), "notification.reminder.due",
                List.of("2030年教育工作要点", 2, Notifications.message("report.period.monthly", 2030, 6), LocalDate.of(2030, 6, 25)),
                "/reports");

        assertThat(bell(principal)).isEqualTo("2");
        assertThat(bell(office)).isEqualTo("1");
        var page = page(principal, "/notifications");
        assertThat(page.select("#notifications a .d-block").eachText()).containsExactly(
                "【催办】2030年教育工作要点：您有 2 项任务尚未报送2030年6月的进度，请于2030年6月25日前报送。",
                "【催办】刘芳提醒您抓紧落实“推进学前教育。”，并及时报送进度。");
        assertThat(page.select("#notifications a small").eachText()).allMatch(when -> when.startsWith(today()) && when.endsWith("未读"));
        assertThat(page.select("#notifications a.notification-unread")).hasSize(2);
        assertThat(page.select("main h1").text()).isEqualTo("通知 2 条未读");

        var english = page(principal, "/notifications?lang=en");
        assertThat(english.select("#notifications a .d-block").first().text())
                .isEqualTo("Reminder – 2030年教育工作要点: 2 of your item(s) have no progress report for 2030-06 yet; please report by Jun 25, 2030.");
    }

    @Test
    void openingOneMarksItReadAndGoesWhereItPoints() throws Exception {
        notifications.send(List.of(principal.id()), "notification.reminder.line", List.of("刘芳", "任务一。"), "/items/42/lines");
        notifications.send(List.of(principal.id()), "notification.reminder.line", List.of("刘芳", "任务二。"), null);
        long first = idOf(principal, "任务一");
        long second = idOf(principal, "任务二");

        mvc.perform(get("/notifications/{id}", first).with(user(principal))).andExpect(redirectedUrl("/items/42/lines"));
        mvc.perform(get("/notifications/{id}", second).with(user(principal))).andExpect(redirectedUrl("/notifications"));
        assertThat(bell(principal)).isEmpty();
        assertThat(page(principal, "/notifications").select("#notifications a.notification-unread")).isEmpty();
        mvc.perform(get("/notifications/{id}", first).with(user(principal))).andExpect(redirectedUrl("/items/42/lines"));
    }

    @Test
    void nobodyReadsOpensOrMarksAnotherPersonsNotifications() throws Exception {
        notifications.send(List.of(principal.id()), "notification.reminder.line", List.of("刘芳", "别人的任务。"), "/plans");
        long theirs = idOf(principal, "别人的任务");
        var otherPrincipal = data.login(data.user(Role.PRINCIPAL));

        for (var someone : List.of(office, otherPrincipal, data.login(data.user(Role.LEADER)), data.login(data.user(Role.ADMIN)))) {
            mvc.perform(get("/notifications/{id}", theirs).with(user(someone))).andExpect(status().isNotFound());
            assertThat(page(someone, "/notifications").text()).doesNotContain("别人的任务");
            mvc.perform(post("/notifications/read-all").with(csrf()).with(user(someone))).andExpect(redirectedUrl("/notifications"));
        }
        mvc.perform(get("/notifications/{id}", Long.MAX_VALUE).with(user(principal))).andExpect(status().isNotFound());
        assertThat(bell(principal)).as("still unread").isEqualTo("1");

        mvc.perform(post("/notifications/read-all").with(csrf()).with(user(principal))).andExpect(redirectedUrl("/notifications"));
        assertThat(bell(principal)).isEmpty();
    }

    @Test
    void theCentreIsPagedAndCostsTheSameStatementsHoweverManyThereAre() throws Exception {
        notifications.send(List.of(office.id()), "notification.reminder.line", List.of("刘芳", "第0项。"), "/plans");
        var few = SqlStatements.count(() -> page(office, "/notifications"));
        var bell = SqlStatements.count(() -> bell(office));
        for (int i = 1; i < 25; i++) {
            notifications.send(List.of(office.id()), "notification.reminder.line", List.of("刘芳", "第" + i + "项。"), "/plans");
        }
        var many = SqlStatements.count(() -> page(office, "/notifications"));

        assertThat(many.statements()).as("25 notifications against one's %s", few).isEqualTo(few.statements());
        assertThat(many.count()).as("counts and one page: %s", many).isEqualTo(2);
        assertThat(bell.count()).as("the bell: %s", bell).isEqualTo(1);
        var first = page(office, "/notifications");
        assertThat(first.select("#notifications a")).hasSize(NotificationCentre.PAGE_SIZE);
        assertThat(first.select("#notifications a").first().text()).contains("第24项");
        assertThat(first.select(".pagination").text()).contains("第 1 页，共 2 页");
        var second = page(office, "/notifications?page=1");
        assertThat(second.select("#notifications a")).hasSize(5);
        assertThat(second.select("#notifications a").last().text()).contains("第0项");
        assertThat(bell(office)).isEqualTo("25");
    }

    @Test
    void everyPageOffersTheBellWhichHtmxFillsIn() throws Exception {
        var bell = page(principal, "/").selectFirst("nav #notification-bell");
        assertThat(bell).isNotNull();
        assertThat(bell.attr("href")).isEqualTo("/notifications");
        assertThat(bell.attr("hx-get")).isEqualTo("/notifications/bell");
        assertThat(bell.attr("hx-trigger")).isEqualTo("load");
    }

    @Test
    void linksStayInTheApplicationAndArgumentsReadTheSameInEveryLanguage() {
        for (var link : List.of("https://example.com/", "//example.com/x", "javascript:alert(1)", "/\\example.com")) {
            assertThatThrownBy(() -> notifications.send(List.of(principal.id()), "notification.reminder.line", List.of(), link))
                    .as(link).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> notifications.send(List.of(principal.id()), "notification.reminder.line", List.of(new Object()), "/plans"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.sql("select count(*) from notification where user_id = :user").param("user", principal.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void deactivatedAccountsAreNotNotified() {
        jdbc.sql("update app_user set active = false where id = :id").param("id", office.id()).update();
        assertThat(notifications.send(List.of(office.id(), principal.id()), "notification.reminder.line", List.of("刘芳", "任务。"), "/plans"))
                .isEqualTo(1);
    }

    /** The count on the bell, as htmx swaps it in ("" when nothing is unread). */
    private String bell(CurrentUser viewer) throws Exception {
        var html = mvc.perform(get("/notifications/bell").header("HX-Request", "true").with(user(viewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(UTF_8);
        var bell = Jsoup.parseBodyFragment(html).selectFirst("#notification-bell");
        assertThat(bell).isNotNull();
        assertThat(bell.hasAttr("hx-get")).as("the swapped-in bell loads nothing more").isFalse();
        var badge = bell.selectFirst(".badge");
        return badge == null ? "" : badge.text();
    }

    private Document page(CurrentUser viewer, String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user(viewer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(UTF_8));
    }

    private long idOf(CurrentUser reader, String text) {
        return jdbc.sql("select id from notification where user_id = :user and cast(args as text) like :text")
                .param("user", reader.id()).param("text", "%" + text + "%").query(Long.class).single();
    }

    private static String today() {
        var now = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));
        return now.getYear() + "年" + now.getMonthValue() + "月" + now.getDayOfMonth() + "日";
    }
}
