package cn.workplan.admin;

import static cn.workplan.support.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.AccountService;
import cn.workplan.account.Role;
import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditEntry;
import cn.workplan.audit.AuditQueries;
import cn.workplan.org.OfficeService;
import cn.workplan.org.SchoolKind;
import cn.workplan.org.SchoolService;
import cn.workplan.support.Browser;
import cn.workplan.support.Browsers;
import cn.workplan.support.Form;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.Page;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two administrators open the same record's edit form; the first saves. The second is told that
 * someone else saved in between, keeps what they typed, sees what is saved now, and overwrites
 * nothing until they save again.
 */
@IntegrationTest
class StaleEditTest {

    static final String STALE_EDIT = "保存失败：在您编辑期间，其他人已修改并保存了这条记录。为避免覆盖对方的修改，"
            + "您的内容尚未保存；请对照下方的最新内容，确认后再次保存。";

    @Autowired
    Browsers browsers;

    @Autowired
    TestData data;

    @Autowired
    SchoolService schools;

    @Autowired
    OfficeService offices;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditQueries audit;

    Browser first;
    Browser second;

    @BeforeEach
    void twoAdministrators() {
        first = browsers.as(data.user(Role.ADMIN));
        second = browsers.as(data.user(Role.ADMIN));
    }

    @Test
    void school() throws Exception {
        long id = data.school();
        var name = schools.get(id).name();
        var secondName = unique("乙改小学");
        var forms = openTwice("/admin/schools/{id}/edit", id);
        first.submit(forms.first().set("township", "甲镇")).andExpect(redirectedUrl("/admin/schools"));

        var refused = refused(forms.second().set("name", secondName).set("kind", "JUNIOR_HIGH").set("township", "乙镇"));

        assertThat(refused.value("name")).isEqualTo(secondName);
        assertThat(refused.value("kind")).isEqualTo("JUNIOR_HIGH");
        assertThat(refused.value("township")).isEqualTo("乙镇");
        assertThat(refused.text()).contains("当前已保存的内容：" + name + "（甲镇）");
        var saved = schools.get(id);
        assertThat(saved.name()).isEqualTo(name);
        assertThat(saved.kind()).isEqualTo(SchoolKind.PRIMARY);
        assertThat(saved.township()).isEqualTo("甲镇");
        assertThat(updatesOf("SCHOOL", id)).extracting(AuditEntry::actor).containsExactly(first.login());

        second.submit(refused.form()).andExpect(redirectedUrl("/admin/schools"));

        assertThat(schools.get(id).township()).as("saved after comparing").isEqualTo("乙镇");
        assertThat(schools.get(id).name()).isEqualTo(secondName);
    }

    @Test
    void office() throws Exception {
        long id = data.office();
        var name = offices.get(id).name();
        var firstShortName = unique("甲简");
        var secondName = unique("乙改股");
        var forms = openTwice("/admin/offices/{id}/edit", id);
        first.submit(forms.first().set("shortName", firstShortName)).andExpect(redirectedUrl("/admin/offices"));

        var refused = refused(forms.second().set("name", secondName).set("displayOrder", "42"));

        assertThat(refused.value("name")).isEqualTo(secondName);
        assertThat(refused.value("displayOrder")).isEqualTo("42");
        assertThat(refused.text()).contains("当前已保存的内容：" + name + "（" + firstShortName + "）");
        var saved = offices.get(id);
        assertThat(saved.name()).isEqualTo(name);
        assertThat(saved.shortName()).isEqualTo(firstShortName);
        assertThat(saved.displayOrder()).isZero();
        assertThat(updatesOf("OFFICE", id)).extracting(AuditEntry::actor).containsExactly(first.login());

        second.submit(refused.form()).andExpect(redirectedUrl("/admin/offices"));

        assertThat(offices.get(id).name()).as("saved after comparing").isEqualTo(secondName);
    }

    @Test
    void user() throws Exception {
        long id = data.idOf(data.user(Role.INSPECTOR));
        var forms = openTwice("/admin/users/{id}/edit", id);
        first.submit(forms.first().set("displayName", "甲改名")).andExpect(redirectedUrl("/admin/users"));

        var refused = refused(forms.second().set("displayName", "乙改名").set("phone", "13900000002"));

        assertThat(refused.value("displayName")).isEqualTo("乙改名");
        assertThat(refused.value("phone")).isEqualTo("13900000002");
        assertThat(refused.text()).contains("当前已保存的内容：甲改名（督学）");
        var saved = accounts.get(id);
        assertThat(saved.displayName()).isEqualTo("甲改名");
        assertThat(saved.phone()).isNull();
        assertThat(updatesOf("USER", id)).extracting(AuditEntry::actor).containsExactly(first.login());

        second.submit(refused.form()).andExpect(redirectedUrl("/admin/users"));

        assertThat(accounts.get(id).phone()).as("saved after comparing").isEqualTo("13900000002");
    }

    record Forms(Form first, Form second) {
    }

    /** Both administrators open the edit form, on the same version of the record. */
    private Forms openTwice(String editUrl, long id) throws Exception {
        var forms = new Forms(first.page(editUrl, id).form(), second.page(editUrl, id).form());
        assertThat(forms.second().get("version")).isNotBlank().isEqualTo(forms.first().get("version"));
        return forms;
    }

    /** The second administrator saves; the form comes back with the conflict message and nothing else wrong. */
    private Page refused(Form form) throws Exception {
        var page = Page.of(second.submit(form));
        assertThat(page.globalErrors()).containsExactly(STALE_EDIT);
        assertThat(page.invalidFields()).isEmpty();
        return page;
    }

    private List<AuditEntry> updatesOf(String entityType, long id) {
        return audit.history(entityType, id, 20).stream().filter(entry -> entry.action() == AuditAction.UPDATE).toList();
    }
}
