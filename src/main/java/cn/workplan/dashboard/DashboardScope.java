package cn.workplan.dashboard;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.plan.PlanPermissions;

/**
 * What of a plan's progress a person may see: the whole bureau (leaders, inspectors, administrators and the
 * general office, which compiles the bureau's reports), one office (its staff) or one school (its principal).
 */
public record DashboardScope(Long officeId, Long schoolId) {

    public static DashboardScope of(CurrentUser user) {
        if (user.is(Role.LEADER) || user.is(Role.INSPECTOR) || user.is(Role.ADMIN) || PlanPermissions.arranges(user)) {
            return new DashboardScope(null, null);
        }
        if (user.is(Role.OFFICE_STAFF) && user.officeId() != null) {
            return new DashboardScope(user.officeId(), null);
        }
        if (user.is(Role.PRINCIPAL) && user.schoolId() != null) {
            return new DashboardScope(null, user.schoolId());
        }
        // an office account without an office, a principal without a school: nothing to show
        return new DashboardScope(-1L, null);
    }

    /** Sees the whole bureau's figures. */
    public boolean bureau() {
        return officeId == null && schoolId == null;
    }

    /** The filter as this person may apply it: an office or a school sees only its own lines and items. */
    public DrilldownFilter narrow(DrilldownFilter filter) {
        if (bureau()) {
            return filter;
        }
        return officeId != null ? filter.withOffice(officeId).withSchool(null).withTownship(null) : filter.withSchool(schoolId).withOffice(null);
    }
}
