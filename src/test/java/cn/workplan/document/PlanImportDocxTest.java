package cn.workplan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import cn.workplan.plan.NodeKind;

/** Word documents: paragraphs in order, list numbers and heading styles, tables. */
class PlanImportDocxTest {

    private final PlanImporter importer = new PlanImporter();

    @Test
    void aDocumentOfHeadingsAndBodyParagraphsReadsAsTheSameText() throws Exception {
        var lines = OfficialText.lines(PlanImportTextTest.TITLE, PlanImportTextTest.PREAMBLE, PlanImportTextTest.OUTLINE);
        var docx = docx(document -> {
            var title = document.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            var run = title.createRun();
            run.setText(lines.get(0));
            run.setFontFamily("方正小标宋简体");
            run.setFontSize(22);
            for (var line : lines.subList(1, lines.size())) {
                var paragraph = document.createParagraph();
                paragraph.setIndentationFirstLine(640);
                var heading = line.matches("^[一二三四五六七八九十]+、.*");
                var text = paragraph.createRun();
                text.setBold(heading);
                text.setFontFamily(heading ? "黑体" : "仿宋_GB2312");
                text.setText(line);
            }
        });

        var fromWord = importer.importFile("工作要点.docx", docx, ImportOptions.defaults());
        var fromText = importer.importText(String.join("\n", lines), ImportOptions.defaults());

        assertThat(fromWord).isEqualTo(fromText);
        assertThat(fromWord.plan().nodes().stream().map(OfficialText.Node::of).toList()).isEqualTo(PlanImportTextTest.OUTLINE);
    }

    @Test
    void headingStylesWithoutNumbersAndTheTitleStyle() throws Exception {
        var docx = docx(document -> {
            var styles = document.createStyles();
            styles.addStyle(style("Title", "Title"));
            styles.addStyle(style("Heading1", "heading 1"));
            styles.addStyle(style("Heading2", "heading 2"));
            paragraph(document, "Title", "县教育局工作要点");
            paragraph(document, "Heading1", "加强党的建设");
            paragraph(document, "Heading2", "强化理论武装");
            paragraph(document, null, "1.深入学习。开展研讨。");
            paragraph(document, "Heading1", "推进教育信息化");
            paragraph(document, null, "1.建设智慧校园。");
        });

        var plan = importer.importFile("要点.docx", docx, ImportOptions.defaults()).plan();

        assertThat(plan.title()).isEqualTo("县教育局工作要点");
        assertThat(plan.allNodes()).extracting(ParsedNode::kind, ParsedNode::number, ParsedNode::numberInferred, ParsedNode::headline)
                .containsExactly(
                        tuple(NodeKind.CHAPTER, "一", true, "加强党的建设"),
                        tuple(NodeKind.SECTION, "一", true, "强化理论武装"),
                        tuple(NodeKind.ITEM, "1", false, "深入学习"),
                        tuple(NodeKind.CHAPTER, "二", true, "推进教育信息化"),
                        tuple(NodeKind.ITEM, "1", false, "建设智慧校园"));
    }

