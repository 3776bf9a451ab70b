package cn.workplan.document;

import java.util.List;

/**
 * One quarter of a plan's schedule (季度安排), as in "4-6月份：1、… 2、…".
 *
 * @param quarter 1 to 4
 * @param period  the period as printed: 4-6月份, 第二季度
 * @param tasks   the entries, without their numbers
 */
public record QuarterSchedule(int quarter, String period, List<String> tasks, SourceLines lines) {

    public QuarterSchedule {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("no quarter " + quarter);
        }
        tasks = List.copyOf(tasks);
    }
}
