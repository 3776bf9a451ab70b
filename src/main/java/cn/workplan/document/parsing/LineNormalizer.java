package cn.workplan.document.parsing;

import java.util.regex.Pattern;

/**
 * Makes a line of copied text regular before it is read: stray spaces (the full-width space, no-break
 * space, {@code &nbsp;}, tabs, zero-width characters) collapse or go; full-width letters and digits
 * become ASCII; half-width punctuation in Chinese prose becomes the full-width form a plan prints
 * (, ; : ? ! and paired brackets); optionally Traditional characters become Simplified.
 */
public final class LineNormalizer {

    private static final Pattern ENTITY_SPACE = Pattern.compile("&(nbsp|ensp|emsp|#160|#12288);", Pattern.CASE_INSENSITIVE);
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
    /** A space beside Chinese punctuation is never meant. */
    private static final Pattern SPACE_BY_PUNCTUATION = Pattern.compile(
            " (?=[，。；：、？！”’）》〕】])|(?<=[，。；：、？！“‘（《〔【]) ");

    private final boolean toSimplified;

    public LineNormalizer(boolean toSimplified) {
        this.toSimplified = toSimplified;
    }

    public String normalize(String line) {
        if (line == null || line.isEmpty()) {
            return "";
        }
        var text = ENTITY_SPACE.matcher(line).replaceAll(" ");
        text = INVISIBLE.matcher(text).replaceAll("");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return text;
        }
        text = asciiLettersAndDigits(text);
        if (toSimplified) {
            text = ChineseScript.toSimplified(text);
        }
        text = fullWidthPunctuation(text);
        return SPACE_BY_PUNCTUATION.matcher(text).replaceAll("");
    }

    private static String asciiLettersAndDigits(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ')) {
                out.append((char) (c - 0xFEE0));
            } else if (c == '％') {
                out.append('%');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** , ; : ? ! beside Chinese, and brackets around or beside Chinese, in their full-width forms. */
    static String fullWidthPunctuation(String text) {
        var chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            int full = ",;:?!".indexOf(c);
            if (full >= 0 && (isChinese(at(chars, i - 1)) || isChinese(at(chars, i + 1)))
                    && !(c == ':' && isDigit(at(chars, i - 1)) && isDigit(at(chars, i + 1)))) {
                chars[i] = "，；：？！".charAt(full);
            } else if (c == '(') {
                int close = closing(chars, i);
                if (close > 0 && (i == 0 || isChinese(at(chars, i - 1)) || isChinese(at(chars, close + 1))
                        || containsChinese(chars, i + 1, close))) {
                    chars[i] = '（';
                    chars[close] = '）';
                }
            }
        }
        return new String(chars);
    }

    private static int closing(char[] chars, int open) {
        for (int j = open + 1; j < chars.length && j < open + 80; j++) {
            if (chars[j] == '(') {
                return -1;
            }
            if (chars[j] == ')') {
                return j;
            }
        }
        return -1;
    }

    private static char at(char[] chars, int i) {
        return i >= 0 && i < chars.length ? chars[i] : ' ';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean containsChinese(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isChinese(chars[i])) {
                return true;
            }
        }
        return false;
    }

    /** A Han character or a piece of Chinese punctuation. */
    static boolean isChinese(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= '\u3000' && c <= '\u303F') || (c >= '\uFF01' && c <= '\uFF0F' && c != '\uFF05')
                || c == '“' || c == '”' || c == '‘' || c == '’' || c == '—' || c == '…' || c == '》' || c == '《';
    }
}
