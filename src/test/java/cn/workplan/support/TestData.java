package cn.workplan.support;

import java.util.concurrent.atomic.AtomicInteger;

import cn.workplan.account.AccountService;
import cn.workplan.account.Role;
import cn.workplan.account.UserData;
import cn.workplan.account.UserFilter;
import cn.workplan.org.OfficeData;
import cn.workplan.org.OfficeService;
import cn.workplan.org.SchoolData;
import cn.workplan.org.SchoolKind;
import cn.workplan.org.SchoolService;

import org.springframework.boot.test.context.TestComponent;

/**
 * Makes directory records with names no other test uses, through the real services (so they are
 * audited like any other). Import with {@code @Import(TestData.class)} or use {@link IntegrationTest}.
 */
@TestComponent
public class TestData {

    public static final String PASSWORD = "test-password-1";

    private static final AtomicInteger sequence = new AtomicInteger();

    private final OfficeService offices;
    private final SchoolService schools;
    private final AccountService accounts;

    public TestData(OfficeService offices, SchoolService schools, AccountService accounts) {
        this.offices = offices;
        this.schools = schools;
        this.accounts = accounts;
    }

    public static String unique(String prefix) {
        return prefix + sequence.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100000, 36);
    }

    public long office() {
        var name = unique("测试股");
        return office(name, name);
    }

    public long office(String name, String shortName) {
        return offices.create(new OfficeData(name, shortName, null, null, 0, false, null));
    }

    public long school() {
        return school(unique("测试小学"));
    }

    public long school(String name) {
        return schools.create(new SchoolData(name, SchoolKind.PRIMARY, "测试镇", null));
    }

    /** A new account of the role (with an office or school where the role needs one); returns its login. */
    public String user(Role role) {
        Long officeId = role == Role.OFFICE_STAFF ? office() : null;
        Long schoolId = role == Role.PRINCIPAL ? school() : null;
        return user(role, officeId, schoolId);
    }

    public String user(Role role, Long officeId, Long schoolId) {
        return user(unique("u"), role, officeId, schoolId);
    }

    public String user(String login, Role role, Long officeId, Long schoolId) {
        accounts.create(new UserData(login, PASSWORD, "测试" + login, role, officeId, schoolId, "", "", null));
        return login;
    }

    /** The id of the account with this login. */
    public long idOf(String login) {
        return accounts.list(new UserFilter(login, null, null, null)).stream()
                .filter(user -> user.username().equals(login))
                .findFirst().orElseThrow().id();
    }
}
