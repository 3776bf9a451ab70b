package cn.workplan.document.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.workplan.support.ChineseFonts;

/** The PDF export's font is looked for when needed, not only at startup, and at most once per interval while missing. */
class PdfFontsTest {

    @TempDir
    Path fonts;

    @Test
    void aFontInstalledAfterStartIsFoundAtTheNextLookupAndAFontRemovedIsDropped() {
        var installed = ChineseFonts.installed();
        var at = fonts.resolve("simsun.ttc");
        var pdfFonts = new PdfFonts(new PdfProperties(List.of(at.toString()), Duration.ZERO));
        assertThat(pdfFonts.font()).isEmpty();

        ChineseFonts.install(installed, at);

        assertThat(pdfFonts.font()).hasValueSatisfying(font -> assertThat(font.file()).isEqualTo(at));

        ChineseFonts.remove(at);

        assertThat(pdfFonts.font()).isEmpty();
    }

    @Test
    void whileNoFontIsFoundTheFilesAreNotSearchedOnEveryRequest() {
        var installed = ChineseFonts.installed();
        var at = fonts.resolve("simsun.ttc");
        var pdfFonts = new PdfFonts(new PdfProperties(List.of(at.toString()), Duration.ofHours(1)));
        assertThat(pdfFonts.font()).isEmpty();

        ChineseFonts.install(installed, at);

        assertThat(pdfFonts.font()).as("not looked for again within the interval").isEmpty();
    }
}
