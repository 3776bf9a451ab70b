package cn.workplan.document.parsing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.BitSet;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Puts right the beginning of a line that was stored as GBK and read back one byte off: every two bytes that made a
 * character are read with their neighbours, so "　　（一）义务教育" shows as "　。ㄒ唬┮逦窠逃�" — a 。 and unrelated
 * characters — until a one-byte character (a digit, ASCII punctuation, the line's end) brings the reading back in
 * step.
 * <p>
 * Such a run is made of characters that plain Chinese text hardly uses: the less common half of GB2312 (level 2),
 * its rows of kana, Greek, Cyrillic, pinyin, bopomofo and box drawing, its empty rows. The repair encodes the run
 * again, moves it by one byte — dropping the first byte, or putting back the one that was lost before it — and
 * decodes it. It is kept only where the result opens with a heading or item mark (一、 （一） 1. （1） ①) and reads as
 * plain text. The last character of a run that reached the end of the line lost its second byte and cannot be known:
 * it is shown as □ for the person to put right.
 */
final class EncodingSlip {

    static final char LOST = '□';

    private static final Charset GBK = Charset.forName("GBK");
    /** Characters GBK maps from the rows of GB2312 that plain prose seldom uses. */
    private static final BitSet UNUSUAL = unusual();
    private static final Pattern MARK = Pattern.compile(
            "^[\\s\\u3000]*(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}(?:[）)]|□\\s)|[（(][0-9０-９]{1,2}[）)]"
                    + "|[0-9０-９]{1,3}[、．.]|[\\u2460-\\u2473]|第[一二三四五六七八九十]{1,3}[章篇部])\\s*\\S");
    /** A mark that opens with a one-byte character: 2、 12. 3） (二) (1) */
    private static final Pattern DIGIT_MARK = Pattern.compile("^(?:[0-9]{1,3}[、．.）)]|\\(\\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\\s*\\))\\s*\\S");
    private static final Pattern CLOSED_NUMBER = Pattern.compile("^[0-9]{1,2}[）)]");
    /** Bytes enough for any mark with its indent and the character after it: "　　（十二）加" is 14. */
    private static final int HEAD = 16;
    /** A decoder a thread: a repair tries a hundred shifts, each decoded (decode(ByteBuffer) resets it). */
    private static final ThreadLocal<CharsetDecoder> DECODER = ThreadLocal.withInitial(() -> GBK.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith("\uFFFD"));
    private static final Pattern LEADING_SPACES = Pattern.compile("^\u3000+");
    /** Share of unusual characters above which a run reads as garbled. */
    private static final double GARBLED = 0.3;

    /** A repaired line: its text, and whether a character at the end of the run was lost. */
    record Repair(String text, String run, String repaired, boolean partial) {
    }

    private EncodingSlip() {
    }

    /** The line put right, or empty when it does not look garbled or no repair reads as plain text. */
    static Optional<Repair> repair(String line) {
        if (line == null || line.isEmpty()) {
            return Optional.empty();
        }
        int start = 0;
        while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
            start++;
        }
        int end = start;
        while (end < line.length() && line.charAt(end) >= 0x80) {
            end++;
        }
        var run = line.substring(start, end);
        if (run.isBlank() || !looksGarbled(run)) {
            return Optional.empty();
        }
        var after = line.substring(end);
        if (run.strip().length() <= 5 && DIGIT_MARK.matcher(after).find()) {
            // the slipped indent (four bytes at most) before a mark of one-byte digits, which brought the reading in step;
            // "。�" just before "3）" is the full-width bracket of （3） read one byte off
            boolean bracket = run.endsWith("。\uFFFD") && CLOSED_NUMBER.matcher(after).find();
            if (bracket || run.strip().length() <= 3) {
                var mark = bracket ? "（" : "";
                return Optional.of(new Repair(line.substring(0, start) + mark + after, run, mark, false));
            }
        }
        boolean lostTail = run.charAt(run.length() - 1) == '\uFFFD';
        var whole = lostTail ? run.substring(0, run.length() - 1) : run;
        // a full-width space is two bytes: dropping it keeps the rest in the same step
        whole = LEADING_SPACES.matcher(whole).replaceFirst("");
        int strays = 0;
        while (strays < whole.length() && whole.charAt(strays) == '\uFFFD') {
            strays++;
        }
        whole = whole.substring(strays);
        if (whole.isEmpty()) {
            // only a stray byte before a one-byte character (3.加强…): what follows is in step
            var rest = line.substring(end).strip();
            return rest.isEmpty() ? Optional.empty() : Optional.of(new Repair(line.substring(0, start) + rest, run, "", false));
        }
        if (whole.indexOf('\uFFFD') >= 0) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            var buffer = GBK.newEncoder().encode(CharBuffer.wrap(whole));
            bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        // one byte too many before the run: drop it
        String best = bytes.length > 1 ? decode(bytes, 1, lostTail) : null;
        double bestScore = score(best);
        // one byte lost before the run: put back the one that gives a mark; preferred where both read (十二、 over 二、)
        var shifted = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, shifted, 1, bytes.length);
        for (int lead = 0x81; lead <= 0xFE; lead++) {
            shifted[0] = (byte) lead;
            // most lead bytes give no mark: the first bytes tell, before the whole run is decoded
            var head = decode(shifted, 0, Math.min(shifted.length, HEAD), false);
            if (head == null || !MARK.matcher(head).find() && shifted.length > HEAD) {
                continue;
            }
            var candidate = decode(shifted, 0, lostTail);
            double score = score(candidate);
            if (score > 0 && score + 0.001 > bestScore) {
                best = candidate;
                bestScore = score + 0.001;
            }
        }
        if (best == null || bestScore <= 0) {
            return Optional.empty();
        }
        var repaired = best.strip();
        return Optional.of(new Repair(line.substring(0, start) + repaired + line.substring(end), run, repaired,
                repaired.indexOf(LOST) >= 0));
    }

    /** Whether a run of text has the share of unusual characters that a reading one byte off leaves. */
    static boolean looksGarbled(String run) {
        var text = run.strip();
        if (text.isEmpty() || MARK.matcher(text).find()) {
            return false;
        }
        if (text.charAt(0) == '\uFFFD') {
            return true;
        }
        int unusual = 0;
        int counted = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u3000') {
                continue;
            }
            counted++;
            if (isUnusual(c)) {
                unusual++;
            }
        }
        boolean opensWithStop = "。，、；：）".indexOf(text.charAt(0)) >= 0;
        return counted >= 2 && (unusual >= 2 && unusual >= GARBLED * counted || opensWithStop && unusual >= 1);
    }

    static boolean isUnusual(char c) {
        return c == '\uFFFD' || UNUSUAL.get(c);
    }

    /** Above 0 when the text opens with a mark and reads as plain text; higher the plainer. */
    private static double score(String text) {
        if (text == null || !MARK.matcher(text).find() || !wellFormedNumeral(text)) {
            return -1;
        }
        int unusual = 0;
        int counted = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == LOST || c == '\u3000') {
                continue;
            }
            counted++;
            if (isUnusual(c)) {
                unusual++;
            }
        }
        if (counted == 0 || unusual > Math.max(1, counted / 10)) {
            return -1;
        }
        return 1 - (double) unusual / counted;
    }

    private static final Pattern NUMERAL = Pattern.compile("^[\\s\\u3000]*[（(]?([一二三四五六七八九十]{1,3})");

    /** A Chinese numeral that opens the text is one a plan prints: 十二, not 二一. */
    private static boolean wellFormedNumeral(String text) {
        var m = NUMERAL.matcher(text);
        if (!m.find()) {
            return true;
        }
        int value = cn.workplan.system.ChineseNumerals.parse(m.group(1));
        return value > 0 && cn.workplan.system.ChineseNumerals.of(value).equals(m.group(1));
    }

    /**
     * The bytes from {@code from} decoded; a last byte without its partner (its second byte was lost where the reading
     * came back in step) becomes {@link #LOST} when the run had lost its tail, and is dropped otherwise.
     */
    private static String decode(byte[] bytes, int from, boolean lostTail) {
        return decode(bytes, from, bytes.length, lostTail);
    }

    private static String decode(byte[] bytes, int from, int to, boolean lostTail) {
        CharsetDecoder decoder = DECODER.get();
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        if (text.endsWith("\uFFFD")) {
            text = text.substring(0, text.length() - 1) + (lostTail ? String.valueOf(LOST) : "");
        } else if (lostTail) {
            text = text + LOST;
        }
        return text.indexOf('\uFFFD') >= 0 ? null : text;
    }

    private static BitSet unusual() {
        var set = new BitSet(0x10000);
        var decoder = GBK.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int lead = 0xA4; lead <= 0xFE; lead++) {
            // rows A4-A9 (kana to box drawing), AA-AF (empty), D8-F7 (level 2), F8-FE (empty)
            if (lead >= 0xB0 && lead <= 0xD7) {
                continue;
            }
            for (int trail = 0xA1; trail <= 0xFE; trail++) {
                try {
                    var c = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) lead, (byte) trail}));
                    if (c.length() == 1) {
                        set.set(c.charAt(0));
                    }
                } catch (CharacterCodingException e) {
                    // not mapped: nothing to remember
                }
            }
        }
        return set;
    }
}
