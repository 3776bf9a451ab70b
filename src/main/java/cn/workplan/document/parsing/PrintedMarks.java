package cn.workplan.document.parsing;

import java.util.regex.Pattern;

/**
 * The number a line was printed with (一、 （一） 4. 4、 （1） 1） ①), for edits on the preview: the outline numbers every
 * node itself, so a node's text must not keep a printed number of its own — else a split line or a changed level
 * saves as "4.4.12月底前…". A number that is part of the text stays: "3.5亿元用于…" is a decimal, "2027年" a year.
 */
public final class PrintedMarks {

    private static final String NUMERAL = "[一二三四五六七八九十]{1,3}";
    private static final Pattern MARK = Pattern.compile("^[\\s\\u3000]*(?:"
            + NUMERAL + "\\s*[、．]"
            + "|[（(]\\s*" + NUMERAL + "\\s*[）)]\\s*[、．.]?"
            + "|[（(]\\s*[0-9０-９]{1,2}\\s*[）)]\\s*[、．.]?"
            + "|[0-9０-９]{1,2}[）)]"
            + "|[\\u2460-\\u2473]"
            + "|[0-9０-９]{1,3}\\s*[、．]"
            + "|[0-9０-９]{1,3}\\.(?![0-9]+(?:\\.[0-9]+)?(?:亿|万|千|百|元|%|％|‰|个百分点|倍|米|公里|平方|亩|吨|小时|天|周|分|人|所|个|项|次)))"
            + "[\\s\\u3000]*");
    /** 一、 or 一. followed by text: a chapter printed with a half-width stop. */
    private static final Pattern CHAPTER_WITH_STOP = Pattern.compile("^[\\s\\u3000]*" + NUMERAL + "\\.[\\s\\u3000]*(?=\\p{IsHan})");

    private PrintedMarks() {
    }

    /** The text without the printed number it opens with, if it opens with one; else the text as it is. */
    public static String strip(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        var m = MARK.matcher(text);
        if (m.find() && m.end() < text.length()) {
            return text.substring(m.end());
        }
        var chapter = CHAPTER_WITH_STOP.matcher(text);
        if (chapter.find()) {
            return text.substring(chapter.end());
        }
        return text;
    }
}
