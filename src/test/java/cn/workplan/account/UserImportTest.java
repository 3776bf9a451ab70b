package cn.workplan.account;

import static cn.workplan.support.ImportPreviews.problemsByLine;
import static cn.workplan.support.ImportPreviews.token;
import static cn.workplan.support.Spreadsheets.csv;
import static cn.workplan.support.Spreadsheets.xlsx;
import static cn.workplan.support.TestData.unique;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.org.OfficeService;
import cn.workplan.support.Browser;
import cn.workplan.support.Browsers;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.Page;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** An administrator imports accounts from a spreadsheet: check first, then confirm; all rows or none. */
@IntegrationTest
class UserImportTest {

    private static final String HEADER = "姓名,登录名,角色,所属股室,所属学校,手机,邮箱,初始密码";
    private static final String DEFAULT_PASSWORD = "chushi-mima-1";

    @Autowired
    Browsers browsers;

    @Autowired
    TestData data;

    @Autowired
    OfficeService offices;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    Browser admin;
    String officeName;
    String officeShortName;
    long officeId;
    String schoolName;
    long schoolId;

    @BeforeEach
    void setUp() {
        admin = browsers.as(data.user(Role.ADMIN));
        officeName = unique("导入测试股");
        officeShortName = unique("导测股");
        officeId = data.office(officeName, officeShortName);
        schoolName = unique("导入测试小学");
        schoolId = data.school(schoolName);
    }

