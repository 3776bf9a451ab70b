package cn.workplan.document.parsing;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.workplan.document.DiscardReason;

/**
 * Tells, line by line, what a normalised line of a plan is: a heading of some level with its number,
 * a schedule period, a title, a header line, residue, or plain prose.
 */
public final class LineClassifier {

    private static final String CHINESE_NUMERAL = "[一二三四五六七八九十百零〇]{1,4}";

    private static final Pattern PART = Pattern.compile(
            "^第\\s*(" + CHINESE_NUMERAL + "|\\d{1,2})\\s*(?:篇|部分|章)(?:\\s*[、：:.．]\\s*|\\s+|$)(.*)$");
    private static final Pattern CHAPTER = Pattern.compile("^(" + CHINESE_NUMERAL + ")\\s*[、．.]\\s*(.+)$");
    private static final Pattern SECTION = Pattern.compile("^[（(]\\s*(" + CHINESE_NUMERAL + ")\\s*[）)]\\s*[、．.]?\\s*(.+)$");
    private static final Pattern ITEM = Pattern.compile("^(\\d{1,3})\\s*(?:[.．、](?!\\d)|\\s)\\s*(.+)$");
    private static final Pattern MARK = Pattern.compile("[.．、]");
    /** 4.12月底前, 3.5亿元, 1、2年级: a number and a mark before digits, an item or a number in prose. */
    private static final Pattern ITEM_BEFORE_DIGITS = Pattern.compile("^(\\d{1,3})\\s*[.．、](\\d.*)$");
    /** 12 月底前: a number and a space before a unit, an item or a quantity. */
    private static final Pattern UNIT_AFTER_SPACE = Pattern.compile("^[月日年号%万亿千百个名所人元次项期届级]");
    /** 一 加强党的建设: a chapter with a space for its mark. */
    private static final Pattern CHAPTER_WITH_SPACE = Pattern.compile("^(" + CHINESE_NUMERAL + ")\\s+(\\p{IsHan}.*)$");
    /** 、加强…: a line whose number is gone (a byte lost before it), an item without its number. */
    private static final Pattern MARK_WITHOUT_NUMBER = Pattern.compile("^[、．.]\\s*(\\p{IsHan}.*)$");
    private static final Pattern POINT = Pattern.compile("^(?:[（(]\\s*(\\d{1,2})\\s*[）)]|(\\d{1,2})[）)])\\s*[、．.]?\\s*(.+)$");
    private static final Pattern CIRCLED = Pattern.compile("^([\\u2460-\\u2473])\\s*(.+)$");
    private static final Pattern MONTHS = Pattern.compile(
            "^((\\d{1,2})\\s*(?:月份?)?\\s*[-—–~～至到]\\s*(\\d{1,2})\\s*月份?)\\s*(?:[：:]\\s*(.*))?$");
    private static final Pattern QUARTER = Pattern.compile("^((?:第\\s*)?([一二三四1-4])\\s*季度)\\s*(?:[：:]\\s*(.*))?$");
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile(
            "^([\\p{IsHan}]{1,12})\\s*[〔\\[［(（【]\\s*(\\d{4})\\s*[〕\\]］)）】]\\s*(\\d{1,4})\\s*号$");
    private static final Pattern TITLE_END = Pattern.compile(
            "(计划|要点|意见|方案|规划|安排|总结|办法|细则|通知|要求|分解表|清单)(\\s*[（(][^（）()]{1,12}[）)])?$");
    private static final Pattern TITLE_OWNER = Pattern.compile(
            "\\d{4}\\s*年|[〇零一二三四五六七八九]{4}年|局|县|市|镇|乡|区|校|教育|学");
    private static final Pattern NOT_IN_TITLE = Pattern.compile("[。；，！？：:;!?]");

    private final ResidueDetector residue = new ResidueDetector();

    public ClassifiedLine classify(SourceLine source) {
        var line = classifyText(source);
        if (source.row() != null && !(line.is(LineKind.PART) || line.is(LineKind.CHAPTER) || line.is(LineKind.SECTION)
                || line.is(LineKind.ITEM) || line.is(LineKind.POINT))) {
            // a row of a task table without a number of its own is a task all the same
            return ClassifiedLine.of(source, LineKind.ITEM, null, source.text());
        }
        return line;
    }

