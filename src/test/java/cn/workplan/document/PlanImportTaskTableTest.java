package cn.workplan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.workplan.document.OfficeSuggestion.OfficeRole;
import cn.workplan.plan.DeadlineKind;
import cn.workplan.plan.NodeKind;

/** Task tables (任务分解表) in Excel: 序号 / 工作任务 / 牵头单位 / 责任单位 / 完成时限. */
class PlanImportTaskTableTest {

    private final PlanImporter importer = new PlanImporter();

    private final ImportOptions options = ImportOptions.defaults().withOffices(List.of(
            KnownOffice.of(1L, "基础教育股", "基教股"), KnownOffice.of(2L, "人事股"), KnownOffice.of(4L, "安全办", "校安办")));

    @Test
    void chaptersAndItemsWithTheirColumnsAndTheRowsTheyStandIn() throws Exception {
        var xlsx = workbook(sheet -> {
            rows(sheet,
                    "青山县教育局2026年重点工作任务分解表",
                    "序号|工作任务|牵头单位|责任单位|完成时限",
                    "一、党的建设||||",
                    "1|深入学习贯彻党的二十大精神。开展专题学习。|办公室|各股室|3月底",
                    "2|推进清廉学校建设。|监察室|各学校|年底前",
                    "二|安全工作||||",
                    "3|开展校舍安全排查。排查率达100%。|校安办|基础教育股、人事股|于4月30日前完成",
                    "4|完善应急预案。|校安办|各学校|暑期",
                    "5|建设智慧校园。|基础教育股|各学校|");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, 4));
            sheet.addMergedRegion(new CellRangeAddress(6, 7, 2, 2));
        });

        var plan = importer.importFile("任务分解表.xlsx", xlsx, options).plan();

        assertThat(plan.title()).isEqualTo("青山县教育局2026年重点工作任务分解表");
        assertThat(PlanImportSamplesTest.outline(plan)).containsExactly(
                "一 党的建设", "    1 深入学习贯彻党的二十大精神", "    2 推进清廉学校建设",
                "二 安全工作", "    3 开展校舍安全排查", "    4 完善应急预案", "    5 建设智慧校园");
        assertThat(plan.items()).extracting(ParsedNode::assignment).containsExactly(
                new TaskAssignment("办公室", "各股室", "3月底"),
                new TaskAssignment("监察室", "各学校", "年底前"),
                new TaskAssignment("校安办", "基础教育股、人事股", "于4月30日前完成"),
                new TaskAssignment("校安办", "各学校", "暑期"),
                new TaskAssignment("基础教育股", "各学校", ""));
        assertThat(plan.allNodes()).extracting(ParsedNode::lines).containsExactly(
                new SourceLines(3, 5), SourceLines.of(4), SourceLines.of(5), new SourceLines(6, 9), SourceLines.of(7), SourceLines.of(8),
                SourceLines.of(9));
        assertThat(plan.chapters()).allMatch(chapter -> chapter.assignment() == null);
    }

    @Test
    void officesAndDeadlinesFromTheColumnsAsSuggestions() throws Exception {
        var xlsx = workbook(sheet -> rows(sheet,
                "序号|工作任务|牵头单位|责任单位|完成时限",
                "1|开展校舍安全排查。排查率达100%。|校安办|基础教育股、人事股|于4月30日前完成",
                "2|推进清廉学校建设。|监察室|各学校|暑期"));

        var items = importer.importFile("任务分解表.xlsx", xlsx, options).plan().items();

        assertThat(items.get(0).offices()).extracting(OfficeSuggestion::officeId, OfficeSuggestion::role, OfficeSuggestion::source)
                .containsExactly(
                        tuple(4L, OfficeRole.LEAD, "校安办"),
                        tuple(1L, OfficeRole.COOPERATING, "基础教育股、人事股"),
                        tuple(2L, OfficeRole.COOPERATING, "基础教育股、人事股"));
        assertThat(items.get(0).deadlines()).extracting(DeadlineSuggestion::kind, DeadlineSuggestion::month, DeadlineSuggestion::day)
                .containsExactly(tuple(DeadlineKind.DATE, 4, 30));
        assertThat(items.get(0).targets()).extracting(TargetSuggestion::indicator).containsExactly("排查率");
        assertThat(items.get(1).offices()).as("a lead office the bureau does not know is suggested by its name")
                .extracting(OfficeSuggestion::officeId, OfficeSuggestion::office, OfficeSuggestion::role)
                .containsExactly(tuple(null, "监察室", OfficeRole.LEAD));
        assertThat(items.get(1).deadlines()).singleElement().satisfies(deadline -> {
            assertThat(deadline.kind()).isNull();
            assertThat(deadline.phrase()).isEqualTo("暑期");
        });
    }

    @Test
    void otherHeadersColumnOrderAndRowsWithoutNumbers() throws Exception {
        var xlsx = workbook(sheet -> rows(sheet,
                "",
                "完成时间|牵头股室|重点任务|备注",
                "6月底|人事股|做好教师招聘工作。|",
                "年内|基教股|推进集团化办学。|新增"));

        var plan = importer.importFile("任务.XLSX", xlsx, options).plan();

        assertThat(plan.nodes()).extracting(ParsedNode::kind, ParsedNode::number, ParsedNode::numberInferred, ParsedNode::headline)
                .containsExactly(
                        tuple(NodeKind.ITEM, "1", true, "做好教师招聘工作"),
                        tuple(NodeKind.ITEM, "2", true, "推进集团化办学"));
        assertThat(plan.items()).extracting(ParsedNode::assignment).containsExactly(
                new TaskAssignment("人事股", "", "6月底"), new TaskAssignment("基教股", "", "年内"));
    }

    interface SheetContent {
        void fill(org.apache.poi.xssf.usermodel.XSSFSheet sheet);
    }

    static byte[] workbook(SheetContent content) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            content.fill(workbook.createSheet("任务分解"));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of cells separated by |; an empty line is a blank row. */
    static void rows(org.apache.poi.xssf.usermodel.XSSFSheet sheet, String... lines) {
        for (int r = 0; r < lines.length; r++) {
            if (lines[r].isEmpty()) {
                continue;
            }
            var row = sheet.createRow(r);
            var cells = lines[r].split("\\|", -1);
            for (int c = 0; c < cells.length; c++) {
                if (!cells[c].isEmpty()) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
        }
    }
}
