package cn.workplan.audit;

import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import cn.workplan.system.web.DisplayFormats;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts audit entries into words in the reader's language: the kinds of record, the actions, the fields and the coded
 * values (起草中, 年度工作要点, 是/否, 2026年3月1日), from the {@link AuditVocabulary} beans of the modules that write
 * them. What is stored stays a code; whatever is not known (a code of a field no module describes, a kind of record
 * no longer written) shows as it is stored, never as a missing message. Templates call it as
 * {@code ${@auditLabels.type(entry.entityType)}}.
 */
@Component("auditLabels")
public class AuditLabels {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) – (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    /** A numbered field, such as a drafted report's {@code block 3}: {@code audit.field.block.n} with the number. */
    private static final Pattern NUMBERED = Pattern.compile("([A-Za-z]+) (\\d+)");

    private final MessageSource messages;
    private final DisplayFormats formats;
    private final Map<String, List<AuditVocabulary>> vocabularies = new LinkedHashMap<>();

    AuditLabels(MessageSource messages, DisplayFormats formats, List<AuditVocabulary> vocabularies) {
        this.messages = messages;
        this.formats = formats;
        vocabularies.forEach(vocabulary -> this.vocabularies.computeIfAbsent(vocabulary.entityType(), type -> new ArrayList<>())
                .add(vocabulary));
    }

    /** A kind of record and its name, for the audit page's filter. */
    public record Option(String code, String label) {
    }

    /** Every kind of record the modules describe, by name in the reader's language. */
    public List<Option> types() {
        var collator = Collator.getInstance(LocaleContextHolder.getLocale());
        return vocabularies.keySet().stream().map(type -> new Option(type, type(type)))
                .sorted(Comparator.comparing(Option::label, collator))
                .toList();
    }

    public String type(String entityType) {
        return first(entityType, AuditVocabulary::labelKey).flatMap(this::message)
                .or(() -> message("audit.type." + entityType))
                .orElse(entityType);
    }

    /** The action as the entry's kind of record words it ({@code audit.action.CLOSE.PLAN}), else as all do. */
    public String action(AuditEntry entry) {
        return message(entry.action().messageKey() + "." + entry.entityType()).orElseGet(() -> action(entry.action()));
    }

    public String action(AuditAction action) {
        return message(action.messageKey()).orElse(action.name());
    }

    public String field(String entityType, String field) {
        var named = first(entityType, vocabulary -> vocabulary.fieldKey(field)).flatMap(this::message)
                .or(() -> message("audit.field." + field));
        if (named.isPresent()) {
            return named.get();
        }
        var numbered = NUMBERED.matcher(field);
        if (numbered.matches()) {
            return message("audit.field." + numbered.group(1) + ".n", Integer.valueOf(numbered.group(2))).orElse(field);
        }
        return field;
    }

    /** A value as stored, in words: a code by its owner's name for it, a flag as 是/否, a date as dates are shown. */
    public String value(String entityType, String field, String value) {
        if (value == null) {
            return null;
        }
        var coded = first(entityType, vocabulary -> vocabulary.codeKey(field, value)).flatMap(this::message);
        if (coded.isPresent()) {
            return coded.get();
        }
        if ("true".equals(value) || "false".equals(value)) {
            return message("audit.value." + value).orElse(value);
        }
        try {
            if (DATE.matcher(value).matches()) {
                return formats.date(LocalDate.parse(value));
            }
            var range = DATE_RANGE.matcher(value);
            if (range.matches()) {
                return formats.date(LocalDate.parse(range.group(1))) + " – " + formats.date(LocalDate.parse(range.group(2)));
            }
            if (INSTANT.matcher(value).matches()) {
                return formats.dateTime(Instant.parse(value));
            }
        } catch (DateTimeParseException notADate) {
            return value;
        }
        return value;
    }

    private <T> Optional<T> first(String entityType, Function<AuditVocabulary, Optional<T>> lookup) {
        return vocabularies.getOrDefault(entityType, List.of()).stream().map(lookup).flatMap(Optional::stream).findFirst();
    }

    private Optional<String> message(String key, Object... args) {
        return Optional.ofNullable(messages.getMessage(key, args, null, LocaleContextHolder.getLocale()));
    }
}
