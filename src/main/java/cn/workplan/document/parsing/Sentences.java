package cn.workplan.document.parsing;

import java.util.ArrayList;
import java.util.List;

/** Cuts prose into sentences (at 。；！？) or clauses (also at ，：), each keeping its place in the text. */
final class Sentences {

    private Sentences() {
    }

    record Piece(String text, int start) {
    }

    static List<Piece> sentences(String text) {
        return cut(text, "。；;！？!?");
    }

    static List<Piece> clauses(String text) {
        return cut(text, "。；;！？!?，,：:");
    }

    private static List<Piece> cut(String text, String marks) {
        var pieces = new ArrayList<Piece>();
        if (text == null) {
            return pieces;
        }
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || marks.indexOf(text.charAt(i)) >= 0) {
                if (i > start && !text.substring(start, i).isBlank()) {
                    pieces.add(new Piece(text.substring(start, i), start));
                }
                start = i + 1;
            }
        }
        return pieces;
    }
}
