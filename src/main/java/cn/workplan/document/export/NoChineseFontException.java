package cn.workplan.document.export;

/** The PDF export has no Chinese font to embed (see {@code workplan.pdf.fonts}). */
public class NoChineseFontException extends RuntimeException {

    public NoChineseFontException(String searched) {
        super("no Chinese font for the PDF export among " + searched);
    }
}
