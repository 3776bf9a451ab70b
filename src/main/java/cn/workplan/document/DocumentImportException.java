package cn.workplan.document;

/**
 * An uploaded document cannot be read at all: empty, too large, of the wrong type, binary, damaged,
 * password-protected, a zip bomb, or a task table without the columns it needs. {@link #code()} is the
 * message key shown to the user, with {@link #arguments()}.
 */
public class DocumentImportException extends Exception {

    private final String code;
    private final transient Object[] arguments;

    public DocumentImportException(String code, Object... arguments) {
        super(code);
        this.code = code;
        this.arguments = arguments;
    }

    public DocumentImportException(String code, Throwable cause) {
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
