package cn.workplan.admin;

import static cn.workplan.support.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.workplan.account.AccountService;
import cn.workplan.account.Role;
import cn.workplan.org.OfficeService;
import cn.workplan.org.SchoolService;
import cn.workplan.support.Browser;
import cn.workplan.support.Browsers;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.Page;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The administrators' forms refuse bad input: the form comes back with a message beside each bad
 * field (marked {@code is-invalid}), keeps what was typed, and nothing is saved.
 */
@IntegrationTest
class FormValidationTest {

    static final String REQUIRED = "此项不能为空。";

    @Autowired
    Browsers browsers;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    Browser admin;

    @BeforeEach
    void logIn() {
        admin = browsers.as(data.user(Role.ADMIN));
    }

    @Nested
    class School {

        @Autowired
        SchoolService schools;

        @Test
        void blankFields() throws Exception {
            var page = refusedCreate("school", "name", " ", "kind", "", "township", "");

            assertThat(page.invalidFields()).containsExactlyInAnyOrder("name", "kind", "township");
            assertThat(page.fieldError("name")).isEqualTo(REQUIRED);
            assertThat(page.fieldError("kind")).isEqualTo("请选择或填写此项。");
            assertThat(page.fieldError("township")).isEqualTo(REQUIRED);
        }

        @Test
        void oversizedFields() throws Exception {
            var longName = "长".repeat(81);
            var page = refusedCreate("school", "name", longName, "kind", "PRIMARY", "township", "镇".repeat(41));

            assertThat(page.fieldError("name")).isEqualTo("长度须在 0 到 80 之间。");
            assertThat(page.fieldError("township")).isEqualTo("长度须在 0 到 40 之间。");
            assertThat(page.value("name")).isEqualTo(longName);
            assertThat(page.value("kind")).isEqualTo("PRIMARY");
        }

        @Test
        void anEnrolmentOutOfRange() throws Exception {
            var negative = refusedCreate("school", "name", "学生数小学", "kind", "PRIMARY", "township", "城关镇", "enrolment", "-5");
            assertThat(negative.invalidFields()).containsExactly("enrolment");
            assertThat(negative.value("enrolment")).isEqualTo("-5");
            var tooMany = refusedCreate("school", "name", "学生数小学", "kind", "PRIMARY", "township", "城关镇", "enrolment", "100001");
            assertThat(tooMany.invalidFields()).containsExactly("enrolment");
            assertThat(negative.fieldError("enrolment")).isEqualTo("不能小于 0。");
            assertThat(tooMany.fieldError("enrolment")).isEqualTo("不能大于 100,000。");
        }

        @Test
        void anUnknownKind() throws Exception {
            var name = unique("小学");
            var page = refusedCreate("school", "name", name, "kind", "UNIVERSITY", "township", "城关镇");

            assertThat(page.invalidFields()).containsExactly("kind");
            assertThat(page.fieldError("kind")).isEqualTo("格式不正确。");
            assertThat(page.value("name")).isEqualTo(name);
        }

        @Test
        void aNameTakenAlready() throws Exception {
            var taken = schools.get(data.school()).name();

            var page = refusedCreate("school", "name", taken, "kind", "PRIMARY", "township", "城关镇");

            assertThat(page.invalidFields()).containsExactly("name");
            assertThat(page.fieldError("name")).isEqualTo("已有同名学校。");
        }

        @Test
        void editsToo() throws Exception {
            var taken = schools.get(data.school()).name();
            long id = data.school();
            var before = schools.get(id);

            var blank = refusedEdit("/admin/schools/{id}/edit", id, "name", "", "township", "新镇");
            assertThat(blank.fieldError("name")).isEqualTo(REQUIRED);
            assertThat(blank.value("township")).isEqualTo("新镇");

            var duplicate = refusedEdit("/admin/schools/{id}/edit", id, "name", taken);
            assertThat(duplicate.fieldError("name")).isEqualTo("已有同名学校。");

            assertThat(schools.get(id)).isEqualTo(before);
        }
    }

