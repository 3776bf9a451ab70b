package cn.workplan.support;

import java.util.List;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.plan.Numbering;
import cn.workplan.plan.OutlineNode;
import cn.workplan.plan.OutlineService;
import cn.workplan.plan.PlanData;
import cn.workplan.plan.PlanKind;
import cn.workplan.plan.PlanQueries;
import cn.workplan.plan.PlanService;

import org.springframework.boot.test.context.TestComponent;

/** Plans and the people who work on them, made through the real services. Part of {@link IntegrationTest}. */
@TestComponent
public class TestPlans {

    /** A year no real plan uses, so that test plans are easy to tell apart. */
    public static final int YEAR = 2030;

    private final TestData data;
    private final PlanService plans;
    private final OutlineService outline;
    private final PlanQueries queries;

    public TestPlans(TestData data, PlanService plans, OutlineService outline, PlanQueries queries) {
        this.data = data;
        this.plans = plans;
        this.outline = outline;
        this.queries = queries;
    }

    /** Staff of a new general office, logged in. */
    public CurrentUser coordinator() {
        return data.login(data.coordinator());
    }

    /** Staff of the given (ordinary) office, logged in. */
    public CurrentUser staffOf(long officeId) {
        return data.login(data.staffOf(officeId));
    }

    /** A new person of the role (with a new office or school where the role needs one), logged in. */
    public CurrentUser person(Role role) {
        return data.login(data.user(role));
    }

    /** A new draft plan with continuous numbering, drafted by a new general office. */
    public PlanBuilder draft() {
        return draft(coordinator(), YEAR, Numbering.CONTINUOUS);
    }

    public PlanBuilder draft(Numbering numbering) {
        return draft(coordinator(), YEAR, numbering);
    }

    public PlanBuilder draft(CurrentUser by, int year, Numbering numbering) {
        var title = TestData.unique(year + "年教育工作要点");
        long id = plans.create(new PlanData(year, title, PlanKind.WORK_POINTS, "以习近平新时代中国特色社会主义思想为指导。",
                numbering, null), by);
        return new PlanBuilder(id, by, plans, outline);
    }

    /** The plan's outline as the viewer sees it, one line per node: its number and headline ("一、党的建设"). */
    public List<String> numbered(long planId, CurrentUser viewer) {
        return queries.outline(planId, viewer).nodes().stream().map(TestPlans::line).toList();
    }

    /** The number of one node as printed ("3.", "（二）"). */
    public String label(long planId, long nodeId, CurrentUser viewer) {
        return node(planId, nodeId, viewer).label();
    }

    public OutlineNode node(long planId, long nodeId, CurrentUser viewer) {
        return queries.outline(planId, viewer).nodes().stream().filter(node -> node.id() == nodeId).findFirst()
                .orElseThrow(() -> new AssertionError("node " + nodeId + " is not in plan " + planId));
    }

    static String line(OutlineNode node) {
        return node.label() + node.headline();
    }
}
