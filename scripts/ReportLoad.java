import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The load of the report-submit benchmark (scripts/bench.sh report-submit): PRINCIPALS principals, each on a
 * thread of its own with its own session, sign in, read their reporting page, then open a report form (GET),
 * fill it in, send it (POST), and go on to the next one, line after line and month after month: for
 * WARMUP_SECONDS unmeasured, then for SECONDS measured. Filling a form and reading the answer each take a
 * random think time of 0 to 2 × THINK_MS milliseconds. Requests carry the header X-Bench (report-form,
 * report-submit, or the same with -warmup) for the access log.
 *
 *   java scripts/ReportLoad.java BASE_URL WORK_DIR PRINCIPALS SECONDS WARMUP_SECONDS THINK_MS PASSWORD LOGIN...
 *
 * Writes WORK_DIR/report-form.client and WORK_DIR/report-submit.client ("status bytes seconds" per request,
 * like curl's -w in bench.sh; a send counts as acknowledged when answered 302 to the report's page), and
 * prints "principals=N acknowledged=N refused=N acknowledged_with_warmup=N signin_retries=N" on standard output.
 */
public class ReportLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern DUE = Pattern.compile("href=\"/lines/(\\d+)/reports/(\\d{4})-(\\d{2})\"");
    private static final Pattern VERSION = Pattern.compile("id=\"version\" name=\"version\" value=\"(\\d*)\"");

    record Sample(int status, long bytes, double seconds) {
    }

    /** Where a principal's requests are counted: the measured ones, or the warm-up's, thrown away. */
    record Counters(ConcurrentLinkedQueue<Sample> forms, ConcurrentLinkedQueue<Sample> sends, AtomicInteger acknowledged,
            AtomicInteger refused, boolean measured) {

        Counters(ConcurrentLinkedQueue<Sample> forms, ConcurrentLinkedQueue<Sample> sends, AtomicInteger acknowledged,
                AtomicInteger refused) {
            this(forms, sends, acknowledged, refused, true);
        }
    }

    public static void main(String[] args) throws Exception {
        var base = args[0];
        var work = Path.of(args[1]);
        int principals = Integer.parseInt(args[2]);
        var seconds = Duration.ofSeconds(Long.parseLong(args[3]));
        var warmup = Duration.ofSeconds(Long.parseLong(args[4]));
        long think = Long.parseLong(args[5]);
        var password = args[6];
        var logins = List.of(args).subList(7, args.length);
        var forms = new ConcurrentLinkedQueue<Sample>();
        var sends = new ConcurrentLinkedQueue<Sample>();
        var acknowledged = new AtomicInteger();
        var refused = new AtomicInteger();
        var signedIn = new AtomicInteger();
        var warmedUp = new AtomicInteger();
        var ready = new CountDownLatch(principals);
        var start = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        var candidates = new java.util.concurrent.ConcurrentLinkedQueue<>(logins);
        var retries = new AtomicInteger();
        for (int i = 0; i < principals; i++) {
            var thread = new Thread(() -> {
                Principal principal = null;
                try {
                    String login;
                    while (principal == null && (login = candidates.poll()) != null) {
                        principal = signInPatiently(base, login, password, retries);
                    }
                } catch (Exception e) {
                    System.err.println("[load] sign-in failed: " + e);
                } finally {
                    ready.countDown();
                }
                if (principal == null) {
                    return;
                }
                signedIn.incrementAndGet();
                try {
                    start.await();
                    long measured = System.nanoTime() + warmup.toNanos();
                    long end = measured + seconds.toNanos();
                    var random = new java.util.Random(principal.login.hashCode());
                    var unmeasured = new Counters(new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>(), warmedUp, new AtomicInteger(), false);
                    var counted = new Counters(forms, sends, acknowledged, refused);
                    // start spread over one think time, as people do
                    Thread.sleep(think == 0 ? 0 : random.nextLong(2 * think));
                    for (var report : principal.work()) {
                        long now = System.nanoTime();
                        if (now > end) {
                            break;
                        }
                        principal.send(report, now < measured ? unmeasured : counted, random, think);
                    }
                } catch (Exception e) {
                    System.err.println("[load] " + principal.login + ": " + e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        ready.await();
        System.err.println("[load] " + signedIn.get() + " principals signed in; sending for " + seconds.toSeconds() + " s");
        start.countDown();
        for (var thread : threads) {
            thread.join();
        }
        write(work.resolve("report-form.client"), forms);
        write(work.resolve("report-submit.client"), sends);
        System.out.println("principals=" + signedIn.get() + " acknowledged=" + acknowledged.get() + " refused=" + refused.get()
                + " acknowledged_with_warmup=" + (acknowledged.get() + warmedUp.get()) + " signin_retries=" + retries.get());
    }

    private static void write(Path file, ConcurrentLinkedQueue<Sample> samples) throws IOException {
        try (var out = new PrintWriter(Files.newBufferedWriter(file))) {
            samples.forEach(sample -> out.printf(java.util.Locale.ROOT, "%d %d %.6f%n", sample.status(), sample.bytes(), sample.seconds()));
        }
    }

    /** One principal's session. */
    /**
     * Signs in as a person would: told that the server is busy (503, as when 200 people log in in the same second on
     * a small machine) or to wait, they try again a moment later. Counts those second tries.
     */
    static Principal signInPatiently(String base, String login, String password, AtomicInteger retries)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return Principal.signIn(base, login, password);
            } catch (Busy e) {
                if (attempt == 10) {
                    throw new IOException("still busy after " + attempt + " attempts to sign in as " + login);
                }
                retries.incrementAndGet();
                Thread.sleep(500L * attempt);
            }
        }
    }

    /** The server answered "busy" or "wait": worth another try. */
    static final class Busy extends RuntimeException {
    }

    static final class Principal {

        final String base;
        final String login;
        final HttpClient http;
        final List<String> reports = new ArrayList<>();

        Principal(String base, String login) {
            this.base = base;
            this.login = login;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        }

        static Principal signIn(String base, String login, String password) throws IOException, InterruptedException {
            var principal = new Principal(base, login);
            var page = principal.get("/login", null);
            if (page.statusCode() == 503) {
                throw new Busy();
            }
            var token = first(CSRF, page.body());
            var response = principal.post("/login", null, Map.of("username", login, "password", password, "_csrf", token));
            var location = response.headers().firstValue("Location").orElse("");
            if (response.statusCode() == 503 || location.contains("/login?wait=")) {
                throw new Busy();
            }
            if (response.statusCode() != 302 || !location.endsWith("/")) {
                return null;
            }
            var mine = principal.get("/reports", null).body();
            var lines = new LinkedHashSet<String>();
            var matcher = DUE.matcher(mine);
            int year = 0;
            int month = 0;
            while (matcher.find()) {
                lines.add(matcher.group(1));
                year = Integer.parseInt(matcher.group(2));
                month = Integer.parseInt(matcher.group(3));
            }
            if (lines.isEmpty()) {
                return null;
            }
            // every line, every month of the year so far, in an order of its own
            for (int m = month; m >= 1; m--) {
                for (var line : lines) {
                    principal.reports.add("/lines/" + line + "/reports/" + LocalDate.of(year, m, 1).toString().substring(0, 7));
                }
            }
            Collections.shuffle(principal.reports, new java.util.Random(login.hashCode()));
            return principal;
        }

        List<String> work() {
            return reports;
        }

        void send(String report, Counters counters, java.util.Random random, long think) throws IOException, InterruptedException {
            var suffix = counters.measured() ? "" : "-warmup";
            long started = System.nanoTime();
            var form = get(report, "report-form" + suffix);
            counters.forms.add(new Sample(form.statusCode(), form.body().length(), (System.nanoTime() - started) / 1e9));
            if (form.statusCode() != 200 || !form.body().contains("id=\"report-form\"")) {
                return;
            }
            var fields = new java.util.LinkedHashMap<String, String>();
            fields.put("_csrf", first(CSRF, form.body()));
            var version = VERSION.matcher(form.body());
            fields.put("version", version.find() ? version.group(1) : "");
            fields.put("action", "send");
            fields.put("progress", "IN_PROGRESS");
            fields.put("percent", Integer.toString(10 + Math.floorMod(report.hashCode(), 80)));
            fields.put("narrative", "本月按计划推进，已完成阶段任务。" + login);
            Thread.sleep(think == 0 ? 0 : random.nextLong(2 * think));
            started = System.nanoTime();
            var sent = post(report, "report-submit" + suffix, fields);
            counters.sends.add(new Sample(sent.statusCode(), sent.body().length(), (System.nanoTime() - started) / 1e9));
            if (sent.statusCode() == 302 && sent.headers().firstValue("Location").orElse("").endsWith(report)) {
                counters.acknowledged.incrementAndGet();
            } else {
                counters.refused.incrementAndGet();
            }
            Thread.sleep(think == 0 ? 0 : random.nextLong(2 * think));
        }

        HttpResponse<String> get(String path, String tag) throws IOException, InterruptedException {
            var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
            if (tag != null) {
                request.header("X-Bench", tag);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String tag, Map<String, String> fields) throws IOException, InterruptedException {
            var body = fields.entrySet().stream()
                    .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (tag != null) {
                request.header("X-Bench", tag);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String first(Pattern pattern, String text) {
            var matcher = pattern.matcher(text);
            if (!matcher.find()) {
                throw new UncheckedIOException(new IOException("not found on the page: " + pattern));
            }
            return matcher.group(1);
        }
    }
}
