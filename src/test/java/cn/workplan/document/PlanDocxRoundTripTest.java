package cn.workplan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.workplan.account.CurrentUser;
import cn.workplan.demo.VolumeDataGenerator;
import cn.workplan.demo.VolumeDataGenerator.PlanSpec;
import cn.workplan.document.export.PlanDocxWriter;
import cn.workplan.plan.Outline;
import cn.workplan.plan.OutlineNode;
import cn.workplan.plan.OutlineService;
import cn.workplan.plan.PlanQueries;
import cn.workplan.plan.PlanService;
import cn.workplan.plan.PlanStatus;
import cn.workplan.support.IntegrationTest;
import cn.workplan.support.TestPlans;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the product writes as {@code .docx}, it reads back as the same plan: the samples, imported, stored,
 * exported and imported again, keep their title, document number, issue date and outline (kinds, numbers,
 * headlines, bodies); so does a generated plan of 400 items.
 */
@IntegrationTest
class PlanDocxRoundTripTest {

    @Autowired
    PlanService planService;

    @Autowired
    OutlineService outlineService;

    @Autowired
    PlanQueries queries;

    @Autowired
    PlanDocxWriter writer;

    @Autowired
    TestPlans plans;

    @Autowired
    VolumeDataGenerator generator;

    private final PlanImporter importer = new PlanImporter();

    @ParameterizedTest
    @ValueSource(strings = {Samples.JIYUAN, Samples.TOWNSHIP, Samples.COUNTY})
    void aSampleReadsBackAsItWasImported(String sample) throws DocumentImportException {
        var imported = Samples.importSample(sample).plans().get(0);
        var by = plans.coordinator();
        long planId = new ImportedPlans(planService, outlineService).store(imported, by);
        var stored = queries.outline(planId, by);

        var again = reimport(planId, by);

        assertThat(again.title()).isEqualTo(stored.plan().title());
        assertThat(again.documentNumber()).isEqualTo(stored.plan().documentNumber());
        assertThat(again.issueDate()).isEqualTo(stored.plan().issueDate());
        assertThat(again.preamble()).isEqualTo(lines(stored.plan().preamble()));
        assertThat(lines(again)).containsExactlyElementsOf(lines(stored));
        // and the text is the one first imported: only inline points (一是…) come back numbered （1）
        assertThat(texts(again)).containsExactlyElementsOf(texts(imported));
        assertThat(imported.documentNumber()).isEqualTo(stored.plan().documentNumber());
        assertThat(imported.issueDate()).isEqualTo(stored.plan().issueDate());
    }

    @Test
    void aGeneratedPlanOf400ItemsReadsBack() throws DocumentImportException {
        var generated = generator.generatePlan(new PlanSpec(2091, 400, 10, PlanStatus.PUBLISHED, 2091));
        var by = plans.coordinator();
        var stored = queries.outline(generated.planId(), by);

        var again = reimport(generated.planId(), by);

        assertThat(again.items()).hasSize(400);
        assertThat(again.title()).isEqualTo(stored.plan().title());
        assertThat(again.documentNumber()).isEqualTo(stored.plan().documentNumber());
        assertThat(again.issueDate()).isEqualTo(stored.plan().issueDate());
        assertThat(again.preamble()).isEqualTo(lines(stored.plan().preamble()));
        assertThat(lines(again)).containsExactlyElementsOf(lines(stored));
    }

    private ParsedPlan reimport(long planId, CurrentUser by) throws DocumentImportException {
        var file = writer.write(planId, by);
        var result = importer.importFile("x.docx", file.content(), ImportOptions.defaults());
        assertThat(result.plans()).hasSize(1);
        return result.plan();
    }

    /** One line per node: kind, number, headline (without its closing 。) and body. */
    private static List<String> lines(Outline outline) {
        return outline.nodes().stream().map(PlanDocxRoundTripTest::line).toList();
    }

    private static String line(OutlineNode node) {
        return node.kind() + " " + node.plain() + " " + headline(node.headline()) + " | " + lines(node.body());
    }

    private static List<String> lines(ParsedPlan plan) {
        return plan.allNodes().stream()
                .map(node -> node.kind() + " " + node.number() + " " + headline(node.headline()) + " | " + lines(node.body()))
                .toList();
    }

    private static List<String> texts(ParsedPlan plan) {
        return plan.allNodes().stream()
                .map(node -> node.kind() + " " + headline(node.headline()) + " | " + lines(node.body()))
                .toList();
    }

    private static String headline(String headline) {
        var text = headline.strip();
        return text.endsWith("。") ? text.substring(0, text.length() - 1) : text;
    }

    /** Paragraphs one to a line, without blank ones. */
    private static String lines(String text) {
        return text == null ? "" : String.join("\n", text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
    }
}
