package cn.workplan.document;

/**
 * A line the parser took for web-page residue. Dropped unless the person keeps it; a kept line becomes
 * a task item where it stands in the source, to be moved to the right level or merged like any other.
 */
public final class ResidueLine {

    private final int line;
    private final String text;
    private final DiscardReason reason;
    private boolean kept;

    ResidueLine(DiscardedLine discarded) {
        this.line = discarded.line();
        this.text = discarded.text();
        this.reason = discarded.reason();
    }

    public int line() {
        return line;
    }

    public String text() {
        return text;
    }

    public DiscardReason reason() {
        return reason;
    }

    public boolean kept() {
        return kept;
    }

    void keep(boolean kept) {
        this.kept = kept;
    }
}
