package cn.workplan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The result as the import API will send it: Jackson, configured as Spring Boot configures it. */
class PlanImportJsonTest {

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void theShapeOfTheResult() throws Exception {
        var tree = json.readTree(json.writeValueAsString(Samples.importSample(Samples.JIYUAN)));

        assertThat(names(tree)).containsExactly("plans", "discarded");
        var plan = tree.get("plans").get(0);
        assertThat(names(plan)).containsExactly("title", "documentNumber", "issueDate", "publisher", "indexNumber", "subject",
                "preamble", "numbering", "nodes", "schedule", "lines");
        assertThat(plan.get("title").asText()).isEqualTo("济源市教育局2018年工作要点");
        assertThat(plan.get("documentNumber").asText()).isEqualTo("济教〔2018〕1号");
        assertThat(plan.get("issueDate").asText()).isEqualTo("2018-02-05");
        assertThat(plan.get("numbering").asText()).isEqualTo("CONTINUOUS");

        var chapter = plan.get("nodes").get(0);
        assertThat(names(chapter)).containsExactly("kind", "number", "numberInferred", "headline", "body", "targets", "deadlines",
                "offices", "assignment", "lines", "children", "notes");
        assertThat(chapter.get("kind").asText()).isEqualTo("CHAPTER");
        assertThat(chapter.get("number").asText()).isEqualTo("一");
        assertThat(chapter.get("lines").toString()).isEqualTo("{\"first\":10,\"last\":15}");
        var item = chapter.get("children").get(0);
        assertThat(item.get("kind").asText()).isEqualTo("ITEM");
        assertThat(item.get("number").asText()).isEqualTo("1");
        assertThat(item.get("headline").asText()).isEqualTo("深入学习贯彻党的十九大精神");

        var target = plan.get("nodes").get(4).get("children").get(3).get("targets").get(0);
        assertThat(names(target)).containsExactly("indicator", "comparator", "value", "unit", "phrase", "source");
        assertThat(target.get("comparator").asText()).isEqualTo("AT_LEAST");
        assertThat(target.get("value").decimalValue()).isEqualByComparingTo("95");

        assertThat(names(tree.get("discarded").get(0))).containsExactly("line", "text", "reason");

        // what the reader doubted: item 4 of the township plan of issue #13, whose text begins with 12月
        var township = json.readTree(json.writeValueAsString(new PlanImporter().importText(PlanImportSequenceTest.TOWNSHIP,
                ImportOptions.defaults())));
        var note = township.get("plans").get(0).get("nodes").get(0).get("children").get(0).get("children").get(1).get("notes").get(0);
        assertThat(names(note)).containsExactly("kind", "line", "arguments");
        assertThat(note.get("kind").asText()).isEqualTo("NUMBER_BEFORE_DIGITS");
        assertThat(note.get("line").asInt()).isEqualTo(4);
        assertThat(tree.get("discarded").get(0).get("reason").asText()).isEqualTo("CLOSING_DATE");
    }

    @Test
    void readsBackAsTheSameResult() throws Exception {
        var options = ImportOptions.defaults().withOffices(List.of(KnownOffice.of(1L, "基础教育股")));
        var result = new PlanImporter().importText("""
                青山县教育局2026年工作计划
                一、重点工作
                1.推进学前教育。基础教育股牵头，入学率达95%以上，于6月30日前完成。一是扩充学位；二是规范办园。
                1-3月份：1、召开全县教育工作会议。
                """, options);

        var read = json.readValue(json.writeValueAsString(result), ImportResult.class);

        assertThat(read).isEqualTo(result);
    }

    private static List<String> names(JsonNode node) {
        var names = new java.util.ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
