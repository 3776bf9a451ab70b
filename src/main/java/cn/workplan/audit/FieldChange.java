package cn.workplan.audit;

/** One field's value before and after a change; {@code null} where there was none. */
public record FieldChange(String from, String to) {
}
