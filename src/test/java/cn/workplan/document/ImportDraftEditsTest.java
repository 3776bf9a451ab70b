package cn.workplan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.workplan.document.parsing.PrintedMarks;
import cn.workplan.plan.NodeKind;

/**
 * Edits on the preview keep the text right (issue #13): the outline numbers every node, so a split or a change of
 * level leaves no printed number in the text ("4.4.12月底前…" on the saved plan), and a merge keeps the sentence
 * stops. Pure: no Spring, no database.
 */
class ImportDraftEditsTest {

    private final PlanImporter importer = new PlanImporter();

    private ImportDraft draft(String text) throws DocumentImportException {
        return new ImportDraft("", ImportPurpose.PLAN, importer.readText(text, ImportOptions.defaults()), LocalDate.of(2026, 1, 5));
    }

    @Test
    void aSplitLineLosesTheNumberItWasPrintedWith() throws Exception {
        // "4." inside the line is no item here (item 4 comes later), so the reader leaves it in item 1's body
        var draft = draft("""
                一、提升教育质量
                1.加强义务教育。做好控辍保学工作。4.12月底前完成薄弱学校改造。
                2.发展学前教育。
                """);
        var plan = draft.plan(0);
        var item = plan.nodes().stream().filter(node -> node.kind() == NodeKind.ITEM).findFirst().orElseThrow();
        var at = item.splitPoints().stream().filter(point -> point.sentence().equals("做好控辍保学工作。")).findFirst().orElseThrow();

        draft.split(item.id(), at.at());

        assertThat(plan.outline()).extracting(row -> row.number() + row.node().headline()).containsExactly(
                "一、提升教育质量", "1.加强义务教育", "2.12月底前完成薄弱学校改造", "3.发展学前教育");
        assertThat(plan.nodes().get(1).body()).isEqualTo("做好控辍保学工作。");
    }

    @Test
    void aSplitKeepsADecimalThatOpensTheRest() throws Exception {
        var draft = draft("""
                一、保障经费
                1.加强经费保障。做好预算。3.5亿元用于薄弱学校改造。
                """);
        var item = draft.plan(0).nodes().get(1);
        var at = item.splitPoints().stream().filter(point -> point.sentence().equals("做好预算。")).findFirst().orElseThrow();

        draft.split(item.id(), at.at());

        assertThat(draft.plan(0).nodes().get(2).headline()).isEqualTo("3.5亿元用于薄弱学校改造");
    }

    @Test
    void aChangeOfLevelDropsThePrintedNumber() throws Exception {
        var draft = draft("""
                一、提升教育质量
                1.加强义务教育。
                （三）做好控辍保学工作。
                """);
        var plan = draft.plan(0);
        var node = plan.nodes().stream().filter(n -> n.headline().contains("控辍保学")).findFirst().orElseThrow();

        draft.changeKind(node.id(), NodeKind.ITEM);

        assertThat(plan.outline()).extracting(row -> row.number() + row.node().headline())
                .contains("2.做好控辍保学工作");
    }

    @Test
    void aMergeKeepsTheSentenceStops() throws Exception {
        var draft = draft("""
                一、提升教育质量
                1.加强义务教育
                2.做好控辍保学工作
                3.发展学前教育？
                4.落实资助政策
                """);
        var plan = draft.plan(0);
        var items = plan.nodes().stream().filter(node -> node.kind() == NodeKind.ITEM).toList();

        draft.mergeIntoPrevious(items.get(1).id());
        draft.mergeIntoPrevious(items.get(3).id());

        var merged = plan.nodes().stream().filter(node -> node.kind() == NodeKind.ITEM).toList();
        assertThat(merged).extracting(DraftedNode::text).containsExactly(
                "加强义务教育。做好控辍保学工作。", "发展学前教育？落实资助政策。");
    }

    @Test
    void printedMarksOfEveryStyleGoNumbersOfTheTextStay() {
        assertThat(PrintedMarks.strip("4.12月底前完成")).isEqualTo("12月底前完成");
        assertThat(PrintedMarks.strip("4、加强管理")).isEqualTo("加强管理");
        assertThat(PrintedMarks.strip("１２．加强管理")).isEqualTo("加强管理");
        assertThat(PrintedMarks.strip("（三）加强管理")).isEqualTo("加强管理");
        assertThat(PrintedMarks.strip("(2) 加强管理")).isEqualTo("加强管理");
        assertThat(PrintedMarks.strip("②加强管理")).isEqualTo("加强管理");
        assertThat(PrintedMarks.strip("三、加强管理")).isEqualTo("加强管理");
        assertThat(PrintedMarks.strip("3.5亿元用于改造")).isEqualTo("3.5亿元用于改造");
        assertThat(PrintedMarks.strip("2027年起实施")).isEqualTo("2027年起实施");
        assertThat(PrintedMarks.strip("98%的学校达标")).isEqualTo("98%的学校达标");
        assertThat(PrintedMarks.strip("十二五期间")).isEqualTo("十二五期间");
    }
}
