package cn.workplan.document.parsing;

/**
 * Splits a node's text into its headline — the first sentence, up to the first 。 that stands outside
 * quotes and brackets, without the 。 — and the body, the rest. A text without such a 。 is all
 * headline when it is short; a long one is cut at its first ；.
 */
public final class HeadlineSplitter {

    /** Longest text taken whole as a headline when it has no 。. */
    static final int LONGEST_HEADLINE = 120;

    private HeadlineSplitter() {
    }

    public record Split(String headline, String body) {
    }

    public static Split split(String text) {
        var stripped = text == null ? "" : text.strip();
        int end = sentenceEnd(stripped, '。');
        if (end < 0 && stripped.length() > LONGEST_HEADLINE) {
            end = sentenceEnd(stripped, '；');
        }
        if (end < 0) {
            return new Split(stripped, "");
        }
        return new Split(stripped.substring(0, end).strip(), stripped.substring(end + 1).strip());
    }

    /** Where the first sentence ends: the first {@code mark} outside “…” 《…》 and （…）; -1 when none. */
    static int sentenceEnd(String text, char mark) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '“' || c == '《' || c == '（' || c == '「' || c == '『') {
                depth++;
            } else if ((c == '”' || c == '》' || c == '）' || c == '」' || c == '』') && depth > 0) {
                depth--;
            } else if (c == mark && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The first sentence is short enough to be a task item's headline: 加强党的全面领导。 */
    public static boolean opensWithHeadline(String text) {
        int end = sentenceEnd(text == null ? "" : text.strip(), '。');
        return end >= 2 && end <= 40;
    }
}
