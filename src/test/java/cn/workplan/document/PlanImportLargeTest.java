package cn.workplan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The 60 KB damaged plan of the {@code import-parse-large} benchmark: what {@link LargeDamagedPlan} makes, and read whole. */
class PlanImportLargeTest {

    @Test
    void theBenchmarksPlanIsTheGeneratedOneAndReadsWhole() throws Exception {
        var committed = Files.readString(Path.of(LargeDamagedPlan.FIXTURE), StandardCharsets.UTF_8);
        assertThat(committed).as("regenerate with LargeDamagedPlan.main").isEqualTo(LargeDamagedPlan.text());
        assertThat(committed.getBytes(StandardCharsets.UTF_8).length).isBetween(55_000, 70_000);

        var result = new PlanImporter().importText(committed, ImportOptions.defaults());

        assertThat(result.plans()).hasSize(1);
        assertThat(result.plan().items()).hasSizeGreaterThan(250);
    }
}
