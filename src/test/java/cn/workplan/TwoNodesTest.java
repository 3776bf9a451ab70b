package cn.workplan;

import static cn.workplan.support.HttpBrowser.location;
import static cn.workplan.support.HttpBrowser.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import cn.workplan.account.Role;
import cn.workplan.plan.Numbering;
import cn.workplan.support.HttpBrowser;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.SecondInstance;
import cn.workplan.support.Spreadsheets;
import cn.workplan.support.TestData;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Two instances of the application on one database, as two nodes behind a load balancer: node A is this test's
 * application, node B the {@link SecondInstance} beside it. One person's requests go over real HTTP, alternately
 * to either node, with one cookie jar: a login on one node is a login on both, a report saved on one is sent on the
 * other (its photo downloaded from the first), an import preview read on one is edited and confirmed on the other,
 * and a deactivation on one ends the session on both. The daily reminder, sent once whichever nodes run it, is
 * {@code execution.RemindersOnTwoInstancesTest}, on the same two instances.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTest {

    /** The first bytes of a JPEG photo, enough for the type check. */
    private static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 2, 3};

    @Autowired
    TestData data;
    @Autowired
    TestPlans plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    String a;
    String b;

    @BeforeAll
    void twoNodes(@Autowired Environment environment, @LocalServerPort int port) {
        a = "http://localhost:" + port;
        b = "http://localhost:" + SecondInstance.port(SecondInstance.beside(environment));
    }

    @Test
    void onePersonsRequestsAlternateBetweenTheNodes() throws Exception {
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long school = data.school();
        var login = data.user(Role.PRINCIPAL, null, school);
        var plan = plans.draft(plans.coordinator(), today.getYear(), Numbering.CONTINUOUS);
        long item = plan.item(plan.chapter("教育教学"), ItemSpec.item("推进课后服务。").lead(data.office()).schools(school));
        plan.publish();
        long line = jdbc.sql("select id from assignment where item_id = :item and school_id = :school")
                .param("item", item).param("school", school).query(Long.class).single();
        var report = "/lines/" + line + "/reports/" + YearMonth.from(today);
        var principal = new HttpBrowser();

        assertThat(location(principal.logIn(a, login, TestData.PASSWORD))).as("logged in on A").isEqualTo("/");

        assertThat(principal.get(b, report).statusCode()).as("the report form on B").isEqualTo(200);
        var saved = principal.upload(b, report, "files", "课后服务.jpg", "image/jpeg", PHOTO,
                "action", "draft", "progress", "IN_PROGRESS", "percent", "40", "narrative", "课后服务已覆盖全部年级");
        assertThat(location(saved)).as("saved on B").isEqualTo(report);
        var form = Jsoup.parse(principal.get(a, report).body());
        assertThat(form.select("#narrative").text()).as("A shows what B saved").isEqualTo("课后服务已覆盖全部年级");
        long photo = jdbc.sql("select e.id from evidence e join progress_report r on r.id = e.report_id where r.assignment_id = :line")
                .param("line", line).query(Long.class).single();
        assertThat(principal.download(a, "/evidence/" + photo).body()).as("the photo from A").isEqualTo(PHOTO);
        var sent = principal.post(a, report, "action", "send", "progress", "IN_PROGRESS", "percent", "50",
                "narrative", "课后服务已覆盖全部年级，家长满意", "version", form.select("#version").val());
        assertThat(location(sent)).as("sent on A").isEqualTo(report);
        assertThat(jdbc.sql("select state from progress_report where assignment_id = :line").param("line", line)
                .query(String.class).single()).isEqualTo("SUBMITTED");

        var admin = new HttpBrowser();
        admin.logIn(b, data.user(Role.ADMIN), TestData.PASSWORD);
        admin.get(a, "/plans/import");
        var read = admin.post(a, "/plans/import", "text", """
                两节点县教育局工作要点
                一、第一章
                1.推进甲项工作。全县入学率达100%。
                2.推进乙项工作。""");
        var preview = location(read);
        assertThat(preview).as("read on A").startsWith("/plans/import/");
        assertThat(admin.get(b, preview).body()).as("shown on B").contains("推进甲项工作", "推进乙项工作");
        var title = TestData.unique("两节点县教育局工作要点");
        admin.post(b, preview + "/plans/0", "title", title, "documentNumber", "", "year", String.valueOf(today.getYear()),
                "numbering", "CONTINUOUS");
        assertThat(admin.get(a, preview).body()).as("edited on B, seen on A").contains(title);
        var confirmed = admin.post(a, "/plans/import/confirm", "token", preview.substring("/plans/import/".length()), "plan", "0");
        assertThat(location(confirmed)).as("confirmed on A").startsWith("/plans/");
        assertThat(jdbc.sql("select count(*) from plan where title = :title").param("title", title).query(Long.class).single())
                .isEqualTo(1);

        var schoolName = TestData.unique("两节点小学");
        var checked = Jsoup.parse(admin.upload(a, "/admin/schools/import", "file", "学校.csv", "text/csv",
                Spreadsheets.csv("学校名称,学校类型,所属乡镇", schoolName + ",小学,城关镇")).body());
        var imported = admin.post(b, "/admin/schools/import/confirm", "token", checked.select("input[name=token]").val());
        assertThat(location(imported)).as("a schools' import checked on A, confirmed on B").isEqualTo("/admin/schools");
        assertThat(jdbc.sql("select count(*) from school where name = :name").param("name", schoolName).query(Long.class).single())
                .isEqualTo(1);

        admin.get(b, "/admin/users");
        var deactivated = admin.post(b, "/admin/users/" + data.idOf(login) + "/active", "active", "false");
        assertThat(location(deactivated)).isEqualTo("/admin/users");
        for (var node : new String[] {a, b}) {
            assertThat(location(principal.get(node, "/"))).as("the page on %s", node).isEqualTo("/login");
            assertThat(principal.get(node, "/api/me").statusCode()).as("the API on %s", node).isEqualTo(401);
        }
    }

    @Test
    void forwardedHeadersAreBelievedFromATrustedProxyOnly() throws Exception {
        // A trusts the machine itself (the default), as a node behind a proxy on it; B trusts no proxy
        var proxied = new HttpBrowser().header("X-Forwarded-Proto", "https");
        var viaProxy = proxied.get(a, "/login");
        assertThat(setCookies(viaProxy)).singleElement().asString().contains("Secure");
        assertThat(viaProxy.headers().firstValue("Strict-Transport-Security")).isPresent();
        var direct = new HttpBrowser().header("X-Forwarded-Proto", "https").get(b, "/login");
        assertThat(setCookies(direct)).singleElement().asString().doesNotContain("Secure");
        assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();

        var login = data.user(Role.INSPECTOR);
        var behindProxy = new HttpBrowser().header("X-Forwarded-For", "203.0.113.7");
        behindProxy.logIn(a, login, TestData.PASSWORD);
        var spoofing = new HttpBrowser().header("X-Forwarded-For", "203.0.113.8");
        spoofing.logIn(b, login, TestData.PASSWORD);

        assertThat(clientAddress(behindProxy)).as("through the trusted proxy").isEqualTo("203.0.113.7");
        assertThat(clientAddress(spoofing)).as("straight to B, the header is ignored").isEqualTo("127.0.0.1");
    }

    /** The client's address as the login recorded it in the session. */
    private String clientAddress(HttpBrowser browser) {
        var id = new String(Base64.getDecoder().decode(browser.sessionCookie()), StandardCharsets.US_ASCII);
        SecurityContext context = sessions.findById(id).getAttribute("SPRING_SECURITY_CONTEXT");
        return ((WebAuthenticationDetails) context.getAuthentication().getDetails()).getRemoteAddress();
    }
}
