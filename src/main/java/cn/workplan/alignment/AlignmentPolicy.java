package cn.workplan.alignment;

import java.util.Objects;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.plan.PlanPermissions;
import cn.workplan.plan.PlanStatus;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with upper-level documents and links:
 * <ul>
 * <li>everyone but principals reads the documents, their coverage and the drafting page (offices draft their items
 * from them; a principal's school is not asked how the city's points are carried out);</li>
 * <li>the general office (who arranges plans) and administrators import, correct and delete documents;</li>
 * <li>links follow the item: the general office and administrators link any item of a plan that is not closed (after
 * publishing too: links are no part of the published text, and the upward report needs them), an office's staff the
 * items their office leads while the plan is a draft, as they edit them.</li>
 * </ul>
 * Templates ask {@code @alignmentPolicy.reads(...)}.
 */
@Component
public class AlignmentPolicy {

    /** Whether the person reads upper-level documents and coverage: everyone but principals. */
    public boolean reads(CurrentUser user) {
        return !user.is(Role.PRINCIPAL);
    }

    /** Whether the person imports, corrects and deletes upper-level documents. */
    public boolean writesDocuments(CurrentUser user) {
        return PlanPermissions.arranges(user);
    }

    /** Whether the person links or unlinks an item (led by {@code leadOfficeId}) of a plan in this status. */
    public boolean links(PlanStatus status, Long leadOfficeId, CurrentUser user) {
        if (PlanPermissions.arranges(user)) {
            return status != PlanStatus.CLOSED;
        }
        return user.is(Role.OFFICE_STAFF) && status == PlanStatus.DRAFT && Objects.equals(leadOfficeId, user.officeId());
    }

    /** Whether the person links anything in a plan of this status (the drafting page's actions). */
    public boolean linksAny(PlanStatus status, CurrentUser user) {
        return PlanPermissions.arranges(user) ? status != PlanStatus.CLOSED : user.is(Role.OFFICE_STAFF) && status == PlanStatus.DRAFT;
    }

    void checkReads(CurrentUser user) {
        check(reads(user), "read upper-level documents");
    }

    void checkWritesDocuments(CurrentUser user) {
        check(writesDocuments(user), "import or change upper-level documents");
    }

    static void check(boolean allowed, String what) {
        if (!allowed) {
            throw new AccessDeniedException("not allowed: " + what);
        }
    }
}