    @Nested
    class Office {

        @Autowired
        OfficeService offices;

        @Test
        void blankFields() throws Exception {
            var page = refusedCreate("office", "name", "", "shortName", "  ", "displayOrder", "0");

            assertThat(page.invalidFields()).containsExactlyInAnyOrder("name", "shortName");
            assertThat(page.fieldError("name")).isEqualTo(REQUIRED);
            assertThat(page.fieldError("shortName")).isEqualTo(REQUIRED);
        }

        @Test
        void oversizedAndMalformedFields() throws Exception {
            var page = refusedCreate("office", "name", "股".repeat(61), "shortName", "简".repeat(21), "displayOrder", "-1");

            assertThat(page.fieldError("name")).isEqualTo("长度须在 0 到 60 之间。");
            assertThat(page.fieldError("shortName")).isEqualTo("长度须在 0 到 20 之间。");
            assertThat(page.fieldError("displayOrder")).isEqualTo("不能小于 0。");

            var name = unique("股");
            var notANumber = refusedCreate("office", "name", name, "shortName", unique("简"), "displayOrder", "1.5");
            assertThat(notANumber.invalidFields()).containsExactly("displayOrder");
            assertThat(notANumber.fieldError("displayOrder")).isEqualTo("请输入整数。");
            assertThat(notANumber.value("name")).isEqualTo(name);
        }

        @Test
        void aNameOrShortNameTakenAlready() throws Exception {
            var taken = offices.get(data.office());

            var sameName = refusedCreate("office", "name", taken.name(), "shortName", unique("简"), "displayOrder", "0");
            assertThat(sameName.invalidFields()).containsExactly("name");
            assertThat(sameName.fieldError("name")).isEqualTo("已有同名股室。");

            var sameShortName = refusedCreate("office", "name", unique("股"), "shortName", taken.shortName(), "displayOrder", "0");
            assertThat(sameShortName.invalidFields()).containsExactly("shortName");
            assertThat(sameShortName.fieldError("shortName")).isEqualTo("已有股室使用这个简称。");
        }

        @Test
        void editsToo() throws Exception {
            var taken = offices.get(data.office()).name();
            long id = data.office();
            var before = offices.get(id);

            assertThat(refusedEdit("/admin/offices/{id}/edit", id, "shortName", "").fieldError("shortName")).isEqualTo(REQUIRED);
            assertThat(refusedEdit("/admin/offices/{id}/edit", id, "name", taken).fieldError("name")).isEqualTo("已有同名股室。");

            assertThat(offices.get(id)).isEqualTo(before);
        }
    }

    @Nested
    class User {

        @Autowired
        AccountService accounts;

        @Test
        void blankFields() throws Exception {
            var page = refusedCreate("user", user("username", "", "displayName", " ", "role", ""));

            assertThat(page.invalidFields()).containsExactlyInAnyOrder("displayName", "role");
            assertThat(page.fieldError("displayName")).isEqualTo(REQUIRED);
            assertThat(page.fieldError("role")).isEqualTo("请选择或填写此项。");

            var noLogin = refusedCreate("user", user("username", ""));
            assertThat(noLogin.fieldError("username")).isEqualTo("请填写登录名。");
        }

        @Test
        void oversizedAndMalformedFields() throws Exception {
            var page = refusedCreate("user", user("username", "zhang san", "displayName", "名".repeat(41),
                    "phone", "电话", "email", "not-an-address"));

            assertThat(page.invalidFields()).containsExactlyInAnyOrder("username", "displayName", "phone", "email");
            assertThat(page.fieldError("username")).isEqualTo("登录名只能包含字母、数字和 _ . @ -，长度 2–40。");
            assertThat(page.fieldError("displayName")).isEqualTo("长度须在 0 到 40 之间。");
            assertThat(page.fieldError("phone")).isEqualTo("手机号码格式不正确。");
            assertThat(page.fieldError("email")).isEqualTo("邮箱格式不正确。");
            assertThat(page.value("username")).isEqualTo("zhang san");
        }

