package cn.workplan.plan;

/** What kind of plan: the annual work points, or a special plan. */
public enum PlanKind {
    /** 年度工作要点 */
    WORK_POINTS,
    /** 安全工作计划 */
    SAFETY,
    /** 督导工作计划 */
    SUPERVISION,
    /** 其他专项计划 */
    SPECIAL;

    public String messageKey() {
        return "plan.kind." + name();
    }
}
