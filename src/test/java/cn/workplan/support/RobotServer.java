package cn.workplan.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * 企业微信's and 钉钉's group robot webhooks on this machine, checking each request as the platforms document it and
 * answering as they do: {@code {"errcode":0,"errmsg":"ok"}}, or their error when the request is wrong.
 *
 * <ul>
 * <li>企业微信: {@code POST /cgi-bin/webhook/send?key=KEY}, {@code Content-Type: application/json}, the body
 * {@code {"msgtype":"markdown","markdown":{"content":…}}} with content of at most 4096 UTF-8 bytes (errcode 93000 for an
 * unknown key, 40058 for a bad body).</li>
 * <li>钉钉: {@code POST /robot/send?access_token=TOKEN} and, for a robot with a secret, {@code &timestamp=MS&sign=SIGN}
 * where SIGN is the URL-encoded Base64 of HMAC-SHA256("MS\nSECRET") keyed with the secret, MS within an hour of now
 * (errcode 310000 otherwise); the body {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}}.</li>
 * </ul>
 *
 * It can be down (connections refused: the port closed, and opened again on the same port) or answer with a server
 * error. Every request, accepted or not, is kept.
 */
public final class RobotServer implements AutoCloseable {

    public static final String WECOM_PATH = "/cgi-bin/webhook/send";
    public static final String DINGTALK_PATH = "/robot/send";

