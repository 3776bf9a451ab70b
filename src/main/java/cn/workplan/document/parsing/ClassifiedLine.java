package cn.workplan.document.parsing;

import java.util.Map;

import cn.workplan.document.DiscardReason;

/**
 * A line with what it was found to be.
 *
 * @param number  the number as printed, without punctuation, for numbered lines; {@code null} otherwise
 * @param text    the text after the number; for a schedule period, what follows the period
 * @param label   for a schedule period, the period as printed (4-6月份)
 * @param quarter for a schedule period, its quarter
 * @param reason  for residue, why
 * @param header  for a header line, its fields
 */
public record ClassifiedLine(
        SourceLine source,
        LineKind kind,
        String number,
        String text,
        String label,
        int quarter,
        DiscardReason reason,
        Map<HeaderBlock.Field, String> header) {

    static ClassifiedLine of(SourceLine source, LineKind kind, String number, String text) {
        return new ClassifiedLine(source, kind, number, text, null, 0, null, Map.of());
    }

    public int line() {
        return source.number();
    }

    public boolean is(LineKind other) {
        return kind == other;
    }
}
