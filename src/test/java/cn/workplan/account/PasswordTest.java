package cn.workplan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditEntry;
import cn.workplan.audit.AuditQueries;
import cn.workplan.support.Browser;
import cn.workplan.support.Browsers;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.Page;
import cn.workplan.support.SignIn;
import cn.workplan.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** People change their own password; administrators reset others' (lifting a lock) and cannot lock themselves out. */
@IntegrationTest
class PasswordTest {

    static final String NEW_PASSWORD = "xin-mima-2025";

    @Autowired
    Browsers browsers;

    @Autowired
    TestData data;

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditQueries audit;

    @Nested
    class OwnPassword {

        @Test
        void changedWithTheCurrentOne() throws Exception {
            var login = data.user(Role.PRINCIPAL);
            var person = browsers.as(login);
            assertThat(person.page("/account/password").text()).contains("修改密码");

            var changed = person.post("/account/password", "currentPassword", TestData.PASSWORD,
                    "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD).andExpect(redirectedUrl("/"));

            assertThat(person.follow(changed).text()).contains("密码已修改。");
            logIn(login, NEW_PASSWORD).andExpect(authenticated().withUsername(login));
            logIn(login, TestData.PASSWORD).andExpect(unauthenticated());
            assertThat(history(login)).first().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo(AuditAction.CHANGE_PASSWORD);
                assertThat(entry.actor()).isEqualTo(login);
                assertThat(entry.changes()).isEmpty();
            });
        }

        @Test
        void refusedWithAWrongCurrentPassword() throws Exception {
            var login = data.user(Role.INSPECTOR);

            var page = refused(login, "wrong-password", NEW_PASSWORD, NEW_PASSWORD);

            assertThat(page.invalidFields()).containsExactly("currentPassword");
            assertThat(page.fieldError("currentPassword")).isEqualTo("当前密码不正确。");
            logIn(login, TestData.PASSWORD).andExpect(authenticated());
        }

        @Test
        void refusedWhenTheConfirmationDiffers() throws Exception {
            var login = data.user(Role.INSPECTOR);

            var page = refused(login, TestData.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x");

            assertThat(page.invalidFields()).containsExactly("confirmPassword");
            assertThat(page.fieldError("confirmPassword")).isEqualTo("两次输入的新密码不一致。");
            logIn(login, NEW_PASSWORD).andExpect(unauthenticated());
        }

        @Test
        void refusedWhenTheNewOneIsWeak() throws Exception {
            var login = data.user(Role.INSPECTOR);

            assertThat(refused(login, TestData.PASSWORD, "short", "short").fieldError("newPassword"))
                    .isEqualTo("密码至少需要 8 个字符。");
            assertThat(refused(login, TestData.PASSWORD, TestData.PASSWORD, TestData.PASSWORD).fieldError("newPassword"))
                    .isEqualTo("新密码不能与当前密码相同。");
            var longLogin = data.user(TestData.unique("long-login-"), Role.INSPECTOR, null, null);
            assertThat(refused(longLogin, TestData.PASSWORD, longLogin.toUpperCase(), longLogin.toUpperCase())
                    .fieldError("newPassword")).isEqualTo("密码不能与登录名相同。");
        }

        @Test
        void refusedWhenBlank() throws Exception {
            var page = refused(data.user(Role.INSPECTOR), "", "", "");

            assertThat(page.invalidFields()).containsExactlyInAnyOrder("currentPassword", "newPassword", "confirmPassword");
            assertThat(page.fieldError("newPassword")).isEqualTo("此项不能为空。");
        }

        private Page refused(String login, String current, String newPassword, String confirmation) throws Exception {
            return Page.of(browsers.as(login).post("/account/password", "currentPassword", current,
                    "newPassword", newPassword, "confirmPassword", confirmation));
        }
    }

    @Nested
    class Reset {

        @Test
        void byAnAdministratorSetsANewPassword() throws Exception {
            var login = data.user(Role.INSPECTOR);
            long id = data.idOf(login);
            var admin = browsers.as(data.user(Role.ADMIN));
            assertThat(admin.page("/admin/users/{id}/password", id).text()).contains("为 测试" + login + "（" + login + "）设置新密码。");

            var reset = admin.post("/admin/users/" + id + "/password", "newPassword", NEW_PASSWORD)
                    .andExpect(redirectedUrl("/admin/users"));

            assertThat(admin.follow(reset).text()).contains("密码已重置。");
            logIn(login, TestData.PASSWORD).andExpect(unauthenticated());
            logIn(login, NEW_PASSWORD).andExpect(authenticated().withUsername(login));
            assertThat(history(login)).first().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo(AuditAction.RESET_PASSWORD);
                assertThat(entry.actor()).isEqualTo(admin.login());
            });
        }

        @Test
        void refusesAShortPassword() throws Exception {
            var login = data.user(Role.INSPECTOR);
            var admin = browsers.as(data.user(Role.ADMIN));

            var page = Page.of(admin.post("/admin/users/" + data.idOf(login) + "/password", "newPassword", "short"));

            assertThat(page.fieldError("newPassword")).isEqualTo("密码至少需要 8 个字符。");
            logIn(login, TestData.PASSWORD).andExpect(authenticated());
        }
    }

    @Nested
    class Deactivation {

        @Test
        void anAdministratorCannotDeactivateThemself() throws Exception {
            var login = data.user(Role.ADMIN);
            long id = data.idOf(login);
            var admin = browsers.as(login);

            var refused = admin.post("/admin/users/" + id + "/active", "active", "false")
                    .andExpect(redirectedUrl("/admin/users"))
                    .andExpect(flash().attribute("error", "user.error.deactivateSelf"));

            assertThat(admin.follow(refused).text()).contains("不能停用自己的账号。");
            assertThat(accounts.get(id).active()).isTrue();
            assertThat(history(login)).extracting(AuditEntry::action).containsExactly(AuditAction.CREATE);
            logIn(login, TestData.PASSWORD).andExpect(authenticated());
        }

        @Test
        void anotherAdministratorCanBeDeactivatedAndThenCannotLogIn() throws Exception {
            var other = data.user(Role.ADMIN);
            var admin = browsers.as(data.user(Role.ADMIN));

            admin.post("/admin/users/" + data.idOf(other) + "/active", "active", "false")
                    .andExpect(redirectedUrl("/admin/users"))
                    .andExpect(flash().attribute("message", "user.deactivated"));

            logIn(other, TestData.PASSWORD).andExpect(redirectedUrl("/login?disabled"));
        }
    }

    private ResultActions logIn(String login, String password) throws Exception {
        return mvc.perform(SignIn.formLogin(login, password));
    }

    private List<AuditEntry> history(String login) {
        return audit.history("USER", data.idOf(login), 20);
    }
}
