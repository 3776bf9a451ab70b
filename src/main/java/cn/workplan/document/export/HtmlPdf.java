package cn.workplan.document.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.TTFParser;
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
 * Official documents as PDFs: a Thymeleaf template renders strict XHTML, which openhtmltopdf lays out on PDFBox,
 * embedding the subset of the Chinese font that {@link PdfFonts} found. Templates name that font in their CSS as
 * {@code pdfFont} (see {@code document/plan-pdf.html} for the page of GB/T 9704: A4, the margins, page numbers on
 * the outer edge).
 */
@Component
public class HtmlPdf {

    /** The family name templates use for the embedded font (the variable {@code pdfFont}). */
    static final String FAMILY = "WorkplanChinese";

    private final ITemplateEngine templates;
    private final PdfFonts fonts;

    HtmlPdf(ITemplateEngine templates, PdfFonts fonts) {
        this.templates = templates;
        this.fonts = fonts;
    }

    /** Whether PDFs can be made: a Chinese font was found. */
    public boolean available() {
        return fonts.font().isPresent();
    }

    /**
     * The template rendered with the variables (and {@code pdfFont}) and laid out as a PDF.
     *
     * @throws NoChineseFontException when no Chinese font was found
     */
    public byte[] render(String template, Map<String, ?> variables) {
        var font = fonts.font().orElseThrow(() -> new NoChineseFontException(fonts.searched()));
        var all = new HashMap<String, Object>(variables);
        all.put("pdfFont", FAMILY);
        var html = templates.process(template, new Context(LocaleContextHolder.getLocale(), all));
        try {
            return layOut(html, font);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF of " + template, e);
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
