package cn.workplan.document.parsing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.workplan.document.ReadingNote;
import cn.workplan.document.ReadingNote.Kind;
import cn.workplan.system.ChineseNumerals;

/**
 * Reads the classified lines in order, keeping the numbers seen so far, and settles what a line cannot tell by its
 * shape alone:
 * <ul>
 * <li>a line that may be read two ways ("4.12月底前完成…": the number 4.12 in prose, or item 4 whose text begins
 * 12月) is the item when 4 is the number that comes next and the next item printed is not 4 itself;</li>
 * <li>a heading or item run into the end of a paragraph when its line break was lost ("…考核工作。三、加强教师队伍建设",
 * "…招生入学行为。9、加强食品安全管理") is split off when it is the number that comes next;</li>
 * <li>lines numbered 1, 2 … inside a task item, after which the items' own numbers go on, are the item's sub-points;</li>
 * <li>a number that skips or goes back is kept, with a note for the person to look.</li>
 * </ul>
 * Every reading that could have gone the other way carries a {@link ReadingNote}.
 */
final class SequenceReader {

    /** A mark that may open a heading or item inside a line: after the end of a sentence. */
    private static final Pattern RUN_IN = Pattern.compile(
            "(?<=[。！？])\\s*(?:(?<chapter>[一二三四五六七八九十]{1,3})\\s*、(?![一二三四五六七八九十\\d])"
                    + "|[（(]\\s*(?<section>[一二三四五六七八九十]{1,3})\\s*[）)]\\s*[、．.]?"
                    + "|(?<item>\\d{1,3})\\s*[、.．])\\s*(?=[\\p{IsHan}“《\\d])");
    /** The shortest text a run-in heading or item must have after its mark. */
    private static final int SHORTEST_RUN_IN = 4;

    private final List<ClassifiedLine> lines;
    private final boolean sectionsAreChapters;
    private final boolean partsArePlans;
    private final List<ClassifiedLine> out = new ArrayList<>();
    private final Set<Integer> asPoints = new HashSet<>();

    private int chapter;
    private int section;
    private int item;
    private int point;
    private boolean newContainer;
    /** A paragraph opening with a headline stands in the new chapter or section: its first item, printed without number. */
    private boolean unnumberedItem;
    private boolean inItem;
    private boolean schedule;

    private SequenceReader(List<ClassifiedLine> lines) {
        this.lines = lines;
        this.partsArePlans = partsArePlans(lines);
        this.sectionsAreChapters = lines.stream().noneMatch(line -> line.is(LineKind.CHAPTER)
                || line.is(LineKind.PART) && !partsArePlans) && lines.stream().anyMatch(line -> line.is(LineKind.SECTION));
    }

    static List<ClassifiedLine> read(List<ClassifiedLine> lines) {
        var reader = new SequenceReader(lines);
        for (int i = 0; i < lines.size(); i++) {
            reader.line(i);
        }
        return reader.out;
    }

    private static boolean partsArePlans(List<ClassifiedLine> lines) {
        boolean part = false;
        for (var line : lines) {
            if (line.is(LineKind.PART)) {
                part = true;
            } else if (part && line.is(LineKind.CHAPTER)) {
                return true;
            }
        }
        return false;
    }

    private void line(int index) {
        var line = lines.get(index);
        if (line.source().row() != null) {
            // a row of a task table: its number is its 序号, its text a cell; nothing in it runs in
            if (line.is(LineKind.ITEM) && line.number() != null) {
                item = Integer.parseInt(line.number());
            }
            out.add(line);
            return;
        }
        switch (line.kind()) {
            case SCHEDULE -> {
                schedule = true;
                out.add(line);
                return;
            }
            case CHAPTER, SECTION, PART, TITLE -> schedule = false;
            default -> {
            }
        }
        if (schedule) {
            out.add(line);
            return;
        }
        if (asPoints.contains(index)) {
            line = line.as(LineKind.POINT, line.number(), line.text())
                    .withNote(ReadingNote.of(Kind.NUMBERED_LIST_AS_POINTS, line.line(), line.number(), Integer.toString(item)));
        } else if (line.alternative() != null) {
            line = settle(index, line);
        }
        if (line.is(LineKind.PARAGRAPH) && newContainer && HeadlineSplitter.opensWithHeadline(line.text())) {
            unnumberedItem = true;
        }
        switch (line.kind()) {
            case PART -> part(line);
            case CHAPTER -> chapter(line);
            case SECTION -> section(line);
            case ITEM -> line = item(index, line);
            case POINT -> point(line);
            default -> {
            }
        }
        if (line.is(LineKind.CHAPTER) || line.is(LineKind.SECTION) || line.is(LineKind.ITEM) || line.is(LineKind.POINT)
                || line.is(LineKind.PARAGRAPH) || line.is(LineKind.PART)) {
            runIns(index, line);
        } else {
            out.add(line);
        }
    }

