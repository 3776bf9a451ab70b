package cn.workplan.document.parsing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Joins the lines of a paragraph that a copy from a PDF, an e-mail or a scan broke at the width of its page. Such a
 * text has a width most lines reach and none exceeds (counting a Chinese character as two columns, a digit or letter
 * as one), and its lines of that width end in the middle of a sentence. A line as wide as that, not ending a
 * sentence, goes on in the next line, across a page number or running header and the blank lines beside them, unless
 * the next line opens with a heading or item mark. A text without such a width is left as it is.
 */
final class HardWraps {

    /**
     * Lines narrower than this are headings or ends of paragraphs; they say nothing about the width. A page holds 28
     * characters a line (GB/T 9704), an e-mail 36 to 40.
     */
    private static final int NARROWEST = 40;
    /** Fewer full lines than this are no evidence of a width, unless nearly all of them end in mid-sentence. */
    private static final int FEWEST = 6;
    /** Fewer full lines than this are no evidence at all. */
    private static final int FEWEST_OPEN = 3;
    /** How far short of the width a full line may end: a character that did not fit, digits set half-width. */
    private static final int SLACK = 4;
    private static final Pattern MARK = Pattern.compile(
            "^[\\s\\u3000]*(?:[一二三四五六七八九十]{1,3}\\s*[、．.]|[（(][一二三四五六七八九十\\d０-９]{1,3}[）)]"
                    + "|[\\d０-９]{1,3}\\s*[、．.](?![\\d０-９])|[\\u2460-\\u2473]|第[一二三四五六七八九十\\d]{1,3}[章节篇部])");
    private static final String SENTENCE_ENDS = "。！？；：!?;:”’）)》…";

    private HardWraps() {
    }

    /** The lines with every hard-wrapped paragraph joined into its first line; {@code furniture} stays apart. */
    static List<SourceLine> join(List<SourceLine> lines, Set<Integer> furniture) {
        int width = wrapWidth(lines, furniture);
        if (width < 0) {
            return lines;
        }
        var out = new ArrayList<SourceLine>(lines.size());
        var held = new ArrayList<SourceLine>();
        SourceLine open = null;
        String lastPiece = null;
        for (var line : lines) {
            boolean apart = furniture.contains(line.number()) || line.text().isBlank();
            if (open != null) {
                if (apart) {
                    held.add(line);
                    continue;
                }
                if (isFull(lastPiece, width) && continues(line, held, furniture)) {
                    var piece = line.text().strip();
                    open = open.joinedWith(line.withText(piece), separator(open.text(), piece));
                    lastPiece = line.text().stripTrailing();
                    out.addAll(held);
                    held.clear();
                    continue;
                }
                out.add(open);
                out.addAll(held);
                held.clear();
                open = null;
            }
            if (apart) {
                out.add(line);
                continue;
            }
            open = line.withText(line.text().stripTrailing());
            lastPiece = open.text();
        }
        if (open != null) {
            out.add(open);
        }
        out.addAll(held);
        out.sort(java.util.Comparator.comparingInt(SourceLine::number));
        return out;
    }

    /**
     * Whether {@code next} goes on with the open paragraph: blank lines between them only where a page number or
     * header stands among them too, and no heading or item mark opening it.
     */
    private static boolean continues(SourceLine next, List<SourceLine> between, Set<Integer> furniture) {
        boolean blank = between.stream().anyMatch(line -> line.text().isBlank());
        boolean pageBreak = between.stream().anyMatch(line -> furniture.contains(line.number()));
        return (!blank || pageBreak) && !MARK.matcher(next.text()).find();
    }

    /** Whether a line of the source (with its indent) reaches the width without ending a sentence: its paragraph goes on. */
    private static boolean isFull(String piece, int width) {
        if (piece.isBlank() || SENTENCE_ENDS.indexOf(piece.charAt(piece.length() - 1)) >= 0) {
            return false;
        }
        return columns(piece) >= width - SLACK;
    }

    /** The width most lines reach and hardly any exceeds, or -1 when the text is not hard-wrapped. */
    static int wrapWidth(List<SourceLine> lines, Set<Integer> furniture) {
        var widths = new ArrayList<Integer>();
        var ends = new HashMap<Integer, Integer>();
        for (var line : lines) {
            if (line.row() != null) {
                return -1;
            }
            if (furniture.contains(line.number()) || line.text().isBlank()) {
                continue;
            }
            // the indent of a paragraph's first line takes its columns too
            var text = line.text().stripTrailing();
            int columns = columns(text);
            if (columns >= NARROWEST) {
                widths.add(columns);
                if (SENTENCE_ENDS.indexOf(text.charAt(text.length() - 1)) < 0) {
                    ends.merge(columns, 1, Integer::sum);
                }
            }
        }
        if (widths.size() < FEWEST_OPEN) {
            return -1;
        }
        int best = -1;
        int bestCount = 0;
        for (int candidate : new java.util.TreeSet<>(widths)) {
            int count = 0;
            for (int w : widths) {
                if (w >= candidate - SLACK && w <= candidate + 2) {
                    count++;
                }
            }
            if (count > bestCount || count == bestCount && candidate > best) {
                best = candidate;
                bestCount = count;
            }
        }
        int wider = 0;
        int opened = 0;
        for (int w : widths) {
            if (w > best + 2) {
                wider++;
            }
        }
        for (var entry : ends.entrySet()) {
            if (entry.getKey() >= best - SLACK && entry.getKey() <= best + 2) {
                opened += entry.getValue();
            }
        }
        // few full lines are evidence only when nearly all of them end in the middle of a sentence
        boolean open = bestCount >= FEWEST ? opened * 2 >= bestCount : opened * 4 >= bestCount * 3;
        boolean wrapped = bestCount >= FEWEST_OPEN && bestCount * 5 >= widths.size() && wider * 10 <= widths.size() && open;
        return wrapped ? best : -1;
    }

    /** Columns a text takes: two for a Chinese character or full-width form, one for ASCII. */
    static int columns(String text) {
        int columns = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            columns += c < 0x1100 ? 1 : 2;
        }
        return columns;
    }

    private static String separator(String before, String after) {
        if (before.isEmpty() || after.isEmpty()) {
            return "";
        }
        char last = before.charAt(before.length() - 1);
        char first = after.charAt(0);
        return Character.isLetter(last) && last < 0x80 && Character.isLetter(first) && first < 0x80 ? " " : "";
    }

}
