package cn.workplan.system.table;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.workplan.support.Spreadsheets;

/**
 * The streaming reader of {@code .xlsx} sheets gives the texts a loaded workbook gives, and refuses what is too big
 * before it costs anything.
 */
class XlsxSheetTest {

    /** What reading a sheet may take, generously above its cost (a few MB), far below loading a big one (GBs). */
    private static final long MODEST = 64L * 1024 * 1024;

    @Test
    void givesTheTextsThatALoadedWorkbookGives() throws Exception {
        var xlsx = xssf(workbook -> {
            var sheet = workbook.createSheet("学校");
            var format = workbook.createDataFormat();
            var thousands = workbook.createCellStyle();
            thousands.setDataFormat(format.getFormat("#,##0"));
            var decimals = workbook.createCellStyle();
            decimals.setDataFormat(format.getFormat("0.00"));
            var percent = workbook.createCellStyle();
            percent.setDataFormat((short) 9);
            var date = workbook.createCellStyle();
            date.setDataFormat((short) 14);
            var chineseDate = workbook.createCellStyle();
            chineseDate.setDataFormat(format.getFormat("yyyy\"年\"m\"月\"d\"日\""));
            var text = workbook.createCellStyle();
            text.setDataFormat((short) 49);

            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("学校名称");
            header.createCell(1).setCellValue("在校生数");
            header.createCell(3).setCellValue("备注");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("城关镇第一小学");
            row.createCell(1).setCellValue(1250);
            row.getCell(1).setCellStyle(thousands);
            row.createCell(2).setCellValue(13800000001d);
            row.createCell(3).setCellValue(0.955);
            row.getCell(3).setCellStyle(percent);
            row.createCell(4).setCellValue(LocalDateTime.of(2025, 7, 1, 0, 0));
            row.getCell(4).setCellStyle(date);
            row.createCell(5).setCellValue(LocalDateTime.of(2025, 7, 1, 0, 0));
            row.getCell(5).setCellStyle(chineseDate);
            row.createCell(6).setCellValue(3.14159);
            row.getCell(6).setCellStyle(decimals);
            row.createCell(7).setCellValue(true);
            row.createCell(8).setCellValue("0012");
            row.getCell(8).setCellStyle(text);
            row.createCell(9).setCellValue(-42.5);
            row.createCell(10).setCellValue(1.0 / 3);
            row.createCell(12).setCellStyle(thousands);
            var rich = new XSSFRichTextString("青山乡中心小学");
            rich.applyFont(0, 3, workbook.createFont());
            row.createCell(13).setCellValue(rich);
            row.createCell(14).setCellValue("  前后有空格  ");
            row.createCell(15).setCellValue("第一行\n第二行");
            sheet.createRow(3).createCell(2).setCellValue("隔一行");
        });

        assertThat(XlsxSheet.readFirst(xlsx, 100, 50).rows()).isEqualTo(loaded(xlsx));
        assertThat(XlsxSheet.readFirst(xlsx, 100, 50).rows().get(1))
                .as("the figures as Excel shows them")
                .startsWith("城关镇第一小学", "1,250", "13800000001", "96%", "7/1/25");
    }

    @Test
    void readsInlineStringsAsOtherProgramsWriteThem() throws Exception {
        byte[] xlsx;
        try (var workbook = new SXSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var row = workbook.createSheet().createRow(0);
            row.createCell(0).setCellValue("学校名称");
            row.createCell(1).setCellValue(1250);
            workbook.write(out);
            workbook.dispose();
            xlsx = out.toByteArray();
        }

        assertThat(XlsxSheet.readFirst(xlsx, 100, 50).rows()).containsExactly(List.of("学校名称", "1250"));
    }

