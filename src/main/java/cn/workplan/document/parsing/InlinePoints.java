package cn.workplan.document.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.workplan.system.ChineseNumerals;

/**
 * Finds sub-points written inline in a task item's body: "一是…二是…三是…" (also 一要…二要…). It takes
 * them only when they run in order from 一 and there are at least two, and only where the ordinal opens
 * the text or follows punctuation, so 统一是 or "一堵二扫三提高" are left alone.
 */
public final class InlinePoints {

    private static final Pattern MARKER = Pattern.compile("(?:^|(?<=[。；;：:，,！？\\s]))([一二三四五六七八九十])(是要|是|要)");

    private InlinePoints() {
    }

    /** The text before the first point, and the points. */
    public record Split(String lead, List<Point> points) {
    }

    /** One inline point: its ordinal (一) and its text without the ordinal. */
    public record Point(String number, String text) {
    }

    public static Optional<Split> find(String body) {
        if (body == null || body.isEmpty()) {
            return Optional.empty();
        }
        var starts = new ArrayList<Integer>();
        var ends = new ArrayList<Integer>();
        var matcher = MARKER.matcher(body);
        int expected = 1;
        while (matcher.find()) {
            if (ChineseNumerals.parse(matcher.group(1)) == expected) {
                starts.add(matcher.start());
                ends.add(matcher.end());
                expected++;
            }
        }
        if (starts.size() < 2) {
            return Optional.empty();
        }
        var points = new ArrayList<Point>();
        for (int i = 0; i < starts.size(); i++) {
            int to = i + 1 < starts.size() ? starts.get(i + 1) : body.length();
            var text = body.substring(ends.get(i), to).strip().replaceAll("[；;，,]$", "");
            points.add(new Point(ChineseNumerals.of(i + 1), text));
        }
        return Optional.of(new Split(body.substring(0, starts.get(0)).strip(), points));
    }
}