    private ClassifiedLine classifyText(SourceLine source) {
        var text = source.text();
        if (text.isBlank()) {
            return ClassifiedLine.of(source, LineKind.BLANK, null, "");
        }
        var header = HeaderBlock.read(text);
        if (header.isPresent() && !header.get().isEmpty()) {
            return new ClassifiedLine(source, LineKind.HEADER, null, text, null, 0, null, header.get(), null, source.notes());
        }
        Matcher m;
        if ((m = MONTHS.matcher(text)).matches()) {
            int from = Integer.parseInt(m.group(2));
            int to = Integer.parseInt(m.group(3));
            if (from >= 1 && from <= to && to <= 12 && (from - 1) / 3 == (to - 1) / 3) {
                return schedule(source, m.group(1), (from - 1) / 3 + 1, m.group(4));
            }
        }
        if ((m = QUARTER.matcher(text)).matches()) {
            return schedule(source, m.group(1), "一二三四1234".indexOf(m.group(2)) % 4 + 1, m.group(3));
        }
        if ((m = PART.matcher(text)).matches()) {
            return ClassifiedLine.of(source, LineKind.PART, m.group(1), m.group(2).strip());
        }
        if ((m = CHAPTER.matcher(text)).matches()) {
            return ClassifiedLine.of(source, LineKind.CHAPTER, m.group(1), m.group(2));
        }
        if ((m = SECTION.matcher(text)).matches()) {
            return ClassifiedLine.of(source, LineKind.SECTION, m.group(1), m.group(2));
        }
        if ((m = POINT.matcher(text)).matches()) {
            return ClassifiedLine.of(source, LineKind.POINT, m.group(1) != null ? m.group(1) : m.group(2), m.group(3));
        }
        if ((m = CIRCLED.matcher(text)).matches()) {
            return ClassifiedLine.of(source, LineKind.POINT, Integer.toString(m.group(1).charAt(0) - 0x2460 + 1), m.group(2));
        }
        if ((m = ITEM.matcher(text)).matches()) {
            var item = ClassifiedLine.of(source, LineKind.ITEM, Integer.toString(Integer.parseInt(m.group(1))), m.group(2));
            if (!MARK.matcher(text.substring(m.end(1), m.start(2))).find() && UNIT_AFTER_SPACE.matcher(m.group(2)).find()) {
                return prose(source).withAlternative(item);
            }
            return item;
        }
        if ((m = ITEM_BEFORE_DIGITS.matcher(text)).matches()) {
            return prose(source).withAlternative(
                    ClassifiedLine.of(source, LineKind.ITEM, Integer.toString(Integer.parseInt(m.group(1))), m.group(2)));
        }
        if ((m = CHAPTER_WITH_SPACE.matcher(text)).matches() && source.row() == null) {
            return prose(source).withAlternative(ClassifiedLine.of(source, LineKind.CHAPTER, m.group(1), m.group(2)));
        }
        if ((m = MARK_WITHOUT_NUMBER.matcher(text)).matches() && source.row() == null) {
            return prose(source).withAlternative(ClassifiedLine.of(source, LineKind.ITEM, null, m.group(1)));
        }
        if ((m = DOCUMENT_NUMBER.matcher(text)).matches()) {
            return ClassifiedLine.of(source, LineKind.DOCUMENT_NUMBER, null,
                    m.group(1) + "〔" + m.group(2) + "〕" + m.group(3) + "号");
        }
        if (Dates.line(text).isPresent()) {
            return ClassifiedLine.of(source, LineKind.DATE, null, text);
        }
        var discard = residue.detect(text);
        if (discard.isPresent()) {
            return residue(source, discard.get());
        }
        if (source.style() == SourceLine.Style.TITLE || isTitle(text)) {
            return ClassifiedLine.of(source, LineKind.TITLE, null, text);
        }
        return switch (source.style()) {
            case HEADING_1 -> ClassifiedLine.of(source, LineKind.CHAPTER, null, text);
            case HEADING_2 -> ClassifiedLine.of(source, LineKind.SECTION, null, text);
            case HEADING_3 -> ClassifiedLine.of(source, LineKind.ITEM, null, text);
            default -> ClassifiedLine.of(source, LineKind.PARAGRAPH, null, text);
        };
    }

    /** A short line without sentence punctuation that names a kind of plan and its owner or year. */
    static boolean isTitle(String text) {
        return text.length() >= 5 && text.length() <= 60 && !NOT_IN_TITLE.matcher(text).find()
                && TITLE_END.matcher(text).find() && TITLE_OWNER.matcher(text).find();
    }

    /** The line as prose, as a Word heading style says, or as a title when it has a title's shape. */
    private ClassifiedLine prose(SourceLine source) {
        var text = source.text();
        return switch (source.style()) {
            case HEADING_1 -> ClassifiedLine.of(source, LineKind.CHAPTER, null, text);
            case HEADING_2 -> ClassifiedLine.of(source, LineKind.SECTION, null, text);
            case HEADING_3 -> ClassifiedLine.of(source, LineKind.ITEM, null, text);
            default -> ClassifiedLine.of(source, LineKind.PARAGRAPH, null, text);
        };
    }

    private static ClassifiedLine schedule(SourceLine source, String label, int quarter, String rest) {
        return new ClassifiedLine(source, LineKind.SCHEDULE, null, rest == null ? "" : rest.strip(),
                label.replaceAll("\\s", ""), quarter, null, Map.of(), null, source.notes());
    }

    static ClassifiedLine residue(SourceLine source, DiscardReason reason) {
        return new ClassifiedLine(source, LineKind.RESIDUE, null, source.text(), null, 0, reason, Map.of(), null, source.notes());
    }
}
