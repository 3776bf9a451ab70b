package cn.workplan.document.parsing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import cn.workplan.document.DiscardReason;

/**
 * Finds what every page of a printed plan carries and a copy from a PDF or a scan brings along between the lines:
 * page numbers ("— 3 —", "第3页 共12页", "3/12") and running headers or footers (the same short line again and again:
 * "青山县教育局文件", "内部资料 注意保存"). They are set aside as residue, and the lines around them are read as if they
 * were not there.
 */
final class PageFurniture {

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:[-—–－─―~～·•]+\\s*\\d{1,3}\\s*[-—–－─―~～·•]+"
                    + "|第\\s*\\d{1,3}\\s*页\\s*[,，/／]?\\s*(?:共\\s*\\d{1,3}\\s*页)?"
                    + "|共\\s*\\d{1,3}\\s*页\\s*[,，/／]?\\s*第\\s*\\d{1,3}\\s*页"
                    + "|\\d{1,3}\\s*/\\s*\\d{1,3}"
                    + "|(?i:page)\\s*\\d{1,3}(?:\\s*(?i:of)\\s*\\d{1,3})?"
                    + "|\\d{1,3})$");
    /** What a heading, an item or a date looks like: never a running header. */
    private static final Pattern STRUCTURE = Pattern.compile(
            "^(?:[一二三四五六七八九十]{1,3}\\s*[、．.]|[（(]|\\d{1,3}\\s*[、．.）)]|[\\u2460-\\u2473]|第[一二三四五六七八九十\\d]{1,3}[章节篇部])");
    /** A running header is short. */
    private static final int LONGEST_HEADER = 40;
    /** A header seen only once is shorter still. */
    private static final int SHORT_HEADER = 20;
    private static final String SENTENCE_ENDS = "。！？；：!?;:”’）)》…";

    private PageFurniture() {
    }

    /** The lines that are page numbers or running headers, each with its reason. */
    static Map<Integer, DiscardReason> find(List<SourceLine> lines) {
        var found = new TreeMap<Integer, DiscardReason>();
        var texts = new HashMap<String, Integer>();
        int firstText = -1;
        for (var line : lines) {
            if (line.row() != null) {
                return Map.of();
            }
            var text = compact(line.text());
            if (text.isEmpty()) {
                continue;
            }
            if (firstText < 0) {
                firstText = line.number();
            }
            if (PAGE_NUMBER.matcher(text).matches()) {
                found.put(line.number(), DiscardReason.PAGE_NUMBER);
            } else if (text.length() <= LONGEST_HEADER && !STRUCTURE.matcher(text).find()) {
                texts.merge(text, 1, Integer::sum);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            var text = compact(line.text());
            if (text.isEmpty() || found.containsKey(line.number()) || !texts.containsKey(text)) {
                continue;
            }
            int times = texts.get(text);
            boolean besidePageNumber = besidePageNumber(lines, i, found);
            // the first line of the document is its title or letterhead, also when pages repeat it
            if (line.number() != firstText && (times >= 3 || times >= 2 && besidePageNumber)) {
                found.put(line.number(), DiscardReason.RUNNING_HEADER);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (found.get(lines.get(i).number()) == DiscardReason.PAGE_NUMBER) {
                headerOnce(lines, i, found);
            }
        }
        return found;
    }

    /**
     * A header seen once: the short line right after a page number that broke a paragraph (the line before the number
     * ends in the middle of a sentence), itself no sentence and followed by no heading. A piece of the paragraph would
     * end it with a stop, or be a full line.
     */
    private static void headerOnce(List<SourceLine> lines, int pageNumber, Map<Integer, DiscardReason> found) {
        int before = nonBlank(lines, pageNumber, -1);
        int header = nonBlank(lines, pageNumber, 1);
        if (before < 0 || header < 0 || found.containsKey(lines.get(header).number())) {
            return;
        }
        int after = nonBlank(lines, header, 1);
        var text = compact(lines.get(header).text());
        var previous = compact(lines.get(before).text());
        boolean brokenParagraph = !previous.isEmpty() && SENTENCE_ENDS.indexOf(previous.charAt(previous.length() - 1)) < 0;
        boolean sentence = SENTENCE_ENDS.indexOf(text.charAt(text.length() - 1)) >= 0;
        boolean headingAfter = after >= 0 && STRUCTURE.matcher(compact(lines.get(after).text())).find();
        if (brokenParagraph && !sentence && text.length() <= SHORT_HEADER && !STRUCTURE.matcher(text).find() && !headingAfter) {
            found.put(lines.get(header).number(), DiscardReason.RUNNING_HEADER);
        }
    }

    private static int nonBlank(List<SourceLine> lines, int from, int step) {
        for (int i = from + step; i >= 0 && i < lines.size(); i += step) {
            if (!compact(lines.get(i).text()).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean besidePageNumber(List<SourceLine> lines, int at, Map<Integer, DiscardReason> found) {
        for (int step : new int[] {-1, 1}) {
            for (int i = at + step; i >= 0 && i < lines.size(); i += step) {
                var line = lines.get(i);
                if (compact(line.text()).isEmpty()) {
                    continue;
                }
                if (found.get(line.number()) == DiscardReason.PAGE_NUMBER) {
                    return true;
                }
                break;
            }
        }
        return false;
    }

    /** The text stripped, its runs of spaces (full-width and no-break ones too) as one space. */
    private static String compact(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
