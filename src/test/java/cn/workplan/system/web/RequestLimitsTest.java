package cn.workplan.system.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.workplan.support.DemoCountyTest;

/**
 * The server's limits and errors as a browser or a script meets them, on a real Tomcat (MockMvc has neither its limits
 * nor its error pages): a paste or a form over the limit on form bodies, and an upload over the limits on files, go back
 * to the form with a message, where Tomcat used to drop the form (a 403 for the missing CSRF token) or answer an empty
 * 413; unknown addresses, wrong methods and wrong content types get the error page, or on the API a problem detail, in
 * the person's language. Runs on the demo county, in the application the browser tests share.
 */
@DemoCountyTest
class RequestLimitsTest {

    private static final String PASSWORD = "workplan";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Test
    void aPasteOverTheLimitGoesBackToTheImportFormWithAMessage() throws Exception {
        var office = new Session("office");
        var form = office.page("/plans/import");
        var text = "一、重点工作\n" + "1.推进学前教育普及普惠发展。\n".repeat(120_000);
        assertThat(text.getBytes(UTF_8).length).as("more than the 2 MB of a form").isGreaterThan(3_000_000);

        // the token last, as the form has it: Tomcat dropped the fields after the limit, the token with them (a 403)
        var sent = office.multipart("/plans/import", "/plans/import", fields("text", text, "_csrf", csrf(form)), null, null);

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(location(sent)).isEqualTo("/plans/import");
        assertThat(office.page("/plans/import").select("main .alert-danger").text())
                .isEqualTo("提交的内容过大，未能处理：每个文件不能超过 25 MB，一次提交合计不超过 60 MB，填写或粘贴的文字合计不超过 2 MB。请减小后再提交。");
    }

    @Test
    void aFormOverTheLimitGoesBackWithAMessage() throws Exception {
        var office = new Session("office");
        var form = office.page("/plans/new");
        var body = "_csrf=" + csrf(form) + "&year=2031&kind=WORK_POINTS&numbering=CONTINUOUS&title="
                + URLEncoder.encode("计划".repeat(400_000), UTF_8);

        var sent = office.send(HttpRequest.newBuilder(office.uri("/plans")).header("Referer", office.uri("/plans/new").toString())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(location(sent)).isEqualTo("/plans/new");
        assertThat(office.page("/plans/new").select("main .alert-danger").text())
                .isEqualTo("提交的内容过大（超过 2 MB），未能处理。请分几次提交；导入计划时可改为上传文件。");

        // back to a page of this application only: a referrer naming another host, even as "//host", is not followed
        for (var referer : new String[] {"http://elsewhere.example/plans/new", office.uri("//elsewhere.example/x").toString()}) {
            var elsewhere = office.send(HttpRequest.newBuilder(office.uri("/plans")).header("Referer", referer)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(location(elsewhere)).as(referer).isEqualTo("/plans");
        }
    }

    @Test
    void anEvidenceFileOverTheLimitGoesBackToTheReportWithAMessage() throws Exception {
        var principal = new Session("principal");
        var report = openReport(principal);
        var form = principal.page(report);
        var photo = new byte[26 * 1024 * 1024];
        photo[0] = (byte) 0xFF;
        photo[1] = (byte) 0xD8;

        var sent = principal.multipart(report, report, fields("progress", "IN_PROGRESS", "percent", "60", "narrative", "照片见附件",
                "action", "draft", "_csrf", csrf(form)), "教室.jpg", photo);

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(location(sent)).isEqualTo(report);
        assertThat(principal.page(report).select("main .alert-danger").text()).startsWith("提交的内容过大，未能处理：每个文件不能超过 25 MB");
    }

    /** An upload within the limits, through Tomcat's own multipart parsing: saved, its text and file name cleaned. */
    @Test
    void anUploadWithinTheLimitsIsSavedWithoutControlCharacters() throws Exception {
        var principal = new Session("school01");
        var report = openReport(principal);
        var form = principal.page(report);
        var photo = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1};

        var sent = principal.multipart(report, report, fields("progress", "IN_PROGRESS", "percent", "30",
                "narrative", "设备\u0000已到货\u0007", "action", "draft", "_csrf", csrf(form)), "操场\u0001照片.jpg", photo);

        assertThat(sent.statusCode()).isEqualTo(302);
        var saved = principal.page(report);
        assertThat(saved.select("main .alert-success").text()).isNotBlank();
        assertThat(saved.select("#narrative").text()).isEqualTo("设备已到货");
        assertThat(saved.select("main").text()).contains("操场照片.jpg");
    }

    @Test
    void errorPagesAndProblemsOnTheRealServer() throws Exception {
        var leader = new Session("director");
        var missing = leader.send(HttpRequest.newBuilder(leader.uri("/nothing-here")).GET());
        assertThat(missing.statusCode()).isEqualTo(404);
        var page = Jsoup.parse(missing.body());
        assertThat(missing.body()).doesNotContain("??");
        assertThat(page.select("main h1").text()).isEqualTo("找不到页面");
        var bad = leader.send(HttpRequest.newBuilder(leader.uri("/plans/abc?lang=en")).GET());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).select("main h1").text()).isEqualTo("Bad request");
        var nul = leader.send(HttpRequest.newBuilder(leader.uri("/search?q=%00%E5%AE%89%E5%85%A8")).GET());
        assertThat(nul.statusCode()).as("a NUL in a query parameter").isEqualTo(200);

