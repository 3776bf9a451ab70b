package cn.workplan.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * Chinese fonts for the PDF tests: the one the machine has installed, and a place the settings of the tests without
 * a font name but where nothing is until a test copies a font there.
 */
public final class ChineseFonts {

    /** Where a test installs a font while the application runs. */
    public static final String LATER = "target/fonts-installed-later/chinese.ttc";

    /** The setting of the applications without a Chinese font: nothing at these places, until a test puts one at {@link #LATER}. */
    public static final String NONE_YET = "workplan.pdf.fonts=/nonexistent/fonts/none.ttc,/etc/hostname," + LATER;

    /** Fonts are looked for again on every PDF asked for. */
    public static final String LOOK_EVERY_TIME = "workplan.pdf.font-lookup-interval=0s";

    /** The collections the application looks for by default (see {@code PdfProperties}). */
    private static final List<Path> INSTALLED = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"));

    private ChineseFonts() {
    }

    /**
     * A Chinese font collection installed on this machine. Skips the calling test when there is none, saying how to
     * install one; on a CI server (environment variable {@code CI} set) a missing font is a failure instead.
     */
    public static Path installed() {
        var found = INSTALLED.stream().filter(Files::isReadable).findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        var missing = "The PDF tests need a Chinese font at one of " + INSTALLED + ": apt-get install fonts-wqy-microhei (see .ci/run)";
        if (System.getenv("CI") != null) {
            fail(missing);
        }
        System.err.println("SKIPPED: " + missing);
        Assumptions.abort(missing);
        return null;
    }

    /** Copies the font to a place, as someone installing it would. */
    public static void install(Path font, Path at) {
        try {
            Files.createDirectories(at.getParent());
            var copy = at.resolveSibling(at.getFileName() + ".part");
            Files.copy(font, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.move(copy, at, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the font from a place again. */
    public static void remove(Path at) {
        try {
            Files.deleteIfExists(at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
