package cn.workplan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.workplan.plan.TargetComparator;
import cn.workplan.plan.DeadlineKind;
import cn.workplan.plan.Numbering;

/** Reading by sequence (issue #13): the numbers already seen decide what a line that could be read two ways is. */
class PlanImportSequenceTest {

    /** The township plan of issue #13, as a new user typed it into the paste box. */
    static final String TOWNSHIP = """
            二、提升教育质量
            （一）义务教育
            3.全镇小学入学率达到100%，初中巩固率不低于98%。
            4.12月底前完成薄弱学校改造。
            （二）学前教育
            5.普惠性幼儿园覆盖率达到90%以上。
            """;

    private final PlanImporter importer = new PlanImporter();

    @Nested
    class TheTownshipPlanOfTheIssue {

        @Test
        void chapter二SectionsAndItems3To5NumberedOn() throws Exception {
            var plan = importer.importText(TOWNSHIP, ImportOptions.defaults()).plan();

            assertThat(PlanImportSamplesTest.outline(plan)).containsExactly(
                    "二 提升教育质量",
                    "  （一） 义务教育",
                    "    3 全镇小学入学率达到100%，初中巩固率不低于98%",
                    "    4 12月底前完成薄弱学校改造",
                    "  （二） 学前教育",
                    "    5 普惠性幼儿园覆盖率达到90%以上");
            assertThat(plan.numbering()).isEqualTo(Numbering.CONTINUOUS);
            assertThat(plan.items()).allMatch(item -> item.body().isEmpty());
        }

        @Test
        void theSuggestionsOfEachItem() throws Exception {
            var items = importer.importText(TOWNSHIP, ImportOptions.defaults()).plan().items();

            assertThat(items.get(0).targets()).extracting(TargetSuggestion::indicator, TargetSuggestion::comparator,
                    target -> target.value().toPlainString(), TargetSuggestion::unit).containsExactly(
                    tuple("全镇小学入学率", TargetComparator.EQUAL, "100", "%"),
                    tuple("初中巩固率", TargetComparator.AT_LEAST, "98", "%"));
            assertThat(items.get(1).deadlines()).singleElement().satisfies(deadline -> {
                assertThat(deadline.kind()).isEqualTo(DeadlineKind.MONTH_END);
                assertThat(deadline.month()).isEqualTo(12);
            });
            assertThat(items.get(1).targets()).isEmpty();
            assertThat(items.get(2).targets()).extracting(TargetSuggestion::indicator, TargetSuggestion::comparator)
                    .containsExactly(tuple("普惠性幼儿园覆盖率", TargetComparator.AT_LEAST));
        }

        /** The preview numbers the excerpt as it was printed: chapter 二, items 3 to 5 (the saved plan keeps them). */
        @Test
        void thePreviewNumbersAsTheSourceDoesAndCountsThreeTasks() throws Exception {
            var draft = new ImportDraft("", ImportPurpose.PLAN, importer.readText(TOWNSHIP, ImportOptions.defaults()), LocalDate.of(2026, 1, 5));
            var plan = draft.plan(0);

            assertThat(plan.outline()).extracting(row -> row.number() + row.node().headline()).containsExactly(
                    "二、提升教育质量", "（一）义务教育", "3.全镇小学入学率达到100%，初中巩固率不低于98%",
                    "4.12月底前完成薄弱学校改造", "（二）学前教育", "5.普惠性幼儿园覆盖率达到90%以上");
            assertThat(plan.itemCount()).isEqualTo(3);
            assertThat(plan.numbering()).isEqualTo(Numbering.CONTINUOUS);
        }
    }
}
