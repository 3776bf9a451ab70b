package cn.workplan.document.parsing;

import java.util.function.UnaryOperator;

import cn.workplan.system.ControlCharacters;

/** The cells of one row of a task table (任务分解表), as written but without control characters. */
public record TaskRow(String number, String task, String lead, String responsible, String deadline) {

    public TaskRow {
        number = ControlCharacters.strip(number);
        task = ControlCharacters.strip(task);
        lead = ControlCharacters.strip(lead);
        responsible = ControlCharacters.strip(responsible);
        deadline = ControlCharacters.strip(deadline);
    }

    public TaskRow map(UnaryOperator<String> change) {
        return new TaskRow(change.apply(number), change.apply(task), change.apply(lead), change.apply(responsible),
                change.apply(deadline));
    }
}
