package cn.workplan.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;

/**
 * One person's browser speaking real HTTP to one or several instances of the application: a shared cookie jar (the
 * session cookie, like any cookie without a port, goes to every instance on {@code localhost}, as to every node
 * behind one address), the CSRF token read from the pages it gets and sent with every form, redirects not followed
 * so that a test sees where they lead. Requests name their instance by its base address, {@code http://localhost:8123}.
 */
public final class HttpBrowser {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private String csrfToken;

    /** Sends this header with every request from now on (what a proxy would add, say). */
    public HttpBrowser header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public HttpResponse<String> get(String base, String path) throws IOException, InterruptedException {
        return send(request(base, path).GET());
    }

    public HttpResponse<byte[]> download(String base, String path) throws IOException, InterruptedException {
        return http.send(request(base, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form (name/value pairs) with the CSRF token of the last page. */
    public HttpResponse<String> post(String base, String path, String... fields) throws IOException, InterruptedException {
        var body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        return send(withToken(request(base, path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Posts a multipart form: the fields, and one file in the part {@code fileField}. */
    public HttpResponse<String> upload(String base, String path, String fileField, String fileName, String contentType,
            byte[] content, String... fields) throws IOException, InterruptedException {
        var boundary = "----workplan" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        for (int i = 0; i < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(withToken(request(base, path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Logs in through the login form of the instance (reading its token first), as a person does. */
    public HttpResponse<String> logIn(String base, String login, String password) throws IOException, InterruptedException {
        get(base, "/login");
        var response = post(base, "/login", "username", login, "password", password);
        // the token changes with the login: the next page brings the new one
        csrfToken = null;
        return response;
    }

    /** The session cookie's value, or {@code null} without a session. */
    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(SessionCookies.NAME))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The cookies as the last answers set them, with their attributes ({@code Set-Cookie} lines). */
    public static List<String> setCookies(HttpResponse<?> response) {
        return new ArrayList<>(response.headers().allValues("Set-Cookie"));
    }

    /** Where a redirect leads: its path, whatever scheme and host it was written with. */
    public static String location(HttpResponse<?> response) {
        var location = response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "not a redirect but " + response.statusCode() + ": " + response.uri()));
        var uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private HttpRequest.Builder request(String base, String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        extraHeaders.forEach(builder::header);
        return builder;
    }

    private HttpRequest.Builder withToken(HttpRequest.Builder request) {
        if (csrfToken == null) {
            throw new IllegalStateException("no CSRF token yet: get a page of the session first");
        }
        return request.header("X-CSRF-TOKEN", csrfToken);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        var type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() == 200 && type.startsWith("text/html")) {
            var page = Jsoup.parse(response.body());
            var token = page.select("meta[name=csrf-token]").attr("content");
            if (token.isEmpty()) {
                token = page.select("input[name=_csrf]").val();
            }
            if (!token.isEmpty()) {
                csrfToken = token;
            }
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
