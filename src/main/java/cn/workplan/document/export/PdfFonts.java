package cn.workplan.document.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The font the PDF export embeds: the first of {@code workplan.pdf.fonts} that exists, reads as a TrueType
 * or OpenType font (or collection) and has Chinese glyphs. Looked up at startup and again when needed: while none
 * is found, at most once every {@code workplan.pdf.font-lookup-interval}, so that a font installed while the
 * application runs is used without a restart; a font whose file has gone is dropped and another looked for. Without
 * one the export refuses rather than print empty boxes, and the log says so.
 */
@Component
public class PdfFonts {

    private static final Logger log = LoggerFactory.getLogger(PdfFonts.class);

    /** Characters every candidate must be able to draw: common Chinese, the numbers of headings, the page dash. */
    private static final String PROBE = "工作计划一、（）1.—";

    private final PdfProperties properties;
    private volatile Optional<PdfFont> font;
    /** When the fonts were last looked for ({@link System#nanoTime()}). */
    private long lookedUp;

    PdfFonts(PdfProperties properties) {
        this.properties = properties;
        this.lookedUp = System.nanoTime();
        this.font = search();
        font.ifPresentOrElse(found -> log.info("PDF export uses the font {} from {}", found.name(), found.file()),
                () -> log.warn("No Chinese font for the PDF export among {} (workplan.pdf.fonts): the PDF download "
                        + "answers an error until one is installed, e.g. apt-get install fonts-wqy-microhei; it is "
                        + "looked for again every {} when a PDF is asked for", properties.fonts(), properties.fontLookupInterval()));
    }

    /**
     * The font to embed, if one is found. Costs a file check when a font was found, and a new search at most once
     * every lookup interval while none is.
     */
    public Optional<PdfFont> font() {
        var found = font;
        if (found.isPresent() && Files.isReadable(found.get().file())) {
            return found;
        }
        return lookUpAgain();
    }

    private synchronized Optional<PdfFont> lookUpAgain() {
        var found = font;
        if (found.isPresent() && Files.isReadable(found.get().file())) {
            // another request found it meanwhile
            return found;
        }
        long now = System.nanoTime();
        if (found.isEmpty() && now - lookedUp < properties.fontLookupInterval().toNanos()) {
            return found;
        }
        lookedUp = now;
        found.ifPresent(gone -> log.warn("The PDF font {} is no longer readable; looking for another", gone.file()));
        var again = search();
        if (again.isPresent()) {
            log.info("PDF export uses the font {} from {}", again.get().name(), again.get().file());
        } else if (found.isPresent()) {
            log.warn("No Chinese font for the PDF export among {} (workplan.pdf.fonts)", properties.fonts());
        }
        font = again;
        return again;
    }

    private Optional<PdfFont> search() {
        return properties.fonts().stream().map(PdfFonts::probe).flatMap(Optional::stream).findFirst();
    }

    /** The places that were searched, for messages. */
    public String searched() {
        return String.join(", ", properties.fonts());
    }

    /**
     * A usable font.
     *
     * @param file the font file
     * @param name the font's PostScript name; in a collection, the member to use
     */
    public record PdfFont(Path file, String name) {

        public boolean isCollection() {
            return isCollection(file);
        }

        static boolean isCollection(Path file) {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc");
        }
    }

    static Optional<PdfFont> probe(String location) {
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        var file = Path.of(location.trim());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            if (PdfFont.isCollection(file)) {
                try (var collection = new TrueTypeCollection(file.toFile())) {
                    var name = new String[1];
                    collection.processAllFonts(member -> {
                        if (name[0] == null && drawsChinese(member)) {
                            name[0] = member.getName();
                        }
                    });
                    return Optional.ofNullable(name[0]).map(found -> new PdfFont(file, found));
                }
            }
            var parser = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".otf") ? new OTFParser() : new TTFParser();
            try (var single = parser.parse(new RandomAccessReadBufferedFile(file.toFile()))) {
                return drawsChinese(single) ? Optional.of(new PdfFont(file, single.getName())) : Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read the font {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private static boolean drawsChinese(TrueTypeFont font) throws IOException {
        var cmap = font.getUnicodeCmapLookup(false);
        if (cmap == null) {
            return false;
        }
        return PROBE.codePoints().allMatch(codePoint -> cmap.getGlyphId(codePoint) > 0);
    }
}
