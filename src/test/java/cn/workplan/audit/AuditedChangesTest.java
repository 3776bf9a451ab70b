package cn.workplan.audit;

import static cn.workplan.support.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.workplan.account.Role;
import cn.workplan.org.OfficeService;
import cn.workplan.org.OfficeView;
import cn.workplan.org.SchoolService;
import cn.workplan.org.SchoolView;
import cn.workplan.support.Browser;
import cn.workplan.support.Browsers;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every change an administrator makes through the pages leaves one audit entry under their login:
 * creation with the new values, an update with only the fields that changed, deactivation and
 * re-activation. Saving a form unchanged leaves none.
 */
@IntegrationTest
class AuditedChangesTest {

    @Autowired
    Browsers browsers;

    @Autowired
    TestData data;

    @Autowired
    AuditQueries audit;

    @Autowired
    OfficeService offices;

    @Autowired
    SchoolService schools;

    Browser admin;

    @BeforeEach
    void logIn() {
        admin = browsers.as(data.user(Role.ADMIN));
    }

    @Test
    void office() throws Exception {
        var leader = data.user(Role.LEADER);
        var name = unique("审计股");
        var newShortName = unique("审股");
        admin.post("/admin/offices", "name", name, "shortName", name, "leaderUserId", "", "displayOrder", "5")
                .andExpect(redirectedUrl("/admin/offices"));
        long id = officeId(name);

        saveForm("/admin/offices", id, "shortName", newShortName, "leaderUserId", String.valueOf(data.idOf(leader)));
        saveForm("/admin/offices", id);
        setActive("/admin/offices", id, false);
        setActive("/admin/offices", id, true);

        var history = history("OFFICE", id);
        assertThat(history).extracting(AuditEntry::action).containsExactly(
                AuditAction.ACTIVATE, AuditAction.DEACTIVATE, AuditAction.UPDATE, AuditAction.CREATE);
        assertThat(history).allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo(admin.login());
            assertThat(entry.entityLabel()).isEqualTo(name);
        });
        assertThat(history.get(3).changes()).isEqualTo(Map.of(
                "name", created(name), "shortName", created(name), "displayOrder", created("5"), "coordinator", created("false"),
                "active", created("true")));
        assertThat(history.get(2).changes()).as("only the changed fields, people by name").isEqualTo(Map.of(
                "shortName", new FieldChange(name, newShortName), "leader", new FieldChange(null, "测试" + leader)));
        assertThat(history.get(1).changes()).isEqualTo(Map.of("active", new FieldChange("true", "false")));
        assertThat(history.get(0).changes()).isEqualTo(Map.of("active", new FieldChange("false", "true")));
    }

    @Test
    void school() throws Exception {
        var name = unique("审计小学");
        admin.post("/admin/schools", "name", name, "kind", "PRIMARY", "township", "审计镇", "enrolment", "620")
                .andExpect(redirectedUrl("/admin/schools"));
        long id = schoolId(name);

        saveForm("/admin/schools", id, "kind", "JUNIOR_HIGH");
        saveForm("/admin/schools", id);
        saveForm("/admin/schools", id, "name", "  " + name + " ", "township", " 审计镇");
        setActive("/admin/schools", id, false);
        setActive("/admin/schools", id, true);

        var history = history("SCHOOL", id);
        assertThat(history).extracting(AuditEntry::action).containsExactly(
                AuditAction.ACTIVATE, AuditAction.DEACTIVATE, AuditAction.UPDATE, AuditAction.CREATE);
        assertThat(history).extracting(AuditEntry::actor).containsOnly(admin.login());
        assertThat(history.get(3).changes()).isEqualTo(Map.of(
                "name", created(name), "kind", created("小学"), "township", created("审计镇"), "enrolment", created("620"),
                "active", created("true")));
        assertThat(history.get(2).changes()).isEqualTo(Map.of("kind", new FieldChange("小学", "初中")));
        assertThat(history.get(1).changes()).isEqualTo(Map.of("active", new FieldChange("true", "false")));
        assertThat(history.get(0).changes()).isEqualTo(Map.of("active", new FieldChange("false", "true")));
    }

    @Test
    void user() throws Exception {
        var login = unique("audited");
        var officeId = data.office();
        admin.post("/admin/users", "username", login, "password", "chushi-mima-1", "displayName", "审计人",
                "role", "INSPECTOR", "officeId", "", "schoolId", "", "phone", "13800000001", "email", "")
                .andExpect(redirectedUrl("/admin/users"));
        long id = data.idOf(login);

        saveForm("/admin/users", id, "displayName", "审计员", "role", "OFFICE_STAFF", "officeId", String.valueOf(officeId));
        saveForm("/admin/users", id);
        setActive("/admin/users", id, false);
        setActive("/admin/users", id, true);

        var history = history("USER", id);
        assertThat(history).extracting(AuditEntry::action).containsExactly(
                AuditAction.ACTIVATE, AuditAction.DEACTIVATE, AuditAction.UPDATE, AuditAction.CREATE);
        assertThat(history).extracting(AuditEntry::actor).containsOnly(admin.login());
        assertThat(history.get(3).entityLabel()).isEqualTo("审计人 (" + login + ")");
        assertThat(history.get(3).changes()).as("never the password").isEqualTo(Map.of(
                "username", created(login), "displayName", created("审计人"), "role", created("INSPECTOR"),
                "phone", created("13800000001"), "active", created("true")));
        assertThat(history.get(2).changes()).isEqualTo(Map.of(
                "displayName", new FieldChange("审计人", "审计员"),
                "role", new FieldChange("INSPECTOR", "OFFICE_STAFF"),
                "office", new FieldChange(null, offices.get(officeId).name())));
        assertThat(history.get(1).changes()).isEqualTo(Map.of("active", new FieldChange("true", "false")));
        assertThat(history.get(0).changes()).isEqualTo(Map.of("active", new FieldChange("false", "true")));
        assertThat(history).extracting(AuditEntry::entityLabel).first().isEqualTo("审计员 (" + login + ")");
    }

    @Test
    void settingTheSameActiveStateAgainRecordsNothing() throws Exception {
        long id = data.school();
        setActive("/admin/schools", id, false);
        setActive("/admin/schools", id, false);

        assertThat(history("SCHOOL", id)).extracting(AuditEntry::action)
                .containsExactly(AuditAction.DEACTIVATE, AuditAction.CREATE);
    }

    /** Opens the record's edit form, changes the given fields (name/value pairs) and saves it. */
    private void saveForm(String listUrl, long id, String... changes) throws Exception {
        var form = admin.page(listUrl + "/{id}/edit", id).form();
        for (int i = 0; i < changes.length; i += 2) {
            form.set(changes[i], changes[i + 1]);
        }
        admin.submit(form).andExpect(redirectedUrl(listUrl));
    }

    private void setActive(String listUrl, long id, boolean active) throws Exception {
        admin.post(listUrl + "/" + id + "/active", "active", String.valueOf(active)).andExpect(redirectedUrl(listUrl));
    }

    private List<AuditEntry> history(String entityType, long id) {
        return audit.history(entityType, id, 20);
    }

    private static FieldChange created(String value) {
        return new FieldChange(null, value);
    }

    private long officeId(String name) {
        return offices.list().stream().filter(office -> office.name().equals(name)).findFirst().map(OfficeView::id).orElseThrow();
    }

    private long schoolId(String name) {
        return schools.list().stream().filter(school -> school.name().equals(name)).findFirst().map(SchoolView::id).orElseThrow();
    }
}
