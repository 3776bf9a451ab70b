package cn.workplan.document;

/**
 * What a document is read in for: a plan of the bureau's own (a new draft), or an upper-level document (上级文件: the
 * city's or province's work points the bureau's plan carries out), kept as a reference that is never assigned or reported
 * on. Both are shaped on the same preview; only saving differs.
 */
public enum ImportPurpose {
    PLAN,
    UPPER_DOCUMENT;

    /** Read from a request parameter: an unknown or missing value is a plan, as the import was before. */
    public static ImportPurpose parse(String value) {
        return "UPPER_DOCUMENT".equals(value) ? UPPER_DOCUMENT : PLAN;
    }
}