        @Test
        void aLoginTakenAlreadyInAnyCase() throws Exception {
            var taken = data.user(Role.INSPECTOR);

            var page = refusedCreate("user", user("username", taken.toUpperCase()));

            assertThat(page.fieldError("username")).isEqualTo("该登录名已被使用。");
        }

        @Test
        void aShortPassword() throws Exception {
            assertThat(refusedCreate("user", user("password", "1234567")).fieldError("password"))
                    .isEqualTo("密码至少需要 8 个字符。");
        }

        @Test
        void officeStaffWithoutAnActiveOffice() throws Exception {
            var page = refusedCreate("user", user("role", "OFFICE_STAFF", "officeId", ""));
            assertThat(page.invalidFields()).containsExactly("officeId");
            assertThat(page.fieldError("officeId")).isEqualTo("股室人员须选择一个启用的股室。");

            long inactive = data.office();
            admin.post("/admin/offices/" + inactive + "/active", "active", "false");
            assertThat(refusedCreate("user", user("role", "OFFICE_STAFF", "officeId", String.valueOf(inactive)))
                    .fieldError("officeId")).isEqualTo("股室人员须选择一个启用的股室。");
        }

        @Test
        void aPrincipalWithoutASchool() throws Exception {
            var page = refusedCreate("user", user("role", "PRINCIPAL", "schoolId", ""));

            assertThat(page.fieldError("schoolId")).isEqualTo("校长/园长须选择一所启用的学校。");
        }

        @Test
        void editsToo() throws Exception {
            long id = data.idOf(data.user(Role.INSPECTOR));
            var before = accounts.get(id);

            var page = refusedEdit("/admin/users/{id}/edit", id, "role", "OFFICE_STAFF", "officeId", "");
            assertThat(page.fieldError("officeId")).isEqualTo("股室人员须选择一个启用的股室。");
            assertThat(page.value("role")).isEqualTo("OFFICE_STAFF");
            assertThat(refusedEdit("/admin/users/{id}/edit", id, "displayName", "").fieldError("displayName")).isEqualTo(REQUIRED);

            assertThat(accounts.get(id)).isEqualTo(before);
        }

        /** A good new account's fields, with the given ones changed. */
        private String[] user(String... changes) {
            var fields = new LinkedHashMap<String, String>();
            fields.put("username", unique("valid"));
            fields.put("password", "chushi-mima-1");
            fields.put("displayName", "张三");
            fields.put("role", "INSPECTOR");
            fields.put("officeId", "");
            fields.put("schoolId", "");
            fields.put("phone", "");
            fields.put("email", "");
            for (int i = 0; i < changes.length; i += 2) {
                fields.put(changes[i], changes[i + 1]);
            }
            return fields.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue()))
                    .toArray(String[]::new);
        }
    }

    /** Posts a new record's form; it must come back, and no record of the kind be added. */
    private Page refusedCreate(String kind, String... fields) throws Exception {
        var table = kind.equals("user") ? "app_user" : kind;
        int before = count(table);
        var page = Page.of(admin.post("/admin/" + kind + "s", fields));
        assertThat(page.invalidFields()).as("fields marked invalid").isNotEmpty();
        assertThat(count(table)).as("%s rows", table).isEqualTo(before);
        return page;
    }

    /** Opens the edit form, changes the given fields and saves; it must come back. */
    private Page refusedEdit(String editUrl, long id, String... changes) throws Exception {
        var form = admin.page(editUrl, id).form();
        for (int i = 0; i < changes.length; i += 2) {
            form.set(changes[i], changes[i + 1]);
        }
        var page = Page.of(admin.submit(form));
        assertThat(page.invalidFields()).as("fields marked invalid").isNotEmpty();
        return page;
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
