package cn.workplan.support;

import cn.workplan.account.CurrentUser;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.OutlineService;
import cn.workplan.plan.PlanService;
import cn.workplan.plan.PublishData;

/**
 * Builds a plan's outline through the real services, as the general office would:
 * {@code var plan = plans.draft(); long ch = plan.chapter("党的建设"); plan.item(ch, "加强党的政治建设。");}
 */
public final class PlanBuilder {

    private final long id;
    private final CurrentUser by;
    private final PlanService plans;
    private final OutlineService outline;

    PlanBuilder(long id, CurrentUser by, PlanService plans, OutlineService outline) {
        this.id = id;
        this.by = by;
        this.plans = plans;
        this.outline = outline;
    }

    public long id() {
        return id;
    }

    /** The person who drafts the plan (staff of a general office). */
    public CurrentUser by() {
        return by;
    }

    public long chapter(String headline) {
        return outline.addHeading(id, null, NodeKind.CHAPTER, headline, "", by);
    }

    public long section(long chapterId, String headline) {
        return outline.addHeading(id, chapterId, NodeKind.SECTION, headline, "", by);
    }

    public long point(long itemId, String headline) {
        return outline.addHeading(id, itemId, NodeKind.POINT, headline, "", by);
    }

    /** An item with no lead office at the end of the chapter or section ({@code null}: the top level). */
    public long item(Long parentId, String headline) {
        return item(parentId, ItemSpec.item(headline));
    }

    public long item(Long parentId, ItemSpec item) {
        return outline.addItem(id, parentId, item.data(), by);
    }

    public PlanBuilder submit() {
        plans.submit(id, by);
        return this;
    }

    /** Sends the plan for review and publishes it. */
    public PlanBuilder publish() {
        submit();
        plans.publish(id, new PublishData("测教〔2030〕1号", java.time.LocalDate.of(2030, 1, 15)), by);
        return this;
    }

    public PlanBuilder close() {
        plans.close(id, by);
        return this;
    }
}
