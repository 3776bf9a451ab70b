package cn.workplan.support;

import java.util.concurrent.atomic.AtomicInteger;

import cn.workplan.account.AccountService;
import cn.workplan.account.Role;
import cn.workplan.account.UserData;
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
        return offices.create(new OfficeData(name, name, null, null, 0, false, null));
    }

    /** A new office that arranges the bureau's plans, like the general office (办公室). */
    public long coordinatorOffice() {
        var name = unique("测试办");
        return offices.create(new OfficeData(name, name, null, null, 0, true, null));
    }

    /** A new account of the general office's staff, who arrange plans; returns its login. */
    public String coordinator() {
        return user(Role.OFFICE_STAFF, coordinatorOffice(), null);
    }

    public long school() {
        return schools.create(new SchoolData(unique("测试小学"), SchoolKind.PRIMARY, "测试镇", null));
    }

    /** A new account of the role (with an office or school where the role needs one); returns its login. */
    public String user(Role role) {
        Long officeId = role == Role.OFFICE_STAFF ? office() : null;
        Long schoolId = role == Role.PRINCIPAL ? school() : null;
        return user(role, officeId, schoolId);
    }

    public String user(Role role, Long officeId, Long schoolId) {
        var login = unique("u");
        accounts.create(new UserData(login, PASSWORD, "测试" + login, role, officeId, schoolId, "", "", null));
        return login;
    }
}
