package cn.workplan.notification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Component;

/**
 * Posts a Markdown message to a group robot, as each platform documents it: a JSON body
 * {@code {"msgtype":"markdown","markdown":{"content":…}}} to 企业微信's webhook, and
 * {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}} to 钉钉's, whose robot with a secret (加签) also
 * wants {@code &timestamp=} (milliseconds) and {@code &sign=}: the HMAC-SHA256 of "timestamp\nsecret" keyed with the
 * secret, Base64, URL-encoded. Both answer {@code {"errcode":0,"errmsg":"ok"}}; anything else is a failure, whose
 * description never holds the robot's key, token or secret.
 */
@Component
class RobotClient {

    /** 企业微信 45009: too many messages (20 a minute); 钉钉 410100 and 130101: sent too fast (held for ten minutes). */
    private static final Set<Integer> THROTTLED = Set.of(45009, 410100, 130101);
    private static final int ERROR_LENGTH = 400;

    /** A robot as the sender needs it. The webhook holds its key or token: never log it. */
    record Robot(long id, RobotPlatform platform, String webhook, String secret) {

        @Override
        public String toString() {
            return "robot #" + id + " (" + platform + ")";
        }
    }

    /** A message: DingTalk's title (shown in the chat list) and the Markdown both show. */
    record Message(String title, String markdown) {
    }

    /** How it went: delivered, or the error; throttled when the platform refused for sending too fast. */
    record Result(boolean delivered, String error, boolean throttled) {

        static final Result DELIVERED = new Result(true, null, false);
    }

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final NotificationProperties properties;

    RobotClient(ObjectMapper mapper, Clock clock, NotificationProperties properties) {
        this.mapper = mapper;
        this.clock = clock;
        this.properties = properties;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.delivery().timeout()).build();
    }

    Result post(Robot robot, Message message) {
        var request = HttpRequest.newBuilder(address(robot))
                .timeout(properties.delivery().timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body(robot.platform(), message), StandardCharsets.UTF_8))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return answer(robot, response.statusCode(), response.body());
        } catch (IOException e) {
            return failed(robot, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(robot, "interrupted", false);
        }
    }

    /** The body as the platform documents it. */
    String body(RobotPlatform platform, Message message) {
        var body = JsonNodeFactory.instance.objectNode().put("msgtype", "markdown");
        var markdown = body.putObject("markdown");
        if (platform == RobotPlatform.DINGTALK) {
            markdown.put("title", message.title()).put("text", message.markdown());
        } else {
            markdown.put("content", message.markdown());
        }
        return body.toString();
    }

    /** The webhook, signed for a 钉钉 robot with a secret. */
    URI address(Robot robot) {
        if (robot.platform() != RobotPlatform.DINGTALK || robot.secret() == null || robot.secret().isBlank()) {
            return URI.create(robot.webhook());
        }
        long timestamp = clock.millis();
        return URI.create(robot.webhook() + "&timestamp=" + timestamp + "&sign="
                + URLEncoder.encode(sign(robot.secret(), timestamp), StandardCharsets.UTF_8));
    }

    /** 钉钉's signature: Base64 of the HMAC-SHA256 of "timestamp\nsecret", keyed with the secret (not yet URL-encoded). */
    static String sign(String secret, long timestamp) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private Result answer(Robot robot, int status, String body) {
        JsonNode answer = null;
        try {
            answer = mapper.readTree(body);
        } catch (IOException | RuntimeException unreadable) {
            // described below as it came
        }
        var code = answer != null && answer.hasNonNull("errcode") ? answer.get("errcode") : null;
        if (status / 100 == 2 && code != null && code.canConvertToInt() && code.asInt() == 0) {
            return Result.DELIVERED;
        }
        var text = new StringBuilder("HTTP ").append(status);
        if (code != null) {
            text.append(" errcode ").append(code.asText());
            if (answer.hasNonNull("errmsg")) {
                text.append(": ").append(answer.get("errmsg").asText());
            }
        } else if (body != null && !body.isBlank()) {
            text.append(": ").append(body.strip());
        }
        return failed(robot, text.toString(), code != null && THROTTLED.contains(code.asInt()));
    }

    private static Result failed(Robot robot, String error, boolean throttled) {
        return new Result(false, scrub(error, robot), throttled);
    }

    /** The text without the robot's secrets (a server may echo the address it was asked), at most 400 characters. */
    static String scrub(String text, Robot robot) {
        var clean = text;
        var query = URI.create(robot.webhook()).getRawQuery();
        if (query != null) {
            for (var parameter : query.split("&")) {
                var value = parameter.substring(parameter.indexOf('=') + 1);
                if (value.length() >= 4) {
                    clean = clean.replace(value, "***");
                }
            }
        }
        if (robot.secret() != null && robot.secret().length() >= 4) {
            clean = clean.replace(robot.secret(), "***");
        }
        clean = clean.replaceAll("sign=[^&\\s]+", "sign=***");
        return clean.length() > ERROR_LENGTH ? clean.substring(0, ERROR_LENGTH - 1) + "…" : clean;
    }
}
