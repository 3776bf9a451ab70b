package cn.workplan.document;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The sample plans in {@code src/test/resources/samples} (copies of the project's {@code shared/samples}). */
final class Samples {

    static final String JIYUAN = "jiyuan-2018-work-points.txt";
    static final String TOWNSHIP = "township-education-plan.txt";
    static final String COUNTY = "county-school-management-opinions.txt";

    private Samples() {
    }

    static byte[] bytes(String name) {
        try (var in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportResult importSample(String name) {
        try {
            return new PlanImporter().importFile(name, bytes(name), ImportOptions.defaults());
        } catch (DocumentImportException e) {
            throw new AssertionError(name + " refused: " + e.code(), e);
        }
    }
}