    /** A request as it arrived, and what the server answered. */
    public record Request(String path, String rawQuery, Map<String, String> query, String contentType, String body, JsonNode json,
            int status, int errcode, String errmsg) {

        public boolean accepted() {
            return status == 200 && errcode == 0;
        }

        /** The Markdown: 企业微信's content or 钉钉's text. */
        public String markdown() {
            var markdown = json.path("markdown");
            return markdown.has("content") ? markdown.get("content").asText() : markdown.path("text").asText();
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> wecomKeys = new LinkedHashMap<>();
    private final Map<String, String> dingtalkSecrets = new LinkedHashMap<>();
    private final int port;
    private volatile HttpServer server;
    private volatile Function<Request, Integer> failure = request -> null;
    private volatile long delayMillis;

    public RobotServer() {
        this.port = start(0);
    }

    public int port() {
        return port;
    }

    /** A 企业微信 robot's webhook on this server. */
    public synchronized String wecom(String key) {
        wecomKeys.put(key, key);
        return "http://127.0.0.1:" + port + WECOM_PATH + "?key=" + key;
    }

    /** A 钉钉 robot's webhook on this server; its requests must be signed with the secret when it is not null. */
    public synchronized String dingtalk(String token, String secret) {
        dingtalkSecrets.put(token, secret == null ? "" : secret);
        return "http://127.0.0.1:" + port + DINGTALK_PATH + "?access_token=" + token;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> accepted() {
        return requests.stream().filter(Request::accepted).toList();
    }

    public void clear() {
        requests.clear();
    }

    /** Answers every well-formed request with this HTTP status (a server error, say) until {@link #healthy()}. */
    public void failWith(int status) {
        failure = request -> status;
    }

    /** Answers only after this long (a server that hangs) until {@link #healthy()}. */
    public void slow(java.time.Duration delay) {
        delayMillis = delay.toMillis();
    }

    public void healthy() {
        failure = request -> null;
        delayMillis = 0;
    }

    /** Closes the port: connections are refused. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Opens the port again. */
    public synchronized void up() {
        if (server == null) {
            start(port);
        }
    }

    @Override
    public void close() {
        down();
    }

    private int start(int onPort) {
        try {
            var started = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
            started.createContext("/", this::handle);
            started.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            started.start();
            server = started;
            return started.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + onPort, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
            var path = exchange.getRequestURI().getRawPath();
            var rawQuery = exchange.getRequestURI().getRawQuery();
            var query = query(rawQuery);
            var contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            JsonNode json = null;
            try {
                json = mapper.readTree(body);
            } catch (IOException unreadable) {
                // answered below as the platform would
            }
            int status = 200;
            int errcode;
            String errmsg;
            if (!"POST".equals(exchange.getRequestMethod())) {
                status = 405;
                errcode = -1;
                errmsg = "method not allowed";
            } else if (WECOM_PATH.equals(path)) {
                var checked = checkWecom(query, contentType, json, body);
                errcode = checked.getKey();
                errmsg = checked.getValue();
            } else if (DINGTALK_PATH.equals(path)) {
                var checked = checkDingtalk(query, contentType, json);
                errcode = checked.getKey();
                errmsg = checked.getValue();
            } else {
                status = 404;
                errcode = -1;
                errmsg = "not found";
            }
            var request = new Request(path, rawQuery, query, contentType, body, json, status, errcode, errmsg);
            Integer failed = errcode == 0 ? failure.apply(request) : null;
            if (failed != null) {
                request = new Request(path, rawQuery, query, contentType, body, json, failed, -1, "system busy");
            }
            requests.add(request);
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            var answer = (request.status() == 200 ? "{\"errcode\":" + request.errcode() + ",\"errmsg\":\"" + request.errmsg() + "\"}"
                    : "<html><body>" + request.status() + "</body></html>").getBytes(UTF_8);
            exchange.getResponseHeaders().set("Content-Type", request.status() == 200 ? "application/json; charset=UTF-8" : "text/html");
            exchange.sendResponseHeaders(request.status(), answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private synchronized Map.Entry<Integer, String> checkWecom(Map<String, String> query, String contentType, JsonNode json, String body) {
        if (query.size() != 1 || !wecomKeys.containsKey(query.get("key"))) {
            return Map.entry(93000, "invalid webhook url");
        }
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json") || json == null
                || !fields(json).equals(List.of("msgtype", "markdown")) || !"markdown".equals(json.get("msgtype").asText())
                || !fields(json.get("markdown")).equals(List.of("content")) || !json.get("markdown").get("content").isTextual()) {
            return Map.entry(40058, "invalid markdown message: " + body);
        }
        if (json.get("markdown").get("content").asText().getBytes(UTF_8).length > 4096) {
            return Map.entry(40058, "markdown.content exceed max length 4096");
        }
        return Map.entry(0, "ok");
    }

    private synchronized Map.Entry<Integer, String> checkDingtalk(Map<String, String> query, String contentType, JsonNode json) {
        var token = query.get("access_token");
        if (token == null || !dingtalkSecrets.containsKey(token)) {
            return Map.entry(300001, "token is not exist");
        }
        var secret = dingtalkSecrets.get(token);
        if (!secret.isEmpty()) {
            if (!query.keySet().equals(java.util.Set.of("access_token", "timestamp", "sign"))) {
                return Map.entry(310000, "sign not match: parameters " + query.keySet());
            }
            long timestamp;
            try {
                timestamp = Long.parseLong(query.get("timestamp"));
            } catch (NumberFormatException e) {
                return Map.entry(310000, "timestamp is not a number");
            }
            if (Math.abs(System.currentTimeMillis() - timestamp) > 3_600_000) {
                return Map.entry(310000, "timestamp expired");
            }
            if (!signature(secret, timestamp).equals(query.get("sign"))) {
                return Map.entry(310000, "sign not match");
            }
        } else if (query.size() != 1) {
            return Map.entry(310000, "unexpected parameters " + query.keySet());
        }
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json") || json == null
                || !fields(json).equals(List.of("msgtype", "markdown")) || !"markdown".equals(json.get("msgtype").asText())
                || !fields(json.get("markdown")).equals(List.of("title", "text"))
                || json.get("markdown").get("title").asText().isBlank() || json.get("markdown").get("text").asText().isBlank()) {
            return Map.entry(40035, "缺少参数 markdown");
        }
        return Map.entry(0, "ok");
    }

    /** 钉钉's signature as its documentation computes it: HMAC-SHA256 of "timestamp\nsecret" keyed with the secret, Base64. */
    public static String signature(String secret, long timestamp) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fields(JsonNode node) {
        var names = new ArrayList<String>();
        if (node != null && node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** The query's parameters, each value URL-decoded once (as a server reads them). */
    private static Map<String, String> query(String rawQuery) {
        var parameters = new LinkedHashMap<String, String>();
        if (rawQuery != null) {
            for (var pair : rawQuery.split("&")) {
                int at = pair.indexOf('=');
                parameters.put(at < 0 ? pair : pair.substring(0, at), at < 0 ? "" : URLDecoder.decode(pair.substring(at + 1), UTF_8));
            }
        }
        return parameters;
    }
}
