package cn.workplan.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.workplan.system.WorkplanProperties;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes what waits for one robot as one Markdown message, in Chinese: the application's name, then each part — a
 * notification for the people it names, with a link to the page it is about; a digest or test message with its
 * entries — as long as the message stays within {@code workplan.notifications.robots.message-bytes}. What does not fit
 * goes in the next message. Both platforms advise gathering many messages into one rather than sending a stream.
 */
@Component
class RobotMessages {

    private static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;
    private static final int TITLE_LENGTH = 30;

    /** One outbox row's part of a message: its Markdown lines and a plain line for 钉钉's title. */
    record Part(long deliveryId, List<String> lines, String plain) {
    }

    /** The message, the rows it carries and those left for the next one. */
    record Composition(RobotClient.Message message, List<Long> included, List<Long> left) {
    }

    private final MessageSource messages;
    private final WorkplanProperties workplan;
    private final NotificationProperties properties;

    RobotMessages(MessageSource messages, WorkplanProperties workplan, NotificationProperties properties) {
        this.messages = messages;
        this.workplan = workplan;
        this.properties = properties;
    }

    /** A notification for the people named (their names joined with 、), with a link to its page. */
    Part notification(long deliveryId, String names, String text, String link) {
        var first = names == null || names.isBlank() ? Markdown.text(text)
                : message("notification.robot.to", Markdown.text(names), Markdown.text(text));
        return new Part(deliveryId, List.of(first, Markdown.link(message("notification.robot.open"),
                workplan.absolute(link == null ? "/notifications" : link))), text);
    }

    /** A composed message: its title in bold, its entries numbered, each with a link. */
    Part composed(long deliveryId, Composed composed) {
        var lines = new ArrayList<String>();
        lines.add("**" + Markdown.text(composed.title()) + "**");
        int number = 0;
        for (var item : composed.items()) {
            lines.add(++number + ". " + Markdown.text(item.text())
                    + (item.link() == null ? "" : " " + Markdown.link(message("notification.robot.openItem"), workplan.absolute(item.link()))));
        }
        if (composed.more() > 0) {
            lines.add(Markdown.text(message("notification.digest.more", composed.more())));
        }
        return new Part(deliveryId, lines, composed.title());
    }

    /** As many parts as fit in one message, in their order; the first one always, shortened if it must be. */
    Composition compose(RobotPlatform platform, List<Part> parts) {
        int budget = properties.robots().messageBytes();
        var header = "**" + Markdown.text(message("app.name")) + "**";
        var body = new StringBuilder(header);
        var included = new ArrayList<Long>();
        var left = new ArrayList<Long>();
        for (var part : parts) {
            if (!left.isEmpty()) {
                left.add(part.deliveryId());
                continue;
            }
            var text = join(platform, part.lines());
            if (Markdown.bytes(body.toString()) + Markdown.bytes(text) + 2 <= budget) {
                body.append("\n\n").append(text);
                included.add(part.deliveryId());
            } else if (included.isEmpty()) {
                body.append("\n\n").append(shortened(platform, part.lines(), budget - Markdown.bytes(header) - 2));
                included.add(part.deliveryId());
            } else {
                left.add(part.deliveryId());
            }
        }
        var first = parts.get(0).plain().strip().replaceAll("\\s+", " ");
        var title = message("app.name") + "：" + (included.size() == 1
                ? (first.length() > TITLE_LENGTH ? first.substring(0, TITLE_LENGTH - 1) + "…" : first)
                : message("notification.robot.count", included.size()));
        return new Composition(new RobotClient.Message(title, body.toString()), included, left);
    }

    /** The lines that fit, and a last one saying there is more in the application. */
    private String shortened(RobotPlatform platform, List<String> lines, int budget) {
        var more = Markdown.text(message("notification.robot.cut"));
        var kept = new ArrayList<String>();
        for (var line : lines) {
            var candidate = new ArrayList<>(kept);
            candidate.add(line);
            candidate.add(more);
            if (Markdown.bytes(join(platform, candidate)) > budget) {
                break;
            }
            kept.add(line);
        }
        kept.add(more);
        return join(platform, kept);
    }

    /** 企业微信 breaks a line at a line feed; 钉钉's Markdown needs an empty line between two. */
    private static String join(RobotPlatform platform, List<String> lines) {
        return String.join(platform == RobotPlatform.DINGTALK ? "\n\n" : "\n", lines);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LANGUAGE);
    }
}
