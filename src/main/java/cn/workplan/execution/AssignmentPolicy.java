package cn.workplan.execution;

import java.util.Objects;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;

import org.springframework.security.access.AccessDeniedException;

/** Who may see and change which lines of responsibility, ask for their extension and decide it, and sign their item off. */
final class AssignmentPolicy {

    private AssignmentPolicy() {
    }

    /** The lead office and administrators manage an item's lines: which schools, and each line's deadline and milestone. */
    static boolean manages(CurrentUser user, Long leadOfficeId) {
        return user.is(Role.ADMIN) || leadOffice(user, leadOfficeId);
    }

    /** Leaders, inspectors, administrators and the lead office see every line of an item. */
    static boolean seesAll(CurrentUser user, Long leadOfficeId) {
        return user.is(Role.ADMIN) || user.is(Role.LEADER) || user.is(Role.INSPECTOR) || leadOffice(user, leadOfficeId);
    }

    /** Whether the line is the viewer's own: their office's or their school's. */
    static boolean owns(CurrentUser user, Long officeId, Long schoolId) {
        return user.is(Role.OFFICE_STAFF) && officeId != null && Objects.equals(officeId, user.officeId())
                || user.is(Role.PRINCIPAL) && schoolId != null && Objects.equals(schoolId, user.schoolId());
    }

    /** The lead office, leaders and administrators send a line's office or school a reminder (催办). */
    static boolean reminds(CurrentUser user, Long leadOfficeId) {
        return user.is(Role.ADMIN) || user.is(Role.LEADER) || leadOffice(user, leadOfficeId);
    }

    static void checkManages(CurrentUser user, Long leadOfficeId) {
        if (!manages(user, leadOfficeId)) {
            throw new AccessDeniedException("not allowed: manage the lines of responsibility");
        }
    }

    /**
     * Who decides a line's extension request: for the lead office's line, which moves the item's own deadline, a
     * leader; for any other line a leader or the head of the item's lead office.
     */
    static boolean decidesExtension(CurrentUser user, String kind, Long leadOfficeId) {
        return user.is(Role.LEADER) || !"LEAD".equals(kind) && user.officeHead() && leadOffice(user, leadOfficeId);
    }

    /** The lead office proposes its item as done (办结). */
    static boolean proposesSignOff(CurrentUser user, Long leadOfficeId) {
        return leadOffice(user, leadOfficeId);
    }

    /** A leader confirms a proposed sign-off or sends it back, and reopens a signed-off item. */
    static boolean decidesSignOff(CurrentUser user) {
        return user.is(Role.LEADER);
    }

    private static boolean leadOffice(CurrentUser user, Long leadOfficeId) {
        return user.is(Role.OFFICE_STAFF) && leadOfficeId != null && leadOfficeId.equals(user.officeId());
    }
}
