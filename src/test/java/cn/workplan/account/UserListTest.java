package cn.workplan.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.workplan.support.IntegrationTest;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The administrators' account list filters by part of a login or name (case-insensitive; {@code %} and {@code _} are
 * letters, not wildcards), by role, office and school, and lists by role (as stored), then name.
 */
@IntegrationTest
class UserListTest {

    @Autowired
    TestData data;

    @Autowired
    AccountService accounts;

    @Test
    void filtersByTextRoleOfficeAndSchool() {
        var office = data.office();
        var school = data.school();
        var word = TestData.unique("Filter");
        var staff = data.user(word.toLowerCase() + ".b", Role.OFFICE_STAFF, office, null);
        var inspector = data.user(word + ".a", Role.INSPECTOR, null, null);
        var principal = data.user(TestData.unique("p"), Role.PRINCIPAL, null, school);
        var wild = TestData.unique("wild");
        var plain = data.user(wild + "x1", Role.INSPECTOR, null, null);

        assertThat(logins(new UserFilter(word.toUpperCase(), null, null, null))).containsExactly(inspector, staff);
        assertThat(logins(new UserFilter("测试" + word, null, null, null))).containsExactly(inspector, staff);
        assertThat(logins(new UserFilter(word, Role.INSPECTOR, null, null))).containsExactly(inspector);
        assertThat(logins(new UserFilter(null, null, office, null))).containsExactly(staff);
        assertThat(logins(new UserFilter(null, null, null, school))).containsExactly(principal);
        assertThat(logins(new UserFilter(" " + wild + "X1 ", null, null, null))).containsExactly(plain);
        assertThat(logins(new UserFilter(wild + "_1", null, null, null))).isEmpty();
        assertThat(logins(new UserFilter(wild + "%", null, null, null))).isEmpty();
    }

    @Test
    void showsTheNamesOfOfficeAndSchool() {
        var office = data.office();
        var login = data.staffOf(office);

        var listed = accounts.list(new UserFilter(login, null, null, null));

        assertThat(listed).singleElement().satisfies(user -> {
            assertThat(user.username()).isEqualTo(login);
            assertThat(user.displayName()).isEqualTo("测试" + login);
            assertThat(user.role()).isEqualTo(Role.OFFICE_STAFF);
            assertThat(user.officeId()).isEqualTo(office);
            assertThat(user.officeName()).startsWith("测试股");
            assertThat(user.active()).isTrue();
            assertThat(user.loginHeld()).isFalse();
            assertThat(user.version()).isEqualTo(accounts.get(user.id()).version());
        });
    }

    private java.util.List<String> logins(UserFilter filter) {
        return accounts.list(filter).stream().map(UserView::username).toList();
    }
}
