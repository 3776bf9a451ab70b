package cn.workplan.system.web;

/** A form's parameter names a list element the form cannot have (a huge, negative or broken index); answered 400. */
class InvalidListIndexException extends RuntimeException {

    private final String parameter;

    InvalidListIndexException(String parameter) {
        super("list index out of bounds: " + (parameter.length() > 100 ? parameter.substring(0, 100) + "…" : parameter));
        this.parameter = parameter.length() > 100 ? parameter.substring(0, 100) + "…" : parameter;
    }

    /** The parameter's name, shortened. */
    String parameter() {
        return parameter;
    }
}
