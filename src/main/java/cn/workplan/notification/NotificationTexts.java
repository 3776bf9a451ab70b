package cn.workplan.notification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * A notification's arguments as stored (a JSON array) and its text as read. Arguments are kept by kind, so
 * that each reader sees them in their own language: text and numbers as they are, a {@link LocalDate} as
 * {@code {"date": "2026-06-25"}} (2026年6月25日 or Jun 25, 2026), a message of its own as
 * {@code {"key": ..., "args": [...]}} (a reporting period: 2026年6月).
 */
@Component
class NotificationTexts {

    private static final JsonNodeFactory json = JsonNodeFactory.instance;

    private final MessageSource messages;
    private final ObjectMapper mapper;

    NotificationTexts(MessageSource messages, ObjectMapper mapper) {
        this.messages = messages;
        this.mapper = mapper;
    }

    /**
     * The notes as one JSON array of {@code {"user", "key", "args", "link"}}, for one insert; refuses arguments that
     * would not read the same in every language.
     */
    String encode(Collection<Notifications.Note> notes) {
        var array = json.arrayNode();
        for (var note : notes) {
            array.addObject().put("user", note.userId()).put("key", note.messageKey()).put("link", note.link())
                    .set("args", encode(note.args()));
        }
        try {
            return mapper.writeValueAsString(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArrayNode encode(List<?> args) {
        var array = json.arrayNode();
        for (var arg : args) {
            array.add(encode(arg));
        }
        return array;
    }

    private static JsonNode encode(Object arg) {
        if (arg instanceof CharSequence text) {
            return json.textNode(text.toString());
        }
        if (arg instanceof Integer || arg instanceof Long || arg instanceof Short) {
            return json.numberNode(((Number) arg).longValue());
        }
        if (arg instanceof BigDecimal decimal) {
            return json.numberNode(decimal);
        }
        if (arg instanceof LocalDate date) {
            return json.objectNode().put("date", date.toString());
        }
        if (arg instanceof MessageSourceResolvable message && message.getCodes() != null && message.getCodes().length == 1) {
            var node = json.objectNode().put("key", message.getCodes()[0]);
            node.set("args", encode(message.getArguments() == null ? List.of() : List.of(message.getArguments())));
            return node;
        }
        throw new IllegalArgumentException("a notification's arguments are text, whole numbers, decimals, dates or "
                + "messages with one key, not " + (arg == null ? "null" : arg.getClass().getName()));
    }

    /** The notification's text in the language; a key without a message reads as the key itself. */
    String render(String key, String args, Locale locale) {
        try {
            return render(key, (ArrayNode) mapper.readTree(args), locale);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("unreadable arguments of a notification: " + args, e);
        }
    }

    private String render(String key, ArrayNode args, Locale locale) {
        var values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = decode(args.get(i), locale);
        }
        return messages.getMessage(key, values, key, locale);
    }

    private Object decode(JsonNode arg, Locale locale) {
        if (arg.isNumber()) {
            return arg.numberValue();
        }
        if (arg instanceof ObjectNode object && object.has("date")) {
            var pattern = messages.getMessage("format.date", null, locale);
            return DateTimeFormatter.ofPattern(pattern, locale).format(LocalDate.parse(object.get("date").asText()));
        }
        if (arg instanceof ObjectNode object && object.has("key")) {
            return render(object.get("key").asText(), (ArrayNode) object.get("args"), locale);
        }
        return arg.asText();
    }
}