        var api = HttpClient.newHttpClient();
        var basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(UTF_8));
        var notFound = api.send(HttpRequest.newBuilder(uri("/api/nothing")).header("Authorization", basic).GET().build(),
                HttpResponse.BodyHandlers.ofString(UTF_8));
        assertProblem(notFound, 404, "找不到页面");
        var method = api.send(HttpRequest.newBuilder(uri("/api/me")).header("Authorization", basic)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        assertProblem(method, 405, "不支持的操作");
        assertThat(json.readTree(method.body()).get("detail").asText()).isEqualTo("不支持 DELETE 请求，可用的方式：[GET]。");
        var type = api.send(HttpRequest.newBuilder(uri("/api/schools")).header("Authorization", basic)
                .header("Content-Type", "text/xml").header("Cookie", "workplan-lang=en")
                .POST(HttpRequest.BodyPublishers.ofString("<school/>")).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        assertProblem(type, 415, "Content type not supported");
    }

    private void assertProblem(HttpResponse<String> response, int status, String title) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        var problem = json.readTree(response.body());
        assertThat(problem.get("title").asText()).isEqualTo(title);
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The path (and query) a redirect sends to. */
    private static String location(HttpResponse<?> response) {
        var location = URI.create(response.headers().firstValue("Location").orElse(""));
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    private static Map<String, String> fields(String... namesAndValues) {
        var fields = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static String csrf(Document page) {
        return page.selectFirst("meta[name=csrf-token]").attr("content");
    }

    /** A browser logged in as one of the demo accounts: its cookies, no redirects followed. */
    /** A report of the principal's that may still be saved: the living demo has sent and approved some already. */
    private static String openReport(Session principal) throws Exception {
        for (var link : principal.page("/reports").select("a[href^=/lines/][href*=/reports/]")) {
            var href = link.attr("href");
            if (!principal.page(href).select("form textarea[name=narrative]:not([disabled])").isEmpty()) {
                return href;
            }
        }
        throw new AssertionError("the demo principal has no report left to write");
    }

    private final class Session {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Session(String login) throws Exception {
            var token = page("/login").selectFirst("input[name=_csrf]").val();
            var response = send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + login + "&password=" + PASSWORD + "&_csrf=" + token)));
            assertThat(location(response)).as("logged in as %s", login).isEqualTo("/");
        }

        URI uri(String path) {
            return RequestLimitsTest.this.uri(path);
        }

        Document page(String path) throws Exception {
            var response = send(HttpRequest.newBuilder(uri(path)).GET());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return Jsoup.parse(response.body());
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        }

        /** A multipart form as a browser sends it from the page {@code from}, with one file when a name is given. */
        HttpResponse<String> multipart(String path, String from, Map<String, String> fields, String fileName, byte[] file)
                throws Exception {
            var boundary = "----workplan" + System.nanoTime();
            var body = new ByteArrayOutputStream();
            for (var field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                        + field.getValue() + "\r\n").getBytes(UTF_8));
            }
            if (fileName != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(UTF_8));
                body.write(file);
                body.write("\r\n".getBytes(UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(UTF_8));
            return send(HttpRequest.newBuilder(uri(path)).header("Referer", uri(from).toString())
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }
    }
}
