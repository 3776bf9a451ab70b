package cn.workplan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three samples read exactly as they did before the reading by sequence and the repairs of issue #13: the whole
 * result (headers, every node's text and lines, every suggestion, the schedule, the lines set aside) is compared with
 * the dump taken before, in {@code src/test/resources/import}.
 */
class PlanImportSamplesUnchangedTest {

    @ParameterizedTest
    @ValueSource(strings = {Samples.JIYUAN, Samples.TOWNSHIP, Samples.COUNTY})
    void readsAsBefore(String sample) {
        var before = resource("/import/" + sample.replace(".txt", ".reading.txt"));
        assertThat(ResultDump.of(Samples.importSample(sample))).isEqualTo(before);
    }

    private static String resource(String name) {
        try (var in = PlanImportSamplesUnchangedTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
