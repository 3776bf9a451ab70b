package cn.workplan.audit;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What an administrator filters the audit record by; every part is optional.
 *
 * @param actor      login of the person who acted
 * @param entityType kind of record, such as {@code SCHOOL}
 * @param action     what happened
 * @param from       first day, inclusive
 * @param to         last day, inclusive
 */
public record AuditFilter(
        String actor,
        String entityType,
        AuditAction action,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
