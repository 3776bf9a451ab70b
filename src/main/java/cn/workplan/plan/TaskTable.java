package cn.workplan.plan;

import java.util.List;

/** The task table (任务分解表) of a plan: its items with their decomposition, filtered and sorted. */
public record TaskTable(PlanHeader plan, TaskFilter filter, List<Row> rows, List<OutlineNode> chapters, List<String> tags) {

    /**
     * One item.
     *
     * @param chapter     the chapter the item stands in, as "一、…"
     * @param schoolNames the first few responsible schools
     * @param allSchools  whether every active school is responsible
     */
    public record Row(OutlineNode item, String chapter, int schoolCount, List<String> schoolNames, boolean allSchools) {
    }
}
