package cn.workplan.system.table;

/** An uploaded table cannot be read at all; {@link #code()} is the message key shown to the user. */
public class TableFileException extends Exception {

    private final String code;
    private final transient Object[] arguments;

    public TableFileException(String code, Object... arguments) {
        super(code);
        this.code = code;
        this.arguments = arguments;
    }

    public TableFileException(String code, Throwable cause) {
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
