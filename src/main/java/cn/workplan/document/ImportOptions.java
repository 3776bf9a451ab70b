package cn.workplan.document;

import java.util.List;

/**
 * How to read a document.
 *
 * @param toSimplified convert Traditional characters to Simplified before reading
 * @param offices      the bureau's offices, to find where the text names them
 */
public record ImportOptions(boolean toSimplified, List<KnownOffice> offices) {

    public ImportOptions {
        offices = offices == null ? List.of() : List.copyOf(offices);
    }

    /** As written, without offices. */
    public static ImportOptions defaults() {
        return new ImportOptions(false, List.of());
    }

    public ImportOptions withOffices(List<KnownOffice> offices) {
        return new ImportOptions(toSimplified, offices);
    }

    public ImportOptions simplified() {
        return new ImportOptions(true, offices);
    }
}
