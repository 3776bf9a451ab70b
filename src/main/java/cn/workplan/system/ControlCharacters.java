package cn.workplan.system;

/**
 * Removes the control characters that text copied out of Word, WPS, PDF readers or Excel brings along, invisibly:
 * NUL (which PostgreSQL refuses in text, so that it used to fail the whole request) and the other C0 controls and DEL.
 * Tab, line feed and carriage return stay; a vertical tab or form feed (Word's manual line break and page break) becomes
 * a line feed, so that pasted text keeps its lines.
 *
 * <p>Stripped rather than refused: a person cannot see these characters, so a message about them would be one they
 * cannot act on, and no field of the application gives them a meaning. Everything that enters is cleaned in one
 * place ({@code system.web.InputFilter} for parameters, form fields and file names, the JSON reader for API bodies);
 * readers of uploaded files ({@code system.table.TableReader}, the plan importer) call {@link #strip} on what they read.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The text without control characters other than tab, line feed and carriage return; the same instance when clean. */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        int first = firstControl(text);
        if (first < 0) {
            return text;
        }
        var clean = new StringBuilder(text.length());
        clean.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u000B' || c == '\f') {
                clean.append('\n');
            } else if (!isStripped(c)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    /** Whether the text holds a character {@link #strip} would remove or replace. */
    public static boolean present(String text) {
        return text != null && firstControl(text) >= 0;
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isStripped(c) || c == '\u000B' || c == '\f') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isStripped(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\u000B' && c != '\f' || c == 0x7F;
    }
}
