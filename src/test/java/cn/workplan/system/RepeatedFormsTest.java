package cn.workplan.system;

import static cn.workplan.support.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.plan.Numbering;
import cn.workplan.plan.PlanData;
import cn.workplan.plan.PlanKind;
import cn.workplan.plan.PlanService;
import cn.workplan.support.Browser;
import cn.workplan.support.Browsers;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A form that creates something, sent again — Back and send, a double click, two requests at the same moment —
 * creates once and leads to what the first sending created, saying so.
 */
@IntegrationTest
class RepeatedFormsTest {

    private static final String REPEATED = "这张表单已经提交过";

    @Autowired
    Browsers browsers;
    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    PlanService planService;
    @Autowired
    FormTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    Browser office;

    @BeforeEach
    void logIn() {
        office = browsers.as(data.coordinator());
    }

    @Test
    void aFormBuiltFromTheSharedFieldsCarriesOneToken() throws Exception {
        // the field fragment is named like the HTML element the token is: a selector by name took both
        var form = office.page("/plans/new").all("form[action='/plans'] input[name='" + FormTokens.PARAMETER + "']");
        assertThat(form).as("token fields in the new plan's form").hasSize(1);
    }

    @Test
    void aNewPlanSentAgainAfterGoingBackCreatesOnePlan() throws Exception {
        var title = unique("2027年教育工作要点");
        var form = office.page("/plans/new").form("form[action='/plans']").set("year", "2027").set("title", title);
        assertThat(form.get(FormTokens.PARAMETER)).as("the form carries a token").isNotBlank();

        var sent = office.submit(form);
        var first = sent.andReturn().getResponse().getRedirectedUrl();
        assertThat(office.follow(sent).text()).doesNotContain(REPEATED);
        var again = office.submit(form);

        assertThat(first).matches("/plans/\\d+");
        assertThat(again.andReturn().getResponse().getRedirectedUrl()).as("led to the first one's plan").isEqualTo(first);
        assertThat(office.follow(again).one(".alert-success").text()).contains(REPEATED, "没有重复创建");
        assertThat(plansTitled(title)).isEqualTo(1);
    }