    @Test
    void importsEveryRowOfAGoodFile() throws Exception {
        var logins = List.of(unique("zhang"), unique("li"), unique("wang"), unique("zhao"));
        var preview = upload(xlsx(HEADER,
                "张伟," + logins.get(0) + ",股室人员," + officeName + ",,13800000001,,",
                "李娜," + logins.get(1) + ",科室人员," + officeShortName + ",,,li@example.cn,",
                "王芳," + logins.get(2) + ",校长,," + schoolName + ",,,ziji-mima-99",
                "赵强," + logins.get(3) + ",督学,,,,,"), DEFAULT_PASSWORD);
        assertThat(Page.of(preview).text()).contains("全部 4 行检查通过。");
        assertThat(preview.andReturn().getResponse().getContentAsString(UTF_8))
                .as("the preview shows no password").doesNotContain("ziji-mima-99", DEFAULT_PASSWORD);
        assertThat(countAccounts(logins)).as("nothing is saved before the confirmation").isZero();

        var confirmed = admin.post("/admin/users/import/confirm", "token", token(preview))
                .andExpect(redirectedUrl("/admin/users"));

        assertThat(admin.follow(confirmed).text()).contains("已导入 4 个账号。");
        assertThat(jdbc.queryForList("select username || ' ' || role || ' ' || coalesce(office_id, 0) || ' '"
                + " || coalesce(school_id, 0) || ' ' || coalesce(phone, '-') || ' ' || coalesce(email, '-')"
                + " from app_user where username = any(?) order by id", String.class, (Object) array(logins)))
                .containsExactly(
                        logins.get(0) + " OFFICE_STAFF " + officeId + " 0 13800000001 -",
                        logins.get(1) + " OFFICE_STAFF " + officeId + " 0 - li@example.cn",
                        logins.get(2) + " PRINCIPAL 0 " + schoolId + " - -",
                        logins.get(3) + " INSPECTOR 0 0 - -");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'USER'"
                + " and action = 'CREATE' and actor = ?", Integer.class, admin.login())).isEqualTo(4);
        mvc.perform(formLogin().user(logins.get(0)).password(DEFAULT_PASSWORD)).andExpect(authenticated());
        mvc.perform(formLogin().user(logins.get(2)).password("ziji-mima-99")).andExpect(authenticated());
    }

    @Test
    void showsTheProblemsOfEveryBadRowAndOffersNoConfirmation() throws Exception {
        var taken = data.user(Role.INSPECTOR);
        var twice = unique("dup");
        var good = unique("good");
        int before = countAllAccounts();

        var preview = upload(csv(HEADER,
                "好人," + good + ",督学,,,,,",
                "甲," + unique("jia") + ",校工,,,,,",
                "乙," + unique("yi") + ",股室人员,不存在的股,,,,",
                "丙," + twice + ",督学,,,,,",
                "丁," + twice.toUpperCase() + ",督学,,,,,",
                "戊," + taken + ",督学,,,,,",
                "己," + unique("ji") + ",督学,,,,,123",
                "庚," + unique("geng") + ",校长,,不存在的学校,,,",
                "辛,x y,督学,,,,,"), DEFAULT_PASSWORD)
                .andExpect(model().attributeDoesNotExist("token"));

        var page = Page.of(preview);
        assertThat(page.text()).contains("9 行中有 7 行存在问题");
        assertThat(page.has("#confirm-import")).isFalse();
        assertThat(problemsByLine(page)).containsExactly(
                Map.entry(2, ""),
                Map.entry(3, "无法识别的角色“校工”。"),
                Map.entry(4, "找不到启用的股室“不存在的股”。"),
                Map.entry(5, ""),
                Map.entry(6, "“" + twice.toUpperCase() + "”在文件中重复出现。"),
                Map.entry(7, "该登录名已被使用。"),
                Map.entry(8, "密码至少需要 8 个字符。"),
                Map.entry(9, "找不到启用的学校“不存在的学校”。"),
                Map.entry(10, "登录名只能包含字母、数字和 _ . @ -，长度 2–40。"));
        assertThat(countAllAccounts()).isEqualTo(before);
    }

    @Test
    void rowsWithoutAPasswordNeedAGoodDefaultPassword() throws Exception {
        var page = Page.of(upload(csv(HEADER,
                "张三," + unique("zs") + ",督学,,,,,",
                "李四," + unique("ls") + ",督学,,,,,ziji-mima-99"), "short"));

        assertThat(problemsByLine(page)).containsExactly(Map.entry(2, "密码至少需要 8 个字符。"), Map.entry(3, ""));
    }

    @Test
    void doesNotOfferInactiveOffices() throws Exception {
        admin.post("/admin/offices/" + officeId + "/active", "active", "false").andExpect(redirectedUrl("/admin/offices"));

        var page = Page.of(upload(csv(HEADER, "张三," + unique("zs") + ",股室人员," + officeName + ",,,,"), DEFAULT_PASSWORD));

        assertThat(problemsByLine(page)).containsExactly(Map.entry(2, "找不到启用的股室“" + officeName + "”。"));
    }

    @Test
    void importsNothingWhenALoginOfTheFileWasTakenSinceThePreview() throws Exception {
        var logins = List.of(unique("first"), unique("taken"), unique("last"));
        var preview = upload(csv(HEADER,
                "甲," + logins.get(0) + ",督学,,,,,", "乙," + logins.get(1) + ",督学,,,,,", "丙," + logins.get(2) + ",督学,,,,,"),
                DEFAULT_PASSWORD);
        data.user(logins.get(1), Role.INSPECTOR, null, null);

        var refused = admin.post("/admin/users/import/confirm", "token", token(preview))
                .andExpect(redirectedUrl("/admin/users/import"))
                .andExpect(flash().attribute("error", "import.error.changedSincePreview"));

        assertThat(admin.follow(refused).text()).contains("检查之后数据已有变化");
        assertThat(countAccounts(logins)).as("only the account created in between").isEqualTo(1);
        assertThat(auditEntriesBy(admin)).isZero();
    }

    @Test
    void importsNothingWhenAnOfficeOfTheFileWasDeactivatedSinceThePreview() throws Exception {
        var logins = List.of(unique("inspector"), unique("staff"));
        var preview = upload(csv(HEADER,
                "甲," + logins.get(0) + ",督学,,,,,", "乙," + logins.get(1) + ",股室人员," + officeShortName + ",,,,"),
                DEFAULT_PASSWORD);
        offices.setActive(officeId, false);

        admin.post("/admin/users/import/confirm", "token", token(preview))
                .andExpect(flash().attribute("error", "import.error.changedSincePreview"));

        assertThat(countAccounts(logins)).isZero();
    }

    @Test
    void refusesAFileOfTheWrongType() throws Exception {
        var page = Page.of(upload(csv(HEADER, "张三," + unique("zs") + ",督学,,,,,"), "账号.txt", DEFAULT_PASSWORD));

        assertThat(page.one("#file-error").text()).startsWith("只支持 .xlsx 或 .csv 文件");
    }

    @Test
    void refusesAnUnknownToken() throws Exception {
        var page = admin.follow(admin.post("/admin/users/import/confirm", "token", "users:not-a-token")
                .andExpect(redirectedUrl("/admin/users/import")));

        assertThat(page.text()).contains("检查结果已过期，请重新上传文件。");
    }

    private ResultActions upload(byte[] content, String defaultPassword) throws Exception {
        return upload(content, content[0] == 'P' ? "账号.xlsx" : "账号.csv", defaultPassword);
    }

    private ResultActions upload(byte[] content, String fileName, String defaultPassword) throws Exception {
        return admin.upload("/admin/users/import", fileName, content, "defaultPassword", defaultPassword);
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    private int countAccounts(List<String> logins) {
        return jdbc.queryForObject("select count(*) from app_user where username = any(?)", Integer.class,
                (Object) array(logins));
    }

    private int countAllAccounts() {
        return jdbc.queryForObject("select count(*) from app_user", Integer.class);
    }

    private int auditEntriesBy(Browser browser) {
        return jdbc.queryForObject("select count(*) from audit_event where actor = ?", Integer.class, browser.login());
    }
}