    @Test
    void datesOfAWorkbookThatCountsFrom1904() throws Exception {
        var xlsx = xssf(workbook -> {
            workbook.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
            var date = workbook.createCellStyle();
            date.setDataFormat((short) 14);
            var cell = workbook.createSheet().createRow(0).createCell(0);
            cell.setCellValue(LocalDateTime.of(2025, 7, 1, 0, 0));
            cell.setCellStyle(date);
        });

        assertThat(XlsxSheet.readFirst(xlsx, 100, 50).rows()).isEqualTo(loaded(xlsx)).containsExactly(List.of("7/1/25"));
    }

    @Test
    void formulasReadAsTheValuesExcelSavedWithThem() throws Exception {
        var xlsx = xssf(workbook -> {
            var sheet = workbook.createSheet();
            // each formula with the value Excel saves beside it (POI's evaluator would need commons-math3, which the
            // application leaves out: it reads the saved values and never evaluates)
            for (int r = 0; r < 3; r++) {
                var row = sheet.createRow(r);
                var number = row.createCell(0);
                number.setCellFormula("ROW()");
                number.setCellValue(r + 1);
                var text = row.createCell(1);
                text.setCellFormula("\"第\"&ROW()&\"条\"");
                text.setCellValue("第" + (r + 1) + "条");
                var error = row.createCell(2);
                error.setCellFormula("1/0");
                error.setCellErrorValue(FormulaError.DIV0);
            }
        });

        assertThat(XlsxSheet.readFirst(xlsx, 100, 50).rows()).containsExactly(
                List.of("1", "第1条", "#DIV/0!"), List.of("2", "第2条", "#DIV/0!"), List.of("3", "第3条", "#DIV/0!"));
    }

