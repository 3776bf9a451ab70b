package cn.workplan.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the audit entries of one kind of record read on screen, declared as a bean by the module that writes them (the
 * audit module knows no other module's codes): the message key of the kind's name, the message key of each field
 * whose name should not be {@code audit.field.<field>}, and for each coded field (a status, a role, a kind) the message
 * key of each code, taken from the owner's enum. Entries keep the codes; they are put into words when shown, so a code
 * that is no longer known shows as it is. Several beans may describe one kind: one module's fields add to another's.
 *
 * <pre>{@code
 * @Bean
 * AuditVocabulary planAuditWords() {
 *     return AuditVocabulary.of("PLAN", "audit.type.PLAN")
 *             .coded("status", PlanStatus.class, PlanStatus::messageKey)
 *             .coded("kind", PlanKind.class, PlanKind::messageKey);
 * }
 * }</pre>
 */
public final class AuditVocabulary {

    private final String entityType;
    private final String labelKey;
    private final Map<String, String> fieldKeys = new LinkedHashMap<>();
    private final Map<String, Function<String, String>> codes = new LinkedHashMap<>();

    private AuditVocabulary(String entityType, String labelKey) {
        this.entityType = entityType;
        this.labelKey = labelKey;
    }

    /**
     * @param entityType the type the writer passes to {@link AuditTrail}, such as {@code PLAN}
     * @param labelKey   the message key of its name on screen; {@code null} when another bean names it
     */
    public static AuditVocabulary of(String entityType, String labelKey) {
        return new AuditVocabulary(entityType, labelKey);
    }

    /** The field is named on screen by this message key (for one already used elsewhere, such as {@code item.field.body}). */
    public AuditVocabulary field(String field, String messageKey) {
        fieldKeys.put(field, messageKey);
        return this;
    }

    /** The field holds a code of the enum, named on screen by the enum's message key. */
    public <E extends Enum<E>> AuditVocabulary coded(String field, Class<E> type, Function<E, String> messageKey) {
        codes.put(field, code -> messageKey.apply(Enum.valueOf(type, code)));
        return this;
    }

    /**
     * The field holds codes that are no enum (a column's own values): the function gives each code's message key. A
     * code the function refuses ({@link IllegalArgumentException}) or whose key is missing shows as it is.
     */
    public AuditVocabulary coded(String field, Function<String, String> messageKey) {
        codes.put(field, messageKey);
        return this;
    }

    public String entityType() {
        return entityType;
    }

    Optional<String> labelKey() {
        return Optional.ofNullable(labelKey);
    }

    Optional<String> fieldKey(String field) {
        return Optional.ofNullable(fieldKeys.get(field));
    }

    /** The message key of a code of the field; empty when the field holds no codes or the code is unknown. */
    Optional<String> codeKey(String field, String code) {
        var key = codes.get(field);
        if (key == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(key.apply(code));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
