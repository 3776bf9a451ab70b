package cn.workplan.document.parsing;

import java.util.ArrayList;
import java.util.List;

import cn.workplan.document.ReadingNote;
import cn.workplan.system.ControlCharacters;

/**
 * One unit of the source as a reader found it: a line of text, a Word paragraph (with what its style
 * says) or a row of a task table; or, once hard-wrapped lines are joined, the lines of one paragraph.
 *
 * @param number counted from 1 in the source
 * @param text   the text, without control characters; for a table row, its 序号 and 工作任务 joined as a plan would print them
 * @param style  what a Word paragraph style says about the paragraph
 * @param row    the row's cells when the line is a row of a task table, else {@code null}
 * @param last   the last line of the source this one takes in: {@code number} itself unless lines were joined
 * @param notes  what the repairs did to the line, for the preview
 */
public record SourceLine(int number, String text, Style style, TaskRow row, int last, List<ReadingNote> notes) {

    public SourceLine {
        text = text == null ? "" : ControlCharacters.strip(text);
        style = style == null ? Style.BODY : style;
        last = Math.max(last, number);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public SourceLine(int number, String text, Style style, TaskRow row) {
        this(number, text, style, row, number, List.of());
    }

    public static SourceLine of(int number, String text) {
        return new SourceLine(number, text, Style.BODY, null);
    }

    public SourceLine withText(String newText) {
        return new SourceLine(number, newText, style, row, last, notes);
    }

    public SourceLine withRow(TaskRow newRow) {
        return new SourceLine(number, text, style, newRow, last, notes);
    }

    /** This line with the text of {@code next} after it, taking in its lines and notes. */
    public SourceLine joinedWith(SourceLine next, String separator) {
        var allNotes = new ArrayList<>(notes);
        allNotes.addAll(next.notes);
        return new SourceLine(number, text + separator + next.text, style, row, Math.max(last, next.last), allNotes);
    }

    public SourceLine withNote(ReadingNote note) {
        var allNotes = new ArrayList<>(notes);
        allNotes.add(note);
        return new SourceLine(number, text, style, row, last, allNotes);
    }

    /** What a Word paragraph style tells about a paragraph that carries no number of its own. */
    public enum Style {
        BODY, TITLE, HEADING_1, HEADING_2, HEADING_3
    }
}
