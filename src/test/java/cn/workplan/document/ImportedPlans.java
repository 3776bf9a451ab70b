package cn.workplan.document;

import cn.workplan.account.CurrentUser;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.OutlineService;
import cn.workplan.plan.PlanData;
import cn.workplan.plan.PlanKind;
import cn.workplan.plan.PlanService;
import cn.workplan.plan.PublishData;
import cn.workplan.support.ItemSpec;
import cn.workplan.support.TestData;

/**
 * Stores a plan read by the importer as a plan of the product, through the plan module's services, as the
 * general office would type it in: the header, then every node with its headline and body. A plan that
 * has a document number and an issue date is published with them. Test code only: the product's own
 * "save the import as a draft" is another feature.
 */
final class ImportedPlans {

    /** The year of plans whose document gives none. */
    static final int YEAR = 2031;

    private final PlanService plans;
    private final OutlineService outline;

    ImportedPlans(PlanService plans, OutlineService outline) {
        this.plans = plans;
        this.outline = outline;
    }

    long store(ParsedPlan parsed, CurrentUser by) {
        int year = parsed.issueDate() != null ? parsed.issueDate().getYear() : YEAR;
        // a title of its own: a year has one plan of a title, and the tests share their database
        var title = (parsed.title() != null ? parsed.title() : "导入的工作计划") + "（" + TestData.unique("") + "）";
        long planId = plans.create(new PlanData(year, title, PlanKind.WORK_POINTS, parsed.preamble(), parsed.numbering(), null), by);
        for (var node : parsed.nodes()) {
            add(planId, null, node, by);
        }
        if (parsed.documentNumber() != null && parsed.issueDate() != null) {
            plans.submit(planId, by);
            plans.publish(planId, new PublishData(parsed.documentNumber(), parsed.issueDate()), by);
        }
        return planId;
    }

    private void add(long planId, Long parentId, ParsedNode node, CurrentUser by) {
        long id = node.kind() == NodeKind.ITEM
                ? outline.addItem(planId, parentId, ItemSpec.item(node.headline()).body(node.body()).data(), by)
                : outline.addHeading(planId, parentId, node.kind(), node.headline(), node.body(), by);
        for (var child : node.children()) {
            add(planId, id, child, by);
        }
    }
}
