package cn.workplan.document.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import cn.workplan.plan.Outline;
import cn.workplan.system.web.DisplayFormats;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The plan as a PDF in the proportions of the official document format (GB/T 9704): the template
 * {@code document/plan-pdf.html} renders the outline as XHTML, which openhtmltopdf lays out on A4 pages with
 * PDFBox, embedding the subset of the Chinese font that {@link PdfFonts} found.
 */
@Component
public class PlanPdf {

    /** The family name the template's CSS uses for the embedded font. */
    static final String FAMILY = "WorkplanChinese";

    private final ITemplateEngine templates;
    private final DisplayFormats formats;
    private final PdfFonts fonts;

    PlanPdf(ITemplateEngine templates, DisplayFormats formats, PdfFonts fonts) {
        this.templates = templates;
        this.formats = formats;
        this.fonts = fonts;
    }

    /** Whether PDFs can be made: a Chinese font was found. */
    public boolean available() {
        return fonts.font().isPresent();
    }

    /**
     * The plan's PDF.
     *
     * @throws NoChineseFontException when no Chinese font was found
     */
    public byte[] render(Outline outline) {
        var font = fonts.font().orElseThrow(() -> new NoChineseFontException(fonts.searched()));
        var variables = new HashMap<String, Object>();
        variables.put("outline", outline);
        variables.put("plan", outline.plan());
        variables.put("issueDate", outline.plan().issueDate() == null ? null : formats.date(outline.plan().issueDate()));
        variables.put("pdfFont", FAMILY);
        var html = templates.process("document/plan-pdf", new Context(LocaleContextHolder.getLocale(), variables));
        try {
            return layOut(html, font);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF of plan " + outline.plan().id(), e);
        }
    }

    private static byte[] layOut(String html, PdfFonts.PdfFont font) throws IOException {
        var out = new ByteArrayOutputStream(64 * 1024);
        // the font file stays open until the document is saved: the subset is made then
        try (var file = new FontFile(font); var document = new PDDocument()) {
            var pdFont = PDType0Font.load(document, file.font(), true);
            var builder = new PdfRendererBuilder();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(pdFont), FAMILY);
            builder.withHtmlContent(html, null);
            builder.withProducer("Workplan");
            builder.useFastMode();
            builder.toStream(out);
            builder.run();
        }
        return out.toByteArray();
    }

    /** The chosen font, read from its file; in a collection, the member {@link PdfFonts} picked. */
    private static final class FontFile implements AutoCloseable {

        private final TrueTypeCollection collection;
        private final TrueTypeFont font;

        FontFile(PdfFonts.PdfFont chosen) throws IOException {
            var file = chosen.file().toFile();
            if (chosen.isCollection()) {
                collection = new TrueTypeCollection(file);
                font = collection.getFontByName(chosen.name());
                if (font == null) {
                    collection.close();
                    throw new IOException("the font " + chosen.name() + " is no longer in " + file);
                }
            } else {
                collection = null;
                var parser = file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".otf") ? new OTFParser() : new TTFParser();
                font = parser.parse(new RandomAccessReadBufferedFile(file));
            }
        }

        TrueTypeFont font() {
            return font;
        }

        @Override
        public void close() throws IOException {
            if (collection != null) {
                collection.close();
            } else {
                font.close();
            }
        }
    }
}