    @Test
    void mergedCellsAndTheFirstSheetOnly() throws Exception {
        var xlsx = xssf(workbook -> {
            var sheet = workbook.createSheet("任务");
            sheet.createRow(0).createCell(0).setCellValue("分解表");
            sheet.createRow(1).createCell(2).setCellValue("校安办");
            sheet.createRow(2);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 2, 2));
            workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("不读");
        });

        var sheet = XlsxSheet.readFirst(xlsx, 100, 50);

        assertThat(sheet.rows()).containsExactly(List.of("分解表"), List.of("", "", "校安办"), List.of());
        assertThat(sheet.merges()).containsExactly(new XlsxSheet.Merge(0, 0, 0, 4), new XlsxSheet.Merge(1, 2, 2, 2));
    }

    @Test
    void keepsOnlyTheColumnsAsked() throws Exception {
        var xlsx = xssf(workbook -> {
            var row = workbook.createSheet().createRow(0);
            for (int c = 0; c < 80; c++) {
                row.createCell(c).setCellValue("列" + c);
            }
        });

        assertThat(XlsxSheet.readFirst(xlsx, 100, 3).rows()).containsExactly(List.of("列0", "列1", "列2"));
    }

    /** 400,000 rows in a file under the 2 MB limit, as the issue's: refused at the first row too many. */
    @Test
    void aSheetOf400000RowsIsRefusedInMillisecondsAndMegabytes() throws Exception {
        var xlsx = Spreadsheets.manyRows(400_000);
        assertThat(xlsx.length).as("the file is under the upload limit").isLessThan((int) TableReader.MAX_BYTES);

        var columns = List.of(TableColumn.required("name", "学校名称"));
        var refusal = cheaply(() -> catchThrowableOfType(TableFileException.class, () -> TableReader.read("学校.xlsx", xlsx, columns)));
        assertThat(refusal.code()).isEqualTo("import.error.tooManyRows");
        assertThat(refusal.arguments()).containsExactly(TableReader.MAX_ROWS);
    }

    @Test
    void aLongTableOfStringsOfOtherSheetsIsReadPastKeepingOnlyTheFirstSheetsStrings() throws Exception {
        int others = 150_000;
        var template = Spreadsheets.xlsx("学校名称", "城关镇第一小学");
        var sheetRefersToTheLastStrings = Spreadsheets.withEntry(template, "xl/worksheets/sheet1.xml", (xml, out) ->
                out.write(xml.replace("<v>0</v>", "<v>" + others + "</v>").replace("<v>1</v>", "<v>" + (others + 1) + "</v>").getBytes(UTF_8)));
        var xlsx = Spreadsheets.withEntry(sheetRefersToTheLastStrings, "xl/sharedStrings.xml", (xml, out) -> {
            int start = xml.indexOf("<si>");
            out.write(xml.substring(0, start).replaceAll("(count|uniqueCount)=\"\\d+\"", "$1=\"" + (others + 2) + "\"").getBytes(UTF_8));
            for (int i = 0; i < others; i++) {
                out.write(("<si><t>名单" + i + "</t></si>").getBytes(UTF_8));
            }
            out.write(xml.substring(start).getBytes(UTF_8));
        });

        var sheet = cheaply(() -> XlsxSheet.readFirst(xlsx, 2010, 50));

        assertThat(sheet.rows()).containsExactly(List.of("学校名称"), List.of("城关镇第一小学"));
    }

    @Test
    void refusesMoreTextThanAnyImportHolds() throws Exception {
        var random = new Random(7);
        var text = letters(random, 20_000);
        byte[] xlsx;
        try (var workbook = new SXSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet();
            for (int r = 0; r < XlsxSheet.MAX_TEXT / text.length() + 1; r++) {
                // a few new letters in every row keep the file within the zip-bomb guard's ratio
                sheet.createRow(r).createCell(0).setCellValue(letters(random, 500) + text);
            }
            workbook.write(out);
            workbook.dispose();
            xlsx = out.toByteArray();
        }
        assertThat(xlsx.length).as("a repeated text packs well").isLessThan((int) TableReader.MAX_BYTES);

        var refusal = catchThrowableOfType(TableFileException.class,
                () -> TableReader.read("学校.xlsx", xlsx, List.of(TableColumn.required("name", "学校名称"))));

        assertThat(refusal).hasNoCause();
        assertThat(refusal.code()).isEqualTo("import.error.tooMuchText");
    }

    @Test
    void refusesACellThatRefersToAStringTheWorkbookDoesNotHave() throws Exception {
        var xlsx = Spreadsheets.withEntry(Spreadsheets.xlsx("学校名称"), "xl/worksheets/sheet1.xml",
                (xml, out) -> out.write(xml.replace("<v>0</v>", "<v>5</v>").getBytes(UTF_8)));

        var refusal = catchThrowableOfType(XlsxSheet.UnreadableSheetException.class, () -> XlsxSheet.readFirst(xlsx, 100, 50));

        assertThat(refusal.problem()).isEqualTo(XlsxSheet.Problem.UNREADABLE);
    }

    private static String letters(Random random, int count) {
        var chars = new char[count];
        for (int i = 0; i < count; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }

    /** Runs the reading and checks it took well under two seconds and modest memory of this thread. */
    private static <T> T cheaply(ThrowingSupplier<T> reading) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocated = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();

        var result = reading.get();

        var took = Duration.ofNanos(System.nanoTime() - start);
        long used = threads.getThreadAllocatedBytes(thread) - allocated;
        assertThat(took).as("time taken").isLessThan(Duration.ofSeconds(2));
        assertThat(used).as("bytes allocated").isLessThan(MODEST);
        return result;
    }

    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private static byte[] xssf(Consumer<XSSFWorkbook> content) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            content.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first sheet's texts as POI's formatter gives them for the loaded workbook, shaped as {@link XlsxSheet#rows()}. */
    private static List<List<String>> loaded(byte[] xlsx) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var formatter = new DataFormatter(Locale.CHINA);
            var sheet = workbook.getSheetAt(0);
            var rows = new ArrayList<List<String>>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                var cells = new ArrayList<String>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        var cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
            return rows;
        }
    }
}
