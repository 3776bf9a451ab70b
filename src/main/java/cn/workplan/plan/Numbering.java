package cn.workplan.plan;

/** How task items are numbered: on through the whole plan, or anew in every section. */
public enum Numbering {
    /** 1–36 across all chapters, as the Jiyuan plan does. */
    CONTINUOUS,
    /** 1, 2, … again in every section (or chapter, where it has no sections). */
    PER_SECTION;

    public String messageKey() {
        return "plan.numbering." + name();
    }
}