    /** A line that may be read two ways: the numbers around it decide. */
    private ClassifiedLine settle(int index, ClassifiedLine line) {
        var other = line.alternative();
        if (other.is(LineKind.ITEM) && other.number() != null) {
            int number = Integer.parseInt(other.number());
            // an item printed with this very number later in the same section says this line is prose
            int next = nextItemNumber(index + 1, true);
            boolean comesNext = number == item + 1 || newContainer && number == 1 || afterUnnumberedItem(number);
            int after = item == 0 ? nextItemOrCandidate(index + 1) : -1;
            boolean firstOfPart = item == 0 && (after == number + 1 || after < 0 && !decimal(other.text()));
            if (comesNext && next != number || firstOfPart) {
                return other.withNote(ReadingNote.of(Kind.NUMBER_BEFORE_DIGITS, line.line(), other.number(), other.text()));
            }
            if (item > 0 && number == item + 1) {
                return line.withNote(ReadingNote.of(Kind.NUMBER_READ_AS_TEXT, line.line(), other.number(), Integer.toString(next)));
            }
            return line;
        }
        if (other.is(LineKind.ITEM)) {
            // a mark without its number: an item where one is due and the next printed is the one after it
            int next = nextItemNumber(index + 1, false);
            if ((item > 0 || newContainer) && next != item + 1 && HeadlineSplitter.opensWithHeadline(other.text())) {
                var number = Integer.toString(item + 1);
                return other.as(LineKind.ITEM, number, other.text())
                        .withNote(ReadingNote.of(Kind.NUMBER_MISSING, line.line(), number));
            }
            return line;
        }
        if (other.is(LineKind.CHAPTER)) {
            int number = ChineseNumerals.parse(other.number());
            if (number == chapter + 1 || chapter == 0 && nextChapterNumber(index + 1) == number + 1) {
                return other;
            }
        }
        return line;
    }

    private static final Pattern DECIMAL = Pattern.compile("^\\d{1,2}(?:亿|万|千|百|元|%|‰|个百分点|倍|米|公里|平方|亩|吨|小时|天|周|分|人次)");

    /** Whether the text after "3." reads as the rest of a decimal (3.5亿元, 3.75%), not of a date or a year (4.12月, 15.2024年). */
    private static boolean decimal(String rest) {
        return DECIMAL.matcher(rest).find();
    }

    /** Item 2 (or the one after next) where the first item of the chapter or section was printed without its number. */
    private boolean afterUnnumberedItem(int number) {
        return newContainer && unnumberedItem && (number == 2 || item > 0 && number == item + 2);
    }

    private void part(ClassifiedLine line) {
        chapter = 0;
        section = 0;
        point = 0;
        inItem = false;
        newContainer = true;
        unnumberedItem = false;
        if (partsArePlans) {
            item = 0;
        }
    }

    private void chapter(ClassifiedLine line) {
        int number = line.number() == null ? chapter + 1 : ChineseNumerals.parse(line.number());
        chapter = number;
        section = 0;
        point = 0;
        inItem = false;
        newContainer = true;
        unnumberedItem = false;
    }

    private void section(ClassifiedLine line) {
        int number = line.number() == null ? section + 1 : ChineseNumerals.parse(line.number());
        section = number;
        point = 0;
        inItem = false;
        newContainer = true;
        unnumberedItem = false;
    }

