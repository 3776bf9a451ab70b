package cn.workplan.document.parsing;

import java.util.function.UnaryOperator;

/** The cells of one row of a task table (任务分解表), as written. */
public record TaskRow(String number, String task, String lead, String responsible, String deadline) {

    public TaskRow map(UnaryOperator<String> change) {
        return new TaskRow(change.apply(number), change.apply(task), change.apply(lead), change.apply(responsible),
                change.apply(deadline));
    }
}
