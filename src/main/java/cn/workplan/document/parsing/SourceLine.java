package cn.workplan.document.parsing;

import cn.workplan.system.ControlCharacters;

/**
 * One unit of the source as a reader found it: a line of text, a Word paragraph (with what its style
 * says) or a row of a task table.
 *
 * @param number counted from 1 in the source
 * @param text   the text, without control characters; for a table row, its 序号 and 工作任务 joined as a plan would print them
 * @param style  what a Word paragraph style says about the paragraph
 * @param row    the row's cells when the line is a row of a task table, else {@code null}
 */
public record SourceLine(int number, String text, Style style, TaskRow row) {

    public SourceLine {
        text = text == null ? "" : ControlCharacters.strip(text);
        style = style == null ? Style.BODY : style;
    }

    public static SourceLine of(int number, String text) {
        return new SourceLine(number, text, Style.BODY, null);
    }

    public SourceLine withText(String newText) {
        return new SourceLine(number, newText, style, row);
    }

    public SourceLine withRow(TaskRow newRow) {
        return new SourceLine(number, text, style, newRow);
    }

    /** What a Word paragraph style tells about a paragraph that carries no number of its own. */
    public enum Style {
        BODY, TITLE, HEADING_1, HEADING_2, HEADING_3
    }
}
