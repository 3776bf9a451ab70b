package cn.workplan.plan;

import java.util.Objects;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with a plan, by role, office and the plan's status:
 * <ul>
 * <li>the general office (the coordinating office's staff) and administrators arrange the whole plan
 * while it is a draft or in review, send it for review, and close it at year end;</li>
 * <li>office staff add task items and edit those their office leads while the plan is a draft;</li>
 * <li>leaders comment on items during review, return the plan to draft or publish it; the general
 * office and administrators may publish too;</li>
 * <li>once published the text is frozen: the general office and administrators revise items with a
 * reason;</li>
 * <li>principals read published plans only.</li>
 * </ul>
 */
final class PlanPolicy {

    private PlanPolicy() {
    }

    static boolean canView(PlanStatus status, CurrentUser user) {
        return !user.is(Role.PRINCIPAL) || status == PlanStatus.PUBLISHED || status == PlanStatus.CLOSED;
    }

    static boolean arrangesPlans(CurrentUser user) {
        return user.is(Role.ADMIN) || user.is(Role.OFFICE_STAFF) && user.coordinator();
    }

    static boolean canCreate(CurrentUser user) {
        return arrangesPlans(user);
    }

    static PlanPermissions permissions(PlanStatus status, CurrentUser user) {
        boolean arranger = arrangesPlans(user);
        boolean leader = user.is(Role.LEADER);
        return new PlanPermissions(
                arranger && status.isOpenForDrafting(),
                arranger && status.isOpenForDrafting(),
                canAddItem(status, user),
                status == PlanStatus.IN_REVIEW && (leader || arranger),
                arranger && status == PlanStatus.DRAFT,
                (leader || arranger) && status == PlanStatus.IN_REVIEW,
                (leader || arranger) && status == PlanStatus.IN_REVIEW,
                arranger && status == PlanStatus.PUBLISHED,
                arranger && status == PlanStatus.PUBLISHED,
                arranger && status == PlanStatus.DRAFT,
                arranger);
    }

    static boolean canAddItem(PlanStatus status, CurrentUser user) {
        return arrangesPlans(user) && status.isOpenForDrafting() || user.is(Role.OFFICE_STAFF) && status == PlanStatus.DRAFT;
    }

    /** Whether the person may change this item's text and details (a revision, once published). */
    static boolean canEditItem(PlanStatus status, Long leadOfficeId, CurrentUser user) {
        if (arrangesPlans(user)) {
            return status != PlanStatus.CLOSED;
        }
        return user.is(Role.OFFICE_STAFF) && status == PlanStatus.DRAFT && Objects.equals(leadOfficeId, user.officeId());
    }

    /**
     * Whether the person may answer a review comment on the item: the general office and administrators, or the staff of
     * the item's lead office, while the plan is drafted or reviewed.
     */
    static boolean canAnswer(PlanStatus status, Long leadOfficeId, CurrentUser user) {
        return status.isOpenForDrafting()
                && (arrangesPlans(user) || user.is(Role.OFFICE_STAFF) && leadOfficeId != null && leadOfficeId.equals(user.officeId()));
    }

    static void check(boolean allowed, String what) {
        if (!allowed) {
            throw new AccessDeniedException("not allowed: " + what);
        }
    }
}
