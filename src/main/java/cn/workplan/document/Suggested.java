package cn.workplan.document;

/**
 * A suggestion of the parser with the person's answer: nothing of it is saved unless accepted.
 *
 * @param <T> a {@link TargetSuggestion}, {@link DeadlineSuggestion} or {@link OfficeSuggestion}
 */
public final class Suggested<T> {

    private final T value;
    private boolean accepted;

    Suggested(T value) {
        this.value = value;
    }

    public T value() {
        return value;
    }

    public boolean accepted() {
        return accepted;
    }

    void accept(boolean accepted) {
        this.accepted = accepted;
    }
}
