package cn.workplan.execution;

import java.util.List;

import cn.workplan.plan.OutlineNode;
import cn.workplan.plan.PlanHeader;

/** The task items an office or a school answers for in one published plan, in the plan's order. */
public record PlanLines(PlanHeader plan, List<OutlineNode> items) {
}
