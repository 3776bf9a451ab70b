package cn.workplan.document;

import java.util.List;

/**
 * Something the reader did to a line, or doubted, that a person should look at before saving: the preview marks the
 * node and says why ({@link Kind#messageKey()}, with {@link #arguments()}).
 *
 * @param kind      what happened
 * @param line      the line of the source it is about, counted from 1
 * @param arguments the words the message quotes: numbers as printed, the text as read or repaired
 */
public record ReadingNote(Kind kind, int line, List<String> arguments) {

    public ReadingNote {
        arguments = List.copyOf(arguments);
    }

    public static ReadingNote of(Kind kind, int line, String... arguments) {
        return new ReadingNote(kind, line, List.of(arguments));
    }

    /** The arguments of the message on screen: the line, then {@link #arguments()}. */
    public Object[] messageArguments() {
        var all = new Object[arguments.size() + 1];
        all[0] = line;
        for (int i = 0; i < arguments.size(); i++) {
            all[i + 1] = arguments.get(i);
        }
        return all;
    }

    /** What the reader did or doubted. */
    public enum Kind {
        /** "4.12月底前": read as item 4 whose text begins 12月, because item 3 came before; it could be the number 4.12 */
        NUMBER_BEFORE_DIGITS,
        /** "3.5亿元" at the start of a line kept as text: 3 is not the number that comes next */
        NUMBER_READ_AS_TEXT,
        /** a heading or item found inside a line after the end of a sentence (the line break was lost) and split off */
        RUN_IN,
        /** the printed number skips one or more: 3, then 6 */
        NUMBER_GAP,
        /** the printed number goes back without a new heading: 5, then 2 */
        NUMBER_OUT_OF_ORDER,
        /** lines numbered 1, 2 … inside a task item, read as its sub-points because the items' numbers go on after them */
        NUMBERED_LIST_AS_POINTS,
        /** the number of a heading or item is missing or unreadable; it was inferred from the numbers around it */
        NUMBER_MISSING,
        /** the first task item of a section printed without its number, before an item 2 */
        FIRST_ITEM_UNNUMBERED,
        /** garbled characters from text read one byte off (GBK), put right */
        ENCODING_REPAIRED,
        /** garbled characters put right except one character at the end, shown as □ */
        ENCODING_PARTLY_REPAIRED,
        /** characters that look garbled and could not be put right */
        ENCODING_DAMAGED,
        /** pinyin in brackets after characters, as in 规划(huà), removed */
        PINYIN_REMOVED;

        public String messageKey() {
            return "document.import.note." + name();
        }
    }
}
