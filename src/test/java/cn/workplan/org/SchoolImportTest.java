package cn.workplan.org;

import static cn.workplan.support.ImportPreviews.problemsByLine;
import static cn.workplan.support.ImportPreviews.token;
import static cn.workplan.support.Spreadsheets.csv;
import static cn.workplan.support.Spreadsheets.xlsx;
import static cn.workplan.support.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.system.table.ImportProperties;
import cn.workplan.system.table.ImportSlots;
import cn.workplan.support.Browser;
import cn.workplan.support.Browsers;
import cn.workplan.support.HeldImportSlots;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.Page;
import cn.workplan.support.Spreadsheets;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;

/** An administrator imports schools from a spreadsheet: check first, then confirm; all rows or none. */
@IntegrationTest
class SchoolImportTest {

    private static final String HEADER = "学校名称,学校类型,所属乡镇";

    @Autowired
    Browsers browsers;

    @Autowired
    TestData data;

    @Autowired
    SchoolService schools;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImportSlots slots;

    @Autowired
    ImportProperties properties;

    Browser admin;

    @BeforeEach
    void logIn() {
        admin = browsers.as(data.user(Role.ADMIN));
    }

    @Test
    void importsEveryRowOfAGoodFileWithOneAuditEntryEach() throws Exception {
        var names = List.of(unique("导入小学"), unique("导入幼儿园"), unique("导入初中"));
        var preview = admin.upload("/admin/schools/import", "学校.xlsx", xlsx(HEADER,
                names.get(0) + ",小学,城关镇", names.get(1) + ",幼儿园,青山乡", names.get(2) + ",初级中学,青山乡"));

        var page = Page.of(preview);
        assertThat(page.text()).contains("全部 3 行检查通过。");
        assertThat(page.one("#confirm-import").text()).isEqualTo("确认导入 3 行");
        assertThat(page.one("#import-preview input[name=token]").val()).isEqualTo(token(preview));
        assertThat(countSchools(names)).as("nothing is saved before the confirmation").isZero();

        var confirmed = admin.post("/admin/schools/import/confirm", "token", token(preview))
                .andExpect(redirectedUrl("/admin/schools"));

        assertThat(admin.follow(confirmed).text()).contains("已导入 3 所学校。");
        assertThat(schools.list()).filteredOn(school -> names.contains(school.name()))
                .extracting(SchoolView::name, SchoolView::kind, SchoolView::township, SchoolView::active)
                .containsExactlyInAnyOrder(
                        tuple(names.get(0), SchoolKind.PRIMARY, "城关镇", true),
                        tuple(names.get(1), SchoolKind.KINDERGARTEN, "青山乡", true),
                        tuple(names.get(2), SchoolKind.JUNIOR_HIGH, "青山乡", true));
        assertThat(jdbc.queryForList("""
                select s.name from audit_event a join school s on s.id = a.entity_id
                 where a.entity_type = 'SCHOOL' and a.action = 'CREATE' and a.actor = ? and s.name = any(?)""",
                String.class, admin.login(), names.toArray(String[]::new)))
                .containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void importsACsvSavedByExcelOnChineseWindows() throws Exception {
        var name = unique("国标小学");
        var preview = admin.upload("/admin/schools/import", "学校.csv",
                csv(Charset.forName("GB18030"), "学校名称*,类型,乡镇（街道）", name + ",九年一贯制学校,城关镇"));

        admin.post("/admin/schools/import/confirm", "token", token(preview)).andExpect(redirectedUrl("/admin/schools"));

        assertThat(schools.list()).filteredOn(school -> school.name().equals(name)).singleElement()
                .satisfies(school -> assertThat(school.kind()).isEqualTo(SchoolKind.NINE_YEAR));
    }

    @Test
    void readsTheEnrolmentWhenTheFileHasIt() throws Exception {
        var counted = unique("有学生数小学");
        var uncounted = unique("无学生数小学");
        var bad = unique("学生数有误小学");
        var header = "学校名称,学校类型,所属乡镇,在校生数";
        var refused = Page.of(admin.upload("/admin/schools/import", "学校.csv",
                csv(header, counted + ",小学,城关镇,\"1,250\"", uncounted + ",小学,城关镇,", bad + ",小学,城关镇,-3")));
        assertThat(problemsByLine(refused)).containsEntry(4, "在校生数“-3”须为 0 到 100,000 之间的整数。");

        var preview = admin.upload("/admin/schools/import", "学校.csv", csv(header, counted + ",小学,城关镇,\"1,250\"", uncounted + ",小学,城关镇,"));
        admin.post("/admin/schools/import/confirm", "token", token(preview)).andExpect(redirectedUrl("/admin/schools"));

        assertThat(schools.list()).filteredOn(school -> school.name().equals(counted)).singleElement()
                .satisfies(school -> assertThat(school.enrolment()).isEqualTo(1250));
        assertThat(schools.list()).filteredOn(school -> school.name().equals(uncounted)).singleElement()
                .satisfies(school -> assertThat(school.enrolment()).isNull());
    }

    @Test
    void showsTheProblemsOfEveryBadRowAndOffersNoConfirmation() throws Exception {
        var taken = unique("已有小学");
        data.school(taken);
        var good = unique("好小学");
        var twice = unique("重复小学");
        int before = countAllSchools();

        var preview = admin.upload("/admin/schools/import", "学校.xlsx", xlsx(HEADER,
                good + ",小学,城关镇",
                unique("大学") + ",大学,城关镇",
                ",小学,城关镇",
                twice + ",小学,城关镇",
                twice + ",初中,城关镇",
                taken + ",小学,城关镇",
                unique("无乡镇小学") + ",小学,"))
                .andExpect(model().attributeDoesNotExist("token"));

        var page = Page.of(preview);
        assertThat(page.text()).contains("7 行中有 5 行存在问题，请修改文件后重新上传。未导入任何数据。");
        assertThat(page.has("#confirm-import")).isFalse();
        assertThat(page.has("#import-preview input[name=token]")).isFalse();
        assertThat(problemsByLine(page)).containsExactly(
                Map.entry(2, ""),
                Map.entry(3, "无法识别的学校类型“大学”。"),
                Map.entry(4, "“学校名称”不能为空。"),
                Map.entry(5, ""),
                Map.entry(6, "“" + twice + "”在文件中重复出现。"),
                Map.entry(7, "已有同名学校。"),
                Map.entry(8, "“所属乡镇”不能为空。"));
        assertThat(page.all("#import-preview tbody tr.table-danger")).hasSize(5);
        assertThat(countAllSchools()).isEqualTo(before);
    }

    @Test
    void refusesAFileOfTheWrongTypeWithAMessageInChinese() throws Exception {
        int before = countAllSchools();

        var page = Page.of(admin.upload("/admin/schools/import", "学校.xls", xlsx(HEADER, unique("小学") + ",小学,城关镇")));

        assertThat(page.one("#file-error").text())
                .isEqualTo("只支持 .xlsx 或 .csv 文件，请另存为 Excel 工作簿（.xlsx）或 CSV 后再上传。");
        assertThat(page.has("#import-preview")).isFalse();
        assertThat(countAllSchools()).isEqualTo(before);
    }

    @Test
    void refusesASheetOf400000RowsAtOnce() throws Exception {
        var xlsx = Spreadsheets.manyRows(400_000);
        long start = System.nanoTime();

        var page = Page.of(admin.upload("/admin/schools/import", "学校.xlsx", xlsx));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused before its rows are read").isLessThan(Duration.ofSeconds(5));
        assertThat(page.one("#file-error").text()).isEqualTo("一次最多导入 2,000 行，请拆分后分批导入。");
    }

    @Test
    void whileOtherFilesAreReadAskToTryAgainInAMoment() throws Exception {
        var name = unique("稍后小学");
        var csv = csv(HEADER, name + ",小学,城关镇");
        try (var held = HeldImportSlots.hold(slots, properties.maxConcurrent(), new CountDownLatch(1))) {
            var page = Page.of(admin.upload("/admin/schools/import", "学校.csv", csv));

            assertThat(page.one("#file-error").text()).isEqualTo("服务器正在处理其他文件的导入，请稍等片刻再上传。");
        }
        assertThat(Page.of(admin.upload("/admin/schools/import", "学校.csv", csv)).text()).contains("全部 1 行检查通过。");
    }

    @Test
    void namesTheMissingColumns() throws Exception {
        var page = Page.of(admin.upload("/admin/schools/import", "学校.csv", csv("学校名称,备注", "城关镇第一小学,")));

        assertThat(page.one("#file-error").text()).isEqualTo("缺少必需的列：学校类型、所属乡镇。请使用导入模板。");
    }

    @Test
    void refusesAnEmptyUpload() throws Exception {
        var page = Page.of(admin.upload("/admin/schools/import", "学校.xlsx", new byte[0]));

        assertThat(page.one("#file-error").text()).isEqualTo("文件是空的，没有可导入的内容。");
    }

    @Test
    void importsNothingWhenASchoolOfTheFileWasCreatedSinceThePreview() throws Exception {
        var names = List.of(unique("先导小学"), unique("抢先小学"), unique("后导小学"));
        var preview = admin.upload("/admin/schools/import", "学校.csv", csv(HEADER,
                names.get(0) + ",小学,城关镇", names.get(1) + ",小学,城关镇", names.get(2) + ",小学,城关镇"));
        data.school(names.get(1));

        var refused = admin.post("/admin/schools/import/confirm", "token", token(preview))
                .andExpect(redirectedUrl("/admin/schools/import"))
                .andExpect(flash().attribute("error", "import.error.changedSincePreview"));

        assertThat(admin.follow(refused).text())
                .contains("检查之后数据已有变化（例如有人新增了同名记录），未导入任何数据。请重新上传检查。");
        assertThat(countSchools(names)).as("only the school created in between").isEqualTo(1);
        assertThat(auditEntriesBy(admin)).isZero();
    }

    @Test
    void aTokenWorksOnceOnly() throws Exception {
        var name = unique("一次小学");
        var token = token(admin.upload("/admin/schools/import", "学校.csv", csv(HEADER, name + ",小学,城关镇")));
        admin.post("/admin/schools/import/confirm", "token", token).andExpect(redirectedUrl("/admin/schools"));

        var again = admin.post("/admin/schools/import/confirm", "token", token)
                .andExpect(redirectedUrl("/admin/schools/import"))
                .andExpect(flash().attribute("error", "import.error.expired"));

        assertThat(admin.follow(again).text()).contains("检查结果已过期，请重新上传文件。");
        assertThat(countSchools(List.of(name))).isEqualTo(1);
    }

    @Test
    void refusesUnknownTokensAndTokensOfSomeoneElse() throws Exception {
        var name = unique("他人小学");
        var othersToken = token(admin.upload("/admin/schools/import", "学校.csv", csv(HEADER, name + ",小学,城关镇")));
        var someoneElse = browsers.as(data.user(Role.ADMIN));

        for (var token : List.of("schools:00000000-0000-0000-0000-000000000000", "nonsense", "", othersToken)) {
            someoneElse.post("/admin/schools/import/confirm", "token", token)
                    .andExpect(redirectedUrl("/admin/schools/import"))
                    .andExpect(flash().attribute("error", "import.error.expired"));
        }
        assertThat(countSchools(List.of(name))).isZero();
    }

    @Test
    void refusesATokenOfAnotherKindOfImport() throws Exception {
        var preview = admin.upload("/admin/users/import", "账号.csv", csv("姓名,登录名,角色", "张三," + unique("zs") + ",督学"),
                "defaultPassword", "chushi-mima-1");

        admin.post("/admin/schools/import/confirm", "token", token(preview))
                .andExpect(flash().attribute("error", "import.error.expired"));
    }

    @Test
    void isForAdministratorsOnly() throws Exception {
        var staff = browsers.as(data.user(Role.OFFICE_STAFF));

        staff.upload("/admin/schools/import", "学校.csv", csv(HEADER, unique("越权小学") + ",小学,城关镇"))
                .andExpect(status().isForbidden());
    }

    private int countSchools(List<String> names) {
        return jdbc.queryForObject("select count(*) from school where name = any(?)", Integer.class,
                (Object) names.toArray(String[]::new));
    }

    private int countAllSchools() {
        return jdbc.queryForObject("select count(*) from school", Integer.class);
    }

    private int auditEntriesBy(Browser browser) {
        return jdbc.queryForObject("select count(*) from audit_event where actor = ?", Integer.class, browser.login());
    }
}
