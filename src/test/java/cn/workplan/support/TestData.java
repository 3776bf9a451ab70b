package cn.workplan.support;

import java.util.concurrent.atomic.AtomicInteger;

import cn.workplan.account.AccountService;
import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.account.UserData;
import cn.workplan.account.UserFilter;
import cn.workplan.org.OfficeData;
import cn.workplan.org.OfficeService;
import cn.workplan.org.SchoolData;
import cn.workplan.org.SchoolKind;
import cn.workplan.org.SchoolService;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.core.userdetails.UserDetailsService;

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
    private final UserDetailsService userDetails;

    public TestData(OfficeService offices, SchoolService schools, AccountService accounts, UserDetailsService userDetails) {
        this.offices = offices;
        this.schools = schools;
        this.accounts = accounts;
        this.userDetails = userDetails;
    }

    public static String unique(String prefix) {
        return prefix + sequence.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100000, 36);
    }

    public long office() {
        return office(false);
    }

    /** A general office (办公室): its staff arrange plans. */
    public long coordinatorOffice() {
        return office(true);
    }

    private long office(boolean coordinator) {
        var name = unique(coordinator ? "测试办公室" : "测试股");
        return offices.create(new OfficeData(name, name, null, null, 0, coordinator, null));
    }

    public long office(String name, String shortName) {
        return offices.create(new OfficeData(name, shortName, null, null, 0, false, null));
    }

    public long school() {
        return school(unique("测试小学"));
    }

    public long school(String name) {
        return schools.create(new SchoolData(name, SchoolKind.PRIMARY, "测试镇", null, null));
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

    /** Staff of a new general office: they arrange plans. Returns the login. */
    public String coordinator() {
        return staffOf(coordinatorOffice());
    }

    /** A new member of the office's staff; returns the login. */
    public String staffOf(long officeId) {
        return user(Role.OFFICE_STAFF, officeId, null);
    }

    /** The person as the application sees them after logging in (for calling services directly). */
    public CurrentUser login(String login) {
        return (CurrentUser) userDetails.loadUserByUsername(login);
    }
}
