package cn.workplan.audit;

import static cn.workplan.support.ImportPreviews.token;
import static cn.workplan.support.Spreadsheets.csv;
import static cn.workplan.support.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.org.SchoolService;
import cn.workplan.support.Browser;
import cn.workplan.support.Browsers;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.Page;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The administrators' audit page: filters by actor, kind of record, action and dates, and pages. */
@IntegrationTest
class AuditPageTest {

    @Autowired
    Browsers browsers;

    @Autowired
    TestData data;

    @Autowired
    SchoolService schools;

    @Autowired
    JdbcTemplate jdbc;

    Browser admin;

    @BeforeEach
    void logIn() {
        admin = browsers.as(data.user(Role.ADMIN));
    }

    @Test
    void filtersByActor() throws Exception {
        var mine = createSchool(admin);
        var theirs = createSchool(browsers.as(data.user(Role.ADMIN)));

        var page = audit("actor", admin.login());

        assertThat(page.text()).contains("共 1 条记录");
        assertThat(rows(page)).singleElement().satisfies(row -> {
            assertThat(row.actor()).isEqualTo(admin.login());
            assertThat(row.action()).isEqualTo("新建");
            assertThat(row.object()).isEqualTo("学校 " + mine);
            assertThat(row.changes()).contains("名称: " + mine, "类型: 小学", "乡镇: 审计镇");
        });
        assertThat(page.text()).doesNotContain(theirs);
        assertThat(page.one("input[name=actor]").val()).isEqualTo(admin.login());
    }

    @Test
    void filtersByKindOfRecordAndByAction() throws Exception {
        var school = createSchool(admin);
        long schoolId = schoolId(school);
        var office = unique("日志股");
        admin.post("/admin/offices", "name", office, "shortName", office, "displayOrder", "0")
                .andExpect(redirectedUrl("/admin/offices"));
        admin.post("/admin/schools/" + schoolId + "/active", "active", "false").andExpect(redirectedUrl("/admin/schools"));
        admin.post("/admin/schools/" + schoolId + "/active", "active", "true").andExpect(redirectedUrl("/admin/schools"));

        var schoolsOnly = audit("actor", admin.login(), "entityType", "SCHOOL");
        assertThat(rows(schoolsOnly)).extracting(AuditRow::action).containsExactly("启用", "停用", "新建");
        assertThat(rows(schoolsOnly)).extracting(AuditRow::object).containsOnly("学校 " + school);
        assertThat(schoolsOnly.value("entityType")).isEqualTo("SCHOOL");

        assertThat(rows(audit("actor", admin.login(), "entityType", "OFFICE")))
                .extracting(AuditRow::action, AuditRow::object).containsExactly(tuple("新建", "股室 " + office));

        var deactivations = audit("actor", admin.login(), "action", "DEACTIVATE");
        assertThat(rows(deactivations)).extracting(AuditRow::action, AuditRow::object)
                .containsExactly(tuple("停用", "学校 " + school));
        assertThat(deactivations.value("action")).isEqualTo("DEACTIVATE");

        assertThat(rows(audit("actor", admin.login(), "entityType", "USER"))).isEmpty();
        assertThat(rows(audit("actor", admin.login()))).hasSize(4);
    }

    @Test
    void filtersByDatesInTheBureausTimeZone() throws Exception {
        var lastOfFebruary = createSchoolAt("2024-02-29T15:30:00Z");
        var firstOfMarch = createSchoolAt("2024-02-29T16:30:00Z");
        var lastOfMarch = createSchoolAt("2024-03-31T15:30:00Z");
        var firstOfApril = createSchoolAt("2024-03-31T16:10:00Z");

        var march = rows(audit("actor", admin.login(), "from", "2024-03-01", "to", "2024-03-31"));

        assertThat(march).extracting(AuditRow::object).containsExactly("学校 " + lastOfMarch, "学校 " + firstOfMarch);
        assertThat(march).extracting(AuditRow::time).containsExactly("2024年3月31日 23:30", "2024年3月1日 00:30");
        assertThat(rows(audit("actor", admin.login(), "from", "2024-04-01")))
                .extracting(AuditRow::object).containsExactly("学校 " + firstOfApril);
        assertThat(rows(audit("actor", admin.login(), "to", "2024-02-29")))
                .extracting(AuditRow::object).containsExactly("学校 " + lastOfFebruary);
        assertThat(rows(audit("actor", admin.login(), "from", "2024-03-01", "to", "2024-03-01")))
                .extracting(AuditRow::object).containsExactly("学校 " + firstOfMarch);
    }

