package cn.workplan.plan;

/**
 * What the person looking at a plan may do with it; screens show only the actions allowed here, and the
 * services check the same rules again.
 */
public record PlanPermissions(
        boolean editHeader,
        boolean arrange,
        boolean addItems,
        boolean comment,
        boolean submit,
        boolean returnToDraft,
        boolean publish,
        boolean revise,
        boolean close,
        boolean delete,
        boolean copy) {

    /** Whether the person arranges the bureau's plans (the general office's staff and administrators), whatever the plan. */
    public static boolean arranges(cn.workplan.account.CurrentUser user) {
        return PlanPolicy.arrangesPlans(user);
    }
}
