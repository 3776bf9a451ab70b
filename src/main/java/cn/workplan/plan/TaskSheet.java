package cn.workplan.plan;

import java.util.ArrayList;
import java.util.List;

import cn.workplan.system.web.DisplayFormats;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The task table (任务分解表) as people read it, one line of texts per item in the current language: what
 * the task table page prints and the spreadsheet export writes. Worked out in Java once per row, so that
 * a page of hundreds of rows evaluates a handful of expressions per row.
 */
@Component
public class TaskSheet {

    private final MessageSource messages;
    private final DisplayFormats formats;
    private final DeadlineLabels deadlines;

    TaskSheet(MessageSource messages, DisplayFormats formats, DeadlineLabels deadlines) {
        this.messages = messages;
        this.formats = formats;
        this.deadlines = deadlines;
    }

    /**
     * One item's line.
     *
     * @param cooperatingOffices the cooperating offices joined, or — for none
     * @param schools            all schools (with their number), the first few and how many in all, or —
     * @param deadline           6月底, 2026年3月31日 … or —
     * @param quarters           the quarters that have a milestone, in order
     */
    public record Line(OutlineNode item, String leadOffice, String cooperatingOffices, String schools, String deadline,
            List<QuarterMilestone> quarters) {
    }

    /** @param quarter 一季度 / Q1 */
    public record QuarterMilestone(String quarter, String milestone) {
    }

    public List<Line> lines(TaskTable table) {
        var locale = LocaleContextHolder.getLocale();
        var separator = messages.getMessage("format.listSeparator", null, locale);
        var quarterNames = new String[4];
        for (int quarter = 0; quarter < 4; quarter++) {
            quarterNames[quarter] = messages.getMessage("item.quarterShort", new Object[] {formats.numeral(quarter + 1)}, locale);
        }
        var lines = new ArrayList<Line>(table.rows().size());
        for (var row : table.rows()) {
            var item = row.item();
            var quarters = new ArrayList<QuarterMilestone>(4);
            for (int quarter = 0; quarter < item.quarters().size() && quarter < 4; quarter++) {
                var milestone = item.quarters().get(quarter);
                if (milestone != null && !milestone.isBlank()) {
                    quarters.add(new QuarterMilestone(quarterNames[quarter], milestone));
                }
            }
            lines.add(new Line(item, orNone(item.leadOffice()),
                    item.cooperatingOffices().isEmpty() ? DeadlineLabels.NONE : String.join(separator, item.cooperatingOffices()),
                    schools(row, separator), deadlines.label(item.deadlineKind(), item.deadline()), quarters));
        }
        return lines;
    }

    private String schools(TaskTable.Row row, String separator) {
        var locale = LocaleContextHolder.getLocale();
        if (row.allSchools()) {
            return messages.getMessage("task.allSchools", new Object[] {row.schoolCount()}, locale);
        }
        if (row.schoolCount() == 0) {
            return DeadlineLabels.NONE;
        }
        var names = String.join(separator, row.schoolNames());
        return row.schoolCount() > row.schoolNames().size()
                ? names + messages.getMessage("task.moreSchools", new Object[] {row.schoolCount()}, locale)
                : names;
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? DeadlineLabels.NONE : text;
    }
}