    @Test
    void pagesFiftyEntriesAtATimeNewestFirst() throws Exception {
        var names = IntStream.rangeClosed(1, AuditQueries.PAGE_SIZE + 5).mapToObj(i -> unique("分页小学")).toList();
        var lines = new ArrayList<String>(List.of("学校名称,学校类型,所属乡镇"));
        names.forEach(name -> lines.add(name + ",小学,分页镇"));
        var preview = admin.upload("/admin/schools/import", "学校.csv", csv(lines.toArray(String[]::new)));
        admin.post("/admin/schools/import/confirm", "token", token(preview)).andExpect(redirectedUrl("/admin/schools"));

        var first = audit("actor", admin.login());

        assertThat(first.text()).contains("共 55 条记录", "第 1 页，共 2 页");
        assertThat(rows(first)).extracting(AuditRow::object)
                .containsExactlyElementsOf(newestFirst(names.subList(5, 55)));
        assertThat(first.one("li:has(a:contains(上一页))").hasClass("disabled")).isTrue();
        var next = first.one("a.page-link:contains(下一页)").attr("href");
        assertThat(next).contains("actor=" + admin.login(), "page=1");

        var second = admin.page(next);

        assertThat(second.text()).contains("第 2 页，共 2 页");
        assertThat(rows(second)).extracting(AuditRow::object).containsExactlyElementsOf(newestFirst(names.subList(0, 5)));
        assertThat(second.one("li:has(a:contains(下一页))").hasClass("disabled")).isTrue();
    }

    @Test
    void isForAdministratorsOnly() throws Exception {
        browsers.as(data.user(Role.LEADER)).get("/admin/audit").andExpect(status().isForbidden());
    }

    record AuditRow(String time, String actor, String action, String object, String changes) {
    }

    private Page audit(String... filter) throws Exception {
        var query = new StringBuilder("/admin/audit?");
        for (int i = 0; i < filter.length; i += 2) {
            query.append(filter[i]).append('=').append(filter[i + 1]).append('&');
        }
        return admin.page(query.toString());
    }

    private static List<AuditRow> rows(Page page) {
        return page.all("#audit tbody tr").stream()
                .map(row -> new AuditRow(row.child(0).text(), row.child(1).text(), row.child(2).text(),
                        row.child(3).text(), row.child(4).text()))
                .toList();
    }

    /** How the audit page shows the creation of these schools, created in this order. */
    private static List<String> newestFirst(List<String> schoolNames) {
        var objects = new ArrayList<>(schoolNames.stream().map(name -> "学校 " + name).toList());
        Collections.reverse(objects);
        return objects;
    }

    private static String createSchool(Browser browser) throws Exception {
        var name = unique("日志小学");
        browser.post("/admin/schools", "name", name, "kind", "PRIMARY", "township", "审计镇")
                .andExpect(redirectedUrl("/admin/schools"));
        return name;
    }

    /** A school created by the administrator, its audit entry dated back to the instant. */
    private String createSchoolAt(String instant) throws Exception {
        var name = createSchool(admin);
        int updated = jdbc.update("update audit_event set occurred_at = ? where actor = ? and entity_label = ?",
                OffsetDateTime.parse(instant), admin.login(), name);
        assertThat(updated).isEqualTo(1);
        return name;
    }

    private long schoolId(String name) {
        return schools.list().stream().filter(school -> school.name().equals(name)).findFirst().orElseThrow().id();
    }
}
