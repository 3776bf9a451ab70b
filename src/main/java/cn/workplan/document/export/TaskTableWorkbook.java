package cn.workplan.document.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.workplan.plan.TaskSheet;
import cn.workplan.plan.TaskTable;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The task table (任务分解表) as an Excel workbook, as offices print and pass it on: a title row, then
 * 序号 / 工作任务 / 牵头股室 / 配合股室 / 责任学校 / 完成时限 / 季度安排 with the texts of the page
 * ({@link TaskSheet}). Printed on landscape A4 fitted to the page width, the header row repeated on every page;
 * on screen the header stays frozen and carries an auto-filter.
 */
@Component
public class TaskTableWorkbook {

    /** Header message keys and column widths (in characters; a Chinese character counts two). */
    private static final List<Column> COLUMNS = List.of(
            new Column("task.number", 8),
            new Column("task.task", 44),
            new Column("item.leadOffice", 14),
            new Column("item.cooperatingOffices", 18),
            new Column("item.schools", 26),
            new Column("item.deadline", 14),
            new Column("item.quarters", 40));

    private static final String FONT = "宋体";
    private static final int TITLE_ROW = 0;
    private static final int HEADER_ROW = 1;

    private final MessageSource messages;

    TaskTableWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    private record Column(String key, int width) {
    }

    /** The file name people see: the plan's title and 任务分解表. */
    public String fileName(TaskTable table) {
        return message("export.tasks.fileName", FileNames.safe(table.plan().title()));
    }

    public byte[] write(TaskTable table, List<TaskSheet.Line> lines) {
        var workbook = new SXSSFWorkbook(200);
        try {
            var sheet = workbook.createSheet(message("export.tasks.sheet"));
            var styles = new Styles(workbook);
            title(sheet, styles, table);
            header(sheet, styles);
            int rowIndex = HEADER_ROW + 1;
            for (var line : lines) {
                var row = sheet.createRow(rowIndex++);
                var cells = List.of(line.item().fullNumber(), line.item().headline(), line.leadOffice(),
                        line.cooperatingOffices(), line.schools(), line.deadline(), quarters(line));
                for (int column = 0; column < cells.size(); column++) {
                    var cell = row.createCell(column);
                    cell.setCellValue(cells.get(column));
                    cell.setCellStyle(column == 0 ? styles.number : styles.body);
                }
            }
            layout(sheet, Math.max(rowIndex - 1, HEADER_ROW));
            var out = new ByteArrayOutputStream(32 * 1024);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the task table of plan " + table.plan().id(), e);
        } finally {
            workbook.dispose();
        }
    }

    private void title(Sheet sheet, Styles styles, TaskTable table) {
        var row = sheet.createRow(TITLE_ROW);
        row.setHeightInPoints(30);
        var cell = row.createCell(0);
        cell.setCellValue(message("export.tasks.title", table.plan().title()));
        cell.setCellStyle(styles.title);
        sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, COLUMNS.size() - 1));
    }

    private void header(Sheet sheet, Styles styles) {
        var row = sheet.createRow(HEADER_ROW);
        row.setHeightInPoints(22);
        for (int column = 0; column < COLUMNS.size(); column++) {
            var cell = row.createCell(column);
            cell.setCellValue(message(COLUMNS.get(column).key()));
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(column, COLUMNS.get(column).width() * 256);
        }
    }

    private void layout(Sheet sheet, int lastRow) {
        sheet.createFreezePane(0, HEADER_ROW + 1);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, lastRow, 0, COLUMNS.size() - 1));
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        var print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.5);
        sheet.setMargin(Sheet.RightMargin, 0.5);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        sheet.getFooter().setCenter(message("export.tasks.footer", "&P", "&N"));
    }

    private static String quarters(TaskSheet.Line line) {
        return line.quarters().stream()
                .map(quarter -> quarter.quarter() + "：" + quarter.milestone())
                .collect(Collectors.joining("\n"));
    }

    private String message(String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, arguments, locale);
    }

    /** The few cell styles of the sheet. */
    private static final class Styles {

        final CellStyle title;
        final CellStyle header;
        final CellStyle body;
        final CellStyle number;

        Styles(SXSSFWorkbook workbook) {
            var titleFont = workbook.createFont();
            titleFont.setFontName(FONT);
            titleFont.setFontHeightInPoints((short) 16);
            titleFont.setBold(true);
            title = workbook.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);

            var headerFont = workbook.createFont();
            headerFont.setFontName(FONT);
            headerFont.setFontHeightInPoints((short) 11);
            headerFont.setBold(true);
            header = bordered(workbook);
            header.setFont(headerFont);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);

            var bodyFont = workbook.createFont();
            bodyFont.setFontName(FONT);
            bodyFont.setFontHeightInPoints((short) 11);
            body = bordered(workbook);
            body.setFont(bodyFont);
            body.setVerticalAlignment(VerticalAlignment.TOP);
            number = bordered(workbook);
            number.setFont(bodyFont);
            number.setAlignment(HorizontalAlignment.CENTER);
            number.setVerticalAlignment(VerticalAlignment.TOP);
        }

        private static CellStyle bordered(SXSSFWorkbook workbook) {
            var style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setWrapText(true);
            return style;
        }
    }
}
