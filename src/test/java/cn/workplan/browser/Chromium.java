package cn.workplan.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium from the operating system ({@code apt-get install chromium chromium-driver
 * fonts-wqy-microhei}, see {@code .ci/run}), driven through the system's chromedriver. Both paths are
 * given explicitly, so Selenium Manager never looks for (or downloads) a browser or driver.
 * A fresh profile directory per browser, removed on {@link #close()}.
 */
final class Chromium implements AutoCloseable {

    /** The browser; {@code -Dworkplan.test.chromium=...} points elsewhere. */
    static final Path BROWSER = Path.of(System.getProperty("workplan.test.chromium", "/usr/bin/chromium"));
    /** Its driver; {@code -Dworkplan.test.chromedriver=...} points elsewhere. */
    static final Path DRIVER = Path.of(System.getProperty("workplan.test.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Selenium warns when it has no CDP bindings for the installed Chromium; these tests use none. Held so they are not collected. */
    private static final List<java.util.logging.Logger> CDP_WARNINGS = Stream.of(
                    "org.openqa.selenium.chromium.ChromiumDriver", "org.openqa.selenium.devtools.CdpVersionFinder")
            .map(java.util.logging.Logger::getLogger).toList();

    static {
        CDP_WARNINGS.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Why the browser tests cannot run here, or {@code null} when Chromium and its driver are installed. */
    static String missing() {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return null;
        }
        return "Browser tests need " + BROWSER + " and " + DRIVER
                + ": apt-get install chromium chromium-driver fonts-wqy-microhei (see .ci/run)";
    }

    /**
     * Skips the calling test with a JUnit assumption when Chromium is not installed, saying how to install
     * it; on a CI server (environment variable {@code CI} set) a missing browser is a failure instead.
     */
    static void requireInstalled() {
        var missing = missing();
        if (missing == null) {
            return;
        }
        if (System.getenv("CI") != null) {
            fail(missing);
        }
        // a class skipped in @BeforeAll does not show in Surefire's counts: say it on the console too
        System.err.println("SKIPPED: " + missing);
        Assumptions.abort(missing);
    }

    /** A desktop browser window of the given size in CSS pixels. */
    static Chromium desktop(int width, int height) {
        return start(options -> options.addArguments("--window-size=" + width + "," + height));
    }

    /** A phone: a viewport of the given size in CSS pixels, touch, device pixel ratio 2. */
    static Chromium phone(int width, int height) {
        return start(options -> options.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true, "mobile", true))));
    }

    private static Chromium start(java.util.function.Consumer<ChromeOptions> customise) {
        requireInstalled();
        // belt and braces: the driver is also named where Selenium looks for it
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("workplan-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--disable-extensions", "--lang=zh-CN", "--user-data-dir=" + profile);
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        customise.accept(options);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Chromium(driver, profile);
    }

    /** Saves the whole page (not just the viewport) as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            var file = SCREENSHOTS.resolve(name + ".png");
            byte[] png;
            try {
                var result = driver.executeCdpCommand("Page.captureScreenshot",
                        Map.of("format", "png", "captureBeyondViewport", true, "fromSurface", true));
                png = Base64.getDecoder().decode((String) result.get("data"));
            } catch (RuntimeException e) {
                png = driver.getScreenshotAs(OutputType.BYTES);
            }
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Errors the browser reported on its console since the last call: failed resources, CSP violations, script errors. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory; the operating system cleans up what is left
        }
    }
}
