package cn.workplan.notification;

import java.nio.charset.StandardCharsets;

/**
 * Text and links as the robots' Markdown shows them. Texts hold what people typed (an item's headline, a comment):
 * the characters Markdown reads as markup inside a line, and the {@code <} of 企业微信's {@code <@userid>} mentions,
 * become their full-width twins, which read the same in Chinese text, so that a headline neither breaks the message
 * nor slips a link or a mention into a group (no line starts with such a text, so list and quote markers need
 * nothing); line breaks become spaces. A link's characters outside the plain URL set are percent-encoded, so a link
 * always ends where its Markdown says.
 */
final class Markdown {

    private static final String MARKUP = "\\`*_{}[]()#|<>~";

    private Markdown() {
    }

    static String text(String text) {
        var escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\r' || c == '\n' || c == '\t') {
                escaped.append(' ');
            } else if (c < 0x80 && MARKUP.indexOf(c) >= 0) {
                // the full-width forms are the ASCII ones moved by 0xFEE0
                escaped.appendCodePoint(c + 0xFEE0);
            } else {
                escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }

    static String link(String label, String url) {
        return "[" + text(label) + "](" + url(url) + ")";
    }

    static String url(String url) {
        var encoded = new StringBuilder(url.length());
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~:/?#@!$&*+,;=%".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