    @Test
    void numbersPrintedByWordsListNumbering() throws Exception {
        var docx = docx(document -> {
            var levels = CTAbstractNum.Factory.newInstance();
            levels.setAbstractNumId(BigInteger.ZERO);
            level(levels, 0, STNumberFormat.CHINESE_COUNTING, "%1、");
            level(levels, 1, STNumberFormat.DECIMAL, "%2.");
            var numbering = document.createNumbering();
            var numId = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(levels)));
            paragraph(document, null, "青山县教育局2026年工作要点");
            listParagraph(document, numId, 0, "加强党的建设");
            listParagraph(document, numId, 1, "深入学习。开展研讨。");
            listParagraph(document, numId, 1, "推进清廉学校建设。");
            listParagraph(document, numId, 0, "推进教育信息化");
            listParagraph(document, numId, 1, "建设智慧校园。");
        });

        var plan = importer.importFile("要点.docx", docx, ImportOptions.defaults()).plan();

        assertThat(PlanImportSamplesTest.outline(plan)).containsExactly(
                "一 加强党的建设", "    1 深入学习", "    2 推进清廉学校建设", "二 推进教育信息化", "    1 建设智慧校园");
        assertThat(plan.allNodes()).noneMatch(ParsedNode::numberInferred);
    }

    @Test
    void aTaskTableInTheDocumentGivesItsTasksWithTheirColumns() throws Exception {
        var docx = docx(document -> {
            paragraph(document, null, "青山县教育局2026年重点工作任务分解表");
            var table = document.createTable(4, 5);
            row(table.getRow(0), "序号", "工作任务", "牵头单位", "责任单位", "完成时限");
            row(table.getRow(1), "一", "党的建设", "", "", "");
            row(table.getRow(2), "1", "深入学习贯彻党的二十大精神。开展专题学习。", "办公室", "各股室", "3月底");
            row(table.getRow(3), "2", "推进清廉学校建设。", "监察室", "各学校", "年底前");
        });

        var plan = importer.importFile("分解表.docx", docx, ImportOptions.defaults().withOffices(List.of(
                KnownOffice.of(7L, "办公室"), KnownOffice.of(8L, "监察室")))).plan();

        assertThat(plan.title()).isEqualTo("青山县教育局2026年重点工作任务分解表");
        assertThat(PlanImportSamplesTest.outline(plan)).containsExactly("一 党的建设", "    1 深入学习贯彻党的二十大精神", "    2 推进清廉学校建设");
        assertThat(plan.items()).extracting(ParsedNode::assignment).containsExactly(
                new TaskAssignment("办公室", "各股室", "3月底"), new TaskAssignment("监察室", "各学校", "年底前"));
        assertThat(plan.items().get(0).offices()).extracting(OfficeSuggestion::officeId, OfficeSuggestion::role)
                .containsExactly(tuple(7L, OfficeSuggestion.OfficeRole.LEAD));
        assertThat(plan.items().get(1).deadlines()).extracting(DeadlineSuggestion::kind)
                .containsExactly(cn.workplan.plan.DeadlineKind.YEAR_END);
    }

    @Test
    void otherTablesGiveTheTextOfTheirCells() throws Exception {
        var docx = docx(document -> {
            var table = document.createTable(1, 1);
            table.getRow(0).getCell(0).setText("青山县教育局2026年工作要点");
            var cell = table.getRow(0).getCell(0);
            cell.addParagraph().createRun().setText("一、加强党的建设");
            cell.addParagraph().createRun().setText("1.深入学习。");
            paragraph(document, null, "2.推进清廉学校建设。");
        });

        var plan = importer.importFile("要点.docx", docx, ImportOptions.defaults()).plan();

        assertThat(plan.title()).isEqualTo("青山县教育局2026年工作要点");
        assertThat(PlanImportSamplesTest.outline(plan)).containsExactly("一 加强党的建设", "    1 深入学习", "    2 推进清廉学校建设");
        assertThat(plan.items()).extracting(ParsedNode::lines).containsExactly(SourceLines.of(3), SourceLines.of(4));
    }

    static byte[] docx(Consumer<XWPFDocument> content) {
        try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            content.accept(document);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument document, String style, String text) {
        var paragraph = document.createParagraph();
        if (style != null) {
            paragraph.setStyle(style);
        }
        paragraph.createRun().setText(text);
    }

    private static void listParagraph(XWPFDocument document, BigInteger numId, int level, String text) {
        var paragraph = document.createParagraph();
        paragraph.setNumID(numId);
        paragraph.setNumILvl(BigInteger.valueOf(level));
        paragraph.createRun().setText(text);
    }

    private static void level(CTAbstractNum levels, int level, STNumberFormat.Enum format, String text) {
        var lvl = levels.addNewLvl();
        lvl.setIlvl(BigInteger.valueOf(level));
        lvl.addNewStart().setVal(BigInteger.ONE);
        lvl.addNewNumFmt().setVal(format);
        lvl.addNewLvlText().setVal(text);
    }

    private static XWPFStyle style(String id, String name) {
        var style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        return new XWPFStyle(style);
    }

    private static void row(org.apache.poi.xwpf.usermodel.XWPFTableRow row, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            row.getCell(i).setText(cells[i]);
        }
    }
}
