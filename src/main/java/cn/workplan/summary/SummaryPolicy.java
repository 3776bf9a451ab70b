package cn.workplan.summary;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.plan.PlanPermissions;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with drafted reports. The general office (办公室, who arranges plans) and administrators draft,
 * edit, regenerate and lock them; leaders and inspectors read and download them; other offices and principals do
 * not see them at all. A locked report (定稿) is unlocked only by the general office's head or an administrator:
 * locking is the office's everyday step, unlocking reopens a text that was declared final. Templates ask
 * {@code @summaryPolicy.reads(...)} whether to link to the reports.
 */
@Component
public class SummaryPolicy {

    /** Whether the person reads drafted reports: the general office, administrators, leaders and inspectors. */
    public boolean reads(CurrentUser user) {
        return writes(user) || user.is(Role.LEADER) || user.is(Role.INSPECTOR);
    }

    /** Whether the person drafts, edits, regenerates and locks reports: the general office and administrators. */
    public boolean writes(CurrentUser user) {
        return PlanPermissions.arranges(user);
    }

    /** Whether the person unlocks a locked report: administrators and the head of the general office. */
    public boolean unlocks(CurrentUser user) {
        return user.is(Role.ADMIN) || writes(user) && user.officeHead();
    }

    void checkReads(CurrentUser user) {
        check(reads(user), "read drafted reports");
    }

    void checkWrites(CurrentUser user) {
        check(writes(user), "draft reports");
    }

    void checkUnlocks(CurrentUser user) {
        check(unlocks(user), "unlock a drafted report");
    }

    private static void check(boolean allowed, String what) {
        if (!allowed) {
            throw new AccessDeniedException("not allowed: " + what);
        }
    }
}
