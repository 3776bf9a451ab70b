package cn.workplan.document.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.workplan.document.DiscardReason;
import cn.workplan.document.ReadingNote;

/**
 * A line with what it was found to be.
 *
 * @param number      the number as printed, without punctuation, for numbered lines; {@code null} otherwise
 * @param text        the text after the number; for a schedule period, what follows the period
 * @param label       for a schedule period, the period as printed (4-6月份)
 * @param quarter     for a schedule period, its quarter
 * @param reason      for residue, why
 * @param header      for a header line, its fields
 * @param alternative the other way the line may be read, for the numbers around it to decide ("4.12月底前": prose, or
 *                    item 4); {@code null} when there is none
 * @param notes       what the repairs and the reading did to the line, for the preview
 */
public record ClassifiedLine(
        SourceLine source,
        LineKind kind,
        String number,
        String text,
        String label,
        int quarter,
        DiscardReason reason,
        Map<HeaderBlock.Field, String> header,
        ClassifiedLine alternative,
        List<ReadingNote> notes) {

    public ClassifiedLine {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    static ClassifiedLine of(SourceLine source, LineKind kind, String number, String text) {
        return new ClassifiedLine(source, kind, number, text, null, 0, null, Map.of(), null, source.notes());
    }

    /** The line read as {@code kind} with {@code number} and {@code text}, keeping its notes. */
    ClassifiedLine as(LineKind newKind, String newNumber, String newText) {
        return new ClassifiedLine(source, newKind, newNumber, newText, null, 0, null, Map.of(), null, notes);
    }

    ClassifiedLine withAlternative(ClassifiedLine other) {
        return new ClassifiedLine(source, kind, number, text, label, quarter, reason, header, other, notes);
    }

    ClassifiedLine withNote(ReadingNote note) {
        var all = new ArrayList<>(notes);
        all.add(note);
        return new ClassifiedLine(source, kind, number, text, label, quarter, reason, header, alternative, all);
    }

    public int line() {
        return source.number();
    }

    public boolean is(LineKind other) {
        return kind == other;
    }
}
