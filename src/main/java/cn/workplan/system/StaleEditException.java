package cn.workplan.system;

/**
 * Somebody else saved the record after the form was opened. The form keeps what the user typed and
 * tells them to compare and save again.
 */
public class StaleEditException extends RuntimeException {

    public StaleEditException(String what, Object id) {
        super(what + " " + id + " was changed by someone else");
    }

    /** Throws when the version the form was opened with is not the current one. */
    public static void check(String what, Object id, Long formVersion, long currentVersion) {
        if (formVersion == null || formVersion != currentVersion) {
            throw new StaleEditException(what, id);
        }
    }
}
