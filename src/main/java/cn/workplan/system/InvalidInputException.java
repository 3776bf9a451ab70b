package cn.workplan.system;

/**
 * A rule about the input was broken that Bean Validation cannot see (a duplicate name, a person of the
 * wrong role). Controllers put it next to {@link #field()}; the API answers 400 with the message.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String code;
    private final transient Object[] arguments;

    public InvalidInputException(String field, String code, Object... arguments) {
        super(code);
        this.field = field;
        this.code = code;
        this.arguments = arguments;
    }

    public String field() {
        return field;
    }

    /** The message key. */
    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