    private ClassifiedLine item(int index, ClassifiedLine line) {
        if (line.number() == null) {
            item++;
        } else {
            int number = Integer.parseInt(line.number());
            boolean inSequence = number == item + 1 || newContainer && number == 1 || item == 0 || afterUnnumberedItem(number);
            if (!inSequence && number == 1 && inItem && subList(index)) {
                line = line.as(LineKind.POINT, line.number(), line.text())
                        .withNote(ReadingNote.of(Kind.NUMBERED_LIST_AS_POINTS, line.line(), line.number(), Integer.toString(item)));
                point(line);
                return line;
            }
            boolean lostLeadingDigits = item + 1 >= 10 && number < item + 1 && Integer.toString(item + 1).endsWith(line.number());
            if (!inSequence && item > 0 && (lostLeadingDigits || nextItemNumber(index + 1, false) == item + 2)) {
                // a misprinted or damaged number where the next is due: 8 for 28 (its first byte lost to a GBK slip), or
                // a number between two items in sequence
                var inferred = Integer.toString(item + 1);
                line = line.as(LineKind.ITEM, inferred, line.text())
                        .withNote(ReadingNote.of(Kind.NUMBER_MISSING, line.line(), inferred, line.number()));
                number = item + 1;
                inSequence = true;
            }
            if (!inSequence) {
                var kind = number > item ? Kind.NUMBER_GAP : Kind.NUMBER_OUT_OF_ORDER;
                line = line.withNote(ReadingNote.of(kind, line.line(), Integer.toString(item), line.number()));
            }
            item = number;
        }
        newContainer = false;
        inItem = true;
        point = 0;
        return line;
    }

    private void point(ClassifiedLine line) {
        if (line.number() != null && line.number().chars().allMatch(Character::isDigit)) {
            point = Integer.parseInt(line.number());
        }
    }

    /**
     * Whether the item 1 at {@code index}, inside an item, opens a numbered list of that item: lines 1, 2, 3 … after
     * which the items' own numbers go on. Marks the list's lines to be read as sub-points.
     */
    private boolean subList(int index) {
        var run = new ArrayList<Integer>();
        int expected = 1;
        for (int i = index; i < lines.size(); i++) {
            var line = lines.get(i);
            if (isBoundary(line)) {
                return false;
            }
            if (!isCleanItem(line)) {
                continue;
            }
            int number = Integer.parseInt(line.number());
            if (number == expected) {
                run.add(i);
                expected++;
            } else if (number == item + 1) {
                run.stream().skip(1).forEach(asPoints::add);
                return true;
            } else {
                return false;
            }
        }
        return false;
    }

    /**
     * Adds the line, split where a heading or item that comes next runs in after the end of a sentence; every piece
     * split off moves the numbers on as a line of its own would.
     */
    private void runIns(int index, ClassifiedLine line) {
        var current = line;
        while (true) {
            var split = findRunIn(index, current);
            if (split == null) {
                out.add(current);
                return;
            }
            var before = current.text().substring(0, split.at()).strip();
            out.add(current.as(current.kind(), current.number(), before));
            var next = split.line();
            switch (next.kind()) {
                case CHAPTER -> chapter(next);
                case SECTION -> section(next);
                case ITEM -> item(index, next);
                default -> {
                }
            }
            current = next;
        }
    }

    private record RunIn(int at, ClassifiedLine line) {
    }

    private RunIn findRunIn(int index, ClassifiedLine line) {
        var text = line.text();
        if (text == null || text.length() < SHORTEST_RUN_IN + 2) {
            return null;
        }
        Matcher m = RUN_IN.matcher(text);
        while (m.find()) {
            var rest = text.substring(m.end());
            if (rest.length() < SHORTEST_RUN_IN) {
                continue;
            }
            var marker = text.substring(m.start(), m.end()).strip();
            ClassifiedLine found = null;
            if (m.group("chapter") != null && !sectionsAreChapters && ChineseNumerals.parse(m.group("chapter")) == chapter + 1
                    && (chapter > 0 || nextChapterNumber(index + 1) == 2)) {
                found = runIn(line, LineKind.CHAPTER, m.group("chapter"), rest, marker);
            } else if (m.group("section") != null && ChineseNumerals.parse(m.group("section")) == section + 1
                    && (section > 0 || chapter > 0 && !sectionsAreChapters) && !inList(text, m.start(), "section")) {
                found = runIn(line, LineKind.SECTION, m.group("section"), rest, marker);
            } else if (m.group("item") != null && (!Character.isDigit(rest.charAt(0)) || !decimal(rest))) {
                int number = Integer.parseInt(m.group("item"));
                boolean comesNext = item > 0 && number == item + 1 || newContainer && number == 1 && !line.is(LineKind.PARAGRAPH);
                if (comesNext && !inList(text, m.start(), "item") && !containerHasItem(index + 1, number)) {
                    found = runIn(line, LineKind.ITEM, m.group("item"), rest, marker);
                }
            }
            if (found != null) {
                return new RunIn(m.start(), found);
            }
        }
        return null;
    }

