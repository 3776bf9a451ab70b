package cn.workplan.system;

/**
 * An uploaded file cannot be read at all. {@link #code()} is the message key shown to the user, with
 * {@link #arguments()}. Each kind of upload has its own subclass.
 */
public abstract class UnreadableFileException extends Exception {

    private final String code;
    private final transient Object[] arguments;

    protected UnreadableFileException(String code, Object... arguments) {
        super(code);
        this.code = code;
        this.arguments = arguments;
    }

    protected UnreadableFileException(String code, Throwable cause) {
        super(code, cause);
        this.code = code;
        this.arguments = new Object[0];
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