    @Test
    void everyNewFormGetsATokenOfItsOwn() throws Exception {
        var first = office.page("/plans/new").form("form[action='/plans']").get(FormTokens.PARAMETER);
        var second = office.page("/plans/new").form("form[action='/plans']").get(FormTokens.PARAMETER);

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void anItemAChapterAndACommentSentTwiceAreCreatedOnce() throws Exception {
        var plan = plans.draft(plans.coordinator(), TestPlans.YEAR, Numbering.CONTINUOUS);
        long chapter = plan.chapter("党的建设");

        var item = office.page("/plans/{id}/items/new?parent={chapter}", plan.id(), chapter).form("#item-form")
                .set("headline", "重复提交的任务。").set("leadOfficeId", Long.toString(data.coordinatorOffice()));
        var sent = office.submit(item);
        var created = sent.andReturn().getResponse().getRedirectedUrl();
        office.follow(sent);
        assertThat(office.submit(item).andReturn().getResponse().getRedirectedUrl()).isEqualTo(created);
        assertThat(nodes(plan.id(), "重复提交的任务")).isEqualTo(1);

        var addChapter = office.page("/plans/{id}", plan.id()).form("#add-chapter").set("headline", "重复提交的章");
        office.follow(office.submit(addChapter));
        assertThat(office.follow(office.submit(addChapter)).text()).contains(REPEATED);
        assertThat(nodes(plan.id(), "重复提交的章")).isEqualTo(1);

        plan.submit();
        var leader = browsers.as(data.user(Role.LEADER));
        long itemId = Long.parseLong(created.substring(created.indexOf("#node-") + "#node-".length()));
        var comment = leader.page("/items/{id}", itemId).form("form[action='/items/" + itemId + "/comments']").set("comment", "请细化目标。");
        leader.follow(leader.submit(comment));
        assertThat(leader.follow(leader.submit(comment)).text()).contains(REPEATED);
        assertThat(jdbc.sql("select count(*) from plan_comment where node_id = :item").param("item", itemId).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aSupervisionNoticeSentTwiceIsIssuedOnce() throws Exception {
        var lead = data.office();
        var plan = plans.draft();
        long item = plan.item(plan.chapter("教育教学"), ItemSpec.item("推进督办去重。").lead(lead).dueMonthEnd(12));
        plan.publish();
        var leader = browsers.as(data.user(Role.LEADER));

        var form = leader.page("/notices/new?itemId={item}", item).form("#notice-form").set("matter", "请加快进度，按时报送。");
        var sent = leader.submit(form);
        var first = sent.andReturn().getResponse().getRedirectedUrl();
        leader.follow(sent);
        var again = leader.submit(form);

        assertThat(first).matches("/notices/\\d+");
        assertThat(again.andReturn().getResponse().getRedirectedUrl()).isEqualTo(first);
        assertThat(leader.follow(again).text()).contains(REPEATED);
        assertThat(jdbc.sql("select count(*) from notice where item_id = :item").param("item", item).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void twoSendingsAtTheSameMomentCreateOnePlan() throws Exception {
        var title = unique("2027年同时提交的计划");
        var token = tokens.issue();
        var coordinator = plans.coordinator();
        var barrier = new CyclicBarrier(2);
        var sendings = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                barrier.await(10, TimeUnit.SECONDS);
                return mvc.perform(post("/plans").with(user(coordinator)).with(csrf())
                                .param("year", "2027").param("title", title).param("kind", "WORK_POINTS")
                                .param("numbering", "CONTINUOUS").param(FormTokens.PARAMETER, token))
                        .andReturn().getResponse().getRedirectedUrl();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, runnable -> new Thread(runnable).start())).toList();

        var locations = sendings.stream().map(CompletableFuture::join).toList();

        assertThat(locations).as("both led to the one plan").hasSize(2).allMatch(location -> location.matches("/plans/\\d+"));
        assertThat(locations.get(0)).isEqualTo(locations.get(1));
        assertThat(plansTitled(title)).isEqualTo(1);
    }

    /** The second sending waits for the first one's transaction, then finds its token and creates nothing. */
    @Test
    void aSendingWhileTheFirstIsStillCreatingWaitsForItAndCreatesNothing() throws Exception {
        var token = tokens.issue();
        var coordinator = plans.coordinator();
        var firstHasItsToken = new CountDownLatch(1);
        var letFirstFinish = new CountDownLatch(1);
        var title = unique("2027年慢慢创建的计划");

        var first = inThread(coordinator, () -> tokens.once(token, "/plans", () -> {
            long id = planService.create(new PlanData(2027, title, PlanKind.WORK_POINTS, "", Numbering.CONTINUOUS, null), coordinator);
            firstHasItsToken.countDown();
            await(letFirstFinish);
            return "/plans/" + id;
        }));
        await(firstHasItsToken);
        var second = inThread(coordinator, () -> tokens.once(token, "/plans", () -> {
            throw new AssertionError("the second sending must not create");
        }));
        Thread.sleep(300);
        assertThat(second).as("waiting for the first sending's transaction").isNotDone();

        letFirstFinish.countDown();

        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(new FormTokens.Sent(first.get(10, TimeUnit.SECONDS).location(), true));
        assertThat(plansTitled(title)).isEqualTo(1);
    }

    @Test
    void aRefusedSendingLeavesItsTokenForTheCorrectedForm() throws Exception {
        var taken = plans.draft();
        var takenTitle = jdbc.sql("select title from plan where id = :id").param("id", taken.id()).query(String.class).single();
        var form = office.page("/plans/new").form("form[action='/plans']")
                .set("year", Integer.toString(TestPlans.YEAR)).set("title", takenTitle);

        var refused = office.submit(form).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);

        var title = unique("2030年改过标题的计划");
        var created = office.submit(form.set("title", title)).andReturn().getResponse().getRedirectedUrl();
        assertThat(created).matches("/plans/\\d+");
        assertThat(plansTitled(title)).isEqualTo(1);
    }

    @Test
    void withoutATokenAFormCreatesAsBefore() throws Exception {
        var title = unique("2027年脚本创建的计划");
        var created = office.post("/plans", "year", "2027", "title", title, "kind", "WORK_POINTS", "numbering", "CONTINUOUS")
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(created).matches("/plans/\\d+");
        assertThat(plansTitled(title)).isEqualTo(1);
        assertThat(tokens.once("not a token", "/plans", () -> "/created").repeated()).isFalse();
    }

    @Test
    void usedTokensAreDeletedAfterTheirTime() {
        var old = UUID.randomUUID();
        var recent = UUID.randomUUID();
        jdbc.sql("insert into form_token (token, actor, used_at, location) values (:old, 'test', now() - interval '31 days', '/x'), "
                + "(:recent, 'test', now() - interval '29 days', '/y')").param("old", old).param("recent", recent).update();

        tokens.deleteUsedBefore(Duration.ofDays(30));

        assertThat(jdbc.sql("select token from form_token where token in (:tokens)").param("tokens", List.of(old, recent))
                .query(UUID.class).list()).containsExactly(recent);
    }

    private long plansTitled(String title) {
        return jdbc.sql("select count(*) from plan where title = :title").param("title", title).query(Long.class).single();
    }

    private long nodes(long planId, String headline) {
        return jdbc.sql("select count(*) from plan_node where plan_id = :plan and headline like :headline || '%'")
                .param("plan", planId).param("headline", headline).query(Long.class).single();
    }

    private static <T> CompletableFuture<T> inThread(CurrentUser user, java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            try {
                return work.get();
            } finally {
                SecurityContextHolder.clearContext();
            }
        }, runnable -> new Thread(runnable).start());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
