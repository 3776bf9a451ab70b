package cn.workplan.document;

/** A line the parser left out of the outline, with the reason; the preview lets a person keep it. */
public record DiscardedLine(int line, String text, DiscardReason reason) {
}