    private static ClassifiedLine runIn(ClassifiedLine line, LineKind kind, String number, String rest, String marker) {
        var found = new ClassifiedLine(line.source(), kind, number, rest, null, 0, null, java.util.Map.of(), null, List.of());
        return found.withNote(ReadingNote.of(Kind.RUN_IN, line.line(), marker));
    }

    private static final Pattern ITEM_IN_LIST = Pattern.compile("(?:^|[。；：，！？])\\s*\\d{1,3}\\s*[、.．](?!\\d)");
    private static final Pattern SECTION_IN_LIST = Pattern.compile("(?:^|[。；：，！？])\\s*[（(][一二三四五六七八九十]{1,3}[）)]");

    /**
     * Whether the mark at {@code at} belongs to a list inside the text: a mark of the same kind stands earlier in it
     * ("…要求：1、建立制度。2、完善机制。").
     */
    private static boolean inList(String text, int at, String group) {
        var earlier = group.equals("item") ? ITEM_IN_LIST : SECTION_IN_LIST;
        return earlier.matcher(text.substring(0, at)).find();
    }

    /**
     * The number of the next item printed on a line of its own, before a schedule (and, when {@code inContainer}, before
     * the next chapter or section); -1 when none.
     */
    private int nextItemNumber(int from, boolean inContainer) {
        for (int i = from; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.is(LineKind.SCHEDULE) || line.is(LineKind.TITLE) && i > 0 || inContainer && isBoundary(line)) {
                return -1;
            }
            if (isCleanItem(line)) {
                return Integer.parseInt(line.number());
            }
        }
        return -1;
    }

    /** The number of the next line that is or may be an item (4.12月底前 counts), before a schedule; -1 when none. */
    private int nextItemOrCandidate(int from) {
        for (int i = from; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.is(LineKind.SCHEDULE) || line.is(LineKind.TITLE)) {
                return -1;
            }
            if (isCleanItem(line)) {
                return Integer.parseInt(line.number());
            }
            var other = line.alternative();
            if (other != null && other.is(LineKind.ITEM) && other.number() != null) {
                return Integer.parseInt(other.number());
            }
        }
        return -1;
    }

    private int nextChapterNumber(int from) {
        for (int i = from; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.is(LineKind.CHAPTER) && line.number() != null) {
                return ChineseNumerals.parse(line.number());
            }
        }
        return -1;
    }

    /**
     * Whether an item {@code number} is printed on a line of its own later in the same chapter or section. A heading
     * may itself be run into a line, so numbers that start again (a 1, or one not above the last seen) end the search
     * too.
     */
    private boolean containerHasItem(int from, int number) {
        int last = 0;
        for (int i = from; i < lines.size(); i++) {
            var line = lines.get(i);
            if (isBoundary(line)) {
                return false;
            }
            if (isCleanItem(line)) {
                int seen = Integer.parseInt(line.number());
                if (seen == number) {
                    return true;
                }
                if (seen < number || seen <= last) {
                    return false;
                }
                last = seen;
            }
        }
        return false;
    }

    private static boolean isBoundary(ClassifiedLine line) {
        return line.is(LineKind.CHAPTER) || line.is(LineKind.SECTION) || line.is(LineKind.PART) || line.is(LineKind.TITLE)
                || line.is(LineKind.SCHEDULE);
    }

    private static boolean isCleanItem(ClassifiedLine line) {
        return line.is(LineKind.ITEM) && line.number() != null && line.alternative() == null && line.source().row() == null;
    }
}
