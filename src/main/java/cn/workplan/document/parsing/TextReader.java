package cn.workplan.document.parsing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import cn.workplan.document.DocumentImportException;
import cn.workplan.system.ControlCharacters;

/**
 * Reads plain text — pasted, or a {@code .txt} file in UTF-8 (with or without a byte-order mark),
 * UTF-16 with a byte-order mark, or GB18030 as Chinese Windows saves it — into lines. Refuses an empty
 * text, one over {@link #MAX_BYTES}, and binary content.
 */
public final class TextReader {

    /** Largest text accepted, in bytes (or characters, for pasted text). */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextReader() {
    }

    public static List<SourceLine> read(byte[] content) throws DocumentImportException {
        if (content == null || content.length == 0) {
            throw new DocumentImportException("document.import.error.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new DocumentImportException("document.import.error.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        if (isKnownBinaryFormat(content)) {
            throw new DocumentImportException("document.import.error.binary");
        }
        return read(decode(content));
    }

    /** A zip (Word, Excel), an old Office file or a PDF saved as .txt. */
    private static boolean isKnownBinaryFormat(byte[] content) {
        return startsWith(content, 'P', 'K', 3, 4) || startsWith(content, '%', 'P', 'D', 'F')
                || startsWith(content, 0xD0, 0xCF, 0x11, 0xE0);
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    public static List<SourceLine> read(String text) throws DocumentImportException {
        if (text == null || text.isBlank()) {
            throw new DocumentImportException("document.import.error.empty");
        }
        if (text.length() > MAX_BYTES) {
            throw new DocumentImportException("document.import.error.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        if (looksBinary(text)) {
            throw new DocumentImportException("document.import.error.binary");
        }
        var lines = new ArrayList<SourceLine>();
        // before splitting: a vertical tab or form feed (Word's line and page breaks) becomes a line break of its own
        var parts = ControlCharacters.strip(text).split("\\r\\n|\\r|\\n|\\u2028|\\u2029", -1);
        for (int i = 0; i < parts.length; i++) {
            lines.add(SourceLine.of(i + 1, parts[i]));
        }
        return lines;
    }

    static String decode(byte[] content) throws DocumentImportException {
        if (content.length >= 2 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE);
        }
        if (content.length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
        }
        for (byte b : content) {
            if (b == 0) {
                throw new DocumentImportException("document.import.error.binary");
            }
        }
        try {
            var text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(content, GB18030);
        }
    }

    /**
     * Control characters other than line breaks (Word's vertical tab and form feed included) and tabs in more than 1 %
     * of the text, or undecodable bytes (U+FFFD) in more than 10 %. A text once read one byte off (GBK) keeps one such
     * character for every line that slipped, and is read, not refused.
     */
    private static boolean looksBinary(String text) {
        int controls = 0;
        int undecodable = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') {
                undecodable++;
            } else if (c == 0 || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\u000B')) {
                controls++;
            }
        }
        return text.indexOf('\0') >= 0 || controls > 0 && controls * 100 >= text.length() || undecodable * 10 >= text.length();
    }
}
