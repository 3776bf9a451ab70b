package cn.workplan.document.parsing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes the pinyin that web pages and teaching material put in brackets after characters hard to read: 规划(huà),
 * 饕餮（tāo tiè）, 校(jiao4)对. A bracket counts as such an annotation only when it follows a Chinese character and
 * holds one to four pinyin syllables with at least one tone (a mark or a digit), so (PPP), （一） or (2026) stay.
 */
final class PinyinAnnotations {

    private static final Pattern BRACKET = Pattern.compile(
            "(?<=\\p{IsHan})\\s?[（(]\\s*([a-zA-Z\\u00C0-\\u024F\\u01CD-\\u01DC]{1,7}[1-5]?(?:[\\s'’][a-zA-Z\\u00C0-\\u024F]{1,7}[1-5]?){0,3})\\s*[）)]");
    private static final Pattern SYLLABLE = Pattern.compile(
            "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
                    + "(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|in|un|vn|ia|ie|iu|ua|uo|ui|ue|ve|a|o|e|i|u|v)"
                    + "[1-5]?");
    private static final Pattern TONE_MARK = Pattern.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ]");

    /** The text without its pinyin, and the annotations removed as written ("规划(huà)"). */
    record Stripped(String text, List<String> removed) {
    }

    private PinyinAnnotations() {
    }

    static Stripped strip(String text) {
        if (text == null || text.indexOf('(') < 0 && text.indexOf('（') < 0) {
            return new Stripped(text, List.of());
        }
        var m = BRACKET.matcher(text);
        var out = new StringBuilder();
        var removed = new ArrayList<String>();
        int last = 0;
        while (m.find()) {
            if (!isPinyin(m.group(1))) {
                continue;
            }
            out.append(text, last, m.start());
            removed.add(text.substring(Math.max(0, m.start() - 2), m.end()).strip());
            last = m.end();
        }
        if (removed.isEmpty()) {
            return new Stripped(text, List.of());
        }
        out.append(text, last, text.length());
        return new Stripped(out.toString(), removed);
    }

    static boolean isPinyin(String annotation) {
        var lower = annotation.toLowerCase(java.util.Locale.ROOT);
        boolean toned = TONE_MARK.matcher(lower).find() || lower.matches(".*[1-5]\\b.*") || lower.matches(".*[1-5]$");
        if (!toned) {
            return false;
        }
        for (var syllable : lower.split("[\\s'’]+")) {
            if (!SYLLABLE.matcher(plain(syllable)).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The syllable without its tone mark; ü as v. */
    private static String plain(String syllable) {
        var decomposed = Normalizer.normalize(syllable.replace('ü', 'v').replace('ǖ', 'v').replace('ǘ', 'v')
                .replace('ǚ', 'v').replace('ǜ', 'v'), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "");
    }
}
