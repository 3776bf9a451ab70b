package cn.workplan.dashboard.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.workplan.dashboard.Dashboard;
import cn.workplan.dashboard.Drilldown;
import cn.workplan.dashboard.MyDashboard;
import cn.workplan.system.web.DisplayFormats;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The dashboards' tables as Excel workbooks: a sheet per table of the leaders' dashboard, the drill-down's rows,
 * an office's or a school's lines and reporting record. Each sheet has its header frozen with an auto-filter;
 * numbers stay numbers, dates are written as on screen.
 */
@Component
class DashboardWorkbook {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MessageSource messages;
    private final DisplayFormats formats;

    DashboardWorkbook(MessageSource messages, DisplayFormats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    byte[] leaders(Dashboard dashboard) {
        return write(book -> {
            var tiles = dashboard.tiles();
            book.sheet("dashboard.tiles", List.of("dashboard.sheet.figure", "dashboard.sheet.value"), List.of(
                    List.of(text("dashboard.tile.items"), tiles.items()),
                    List.of(text("dashboard.status.FINISHED"), tiles.finished()),
                    List.of(text("dashboard.status.ON_SCHEDULE"), tiles.onSchedule()),
                    List.of(text("dashboard.status.BEHIND"), tiles.behind()),
                    List.of(text("dashboard.status.OVERDUE"), tiles.overdue()),
                    List.of(text("dashboard.status.NOT_STARTED"), tiles.notStarted()),
                    List.of(text("dashboard.tile.reportingRate"), tiles.reportingRate()),
                    List.of(text("dashboard.tile.openNotices"), tiles.openNotices())));
            book.sheet("dashboard.chapters", groupHeader("dashboard.sheet.chapter"), groupRows(dashboard.chapters()));
            book.sheet("dashboard.offices", groupHeader("dashboard.sheet.office"), groupRows(dashboard.offices()));
            var gridHeader = new ArrayList<String>(List.of("school.township", "school.name"));
            var columns = dashboard.gridChapters().stream().map(chapter -> chapter.label() + chapter.name()).toList();
            var gridRows = new ArrayList<List<Object>>();
            for (var row : dashboard.schools()) {
                var cells = new ArrayList<Object>(List.of(row.township(), row.name()));
                row.cells().forEach(cell -> cells.add(cell.isEmpty() ? "" : cell.meanPercent()));
                cells.add(row.total().meanPercent());
                cells.add(row.total().overdue());
                gridRows.add(cells);
            }
            book.sheet("dashboard.grid", gridHeader, columns, List.of("dashboard.grid.percent", "dashboard.status.OVERDUE"), gridRows);
            book.sheet("dashboard.months", List.of("report.period", "dashboard.months.sent", "dashboard.months.approved",
                    "dashboard.months.returned", "dashboard.months.rate", "dashboard.months.percent"),
                    dashboard.months().stream().<List<Object>>map(month -> List.of(
                            text(month.label(), month.start().getYear(), month.number()), month.sent(), month.approved(), month.returned(),
                            month.rate(), month.meanPercent())).toList());
            book.sheet("dashboard.targets", List.of("task.number", "task.task", "dashboard.targets.indicator", "dashboard.targets.target",
                    "dashboard.targets.county", "dashboard.targets.basis", "dashboard.targets.schools", "dashboard.targets.reached"),
                    dashboard.targets().stream().<List<Object>>map(target -> List.of(target.itemLabel(), target.itemHeadline(),
                            target.indicator(), target.comparator().symbol() + target.value().toPlainString() + target.unit(),
                            target.county() == null ? "" : target.county(),
                            target.basis() == null ? "" : text(target.basis().messageKey()), target.schools(), target.reached())).toList());
            book.sheet("dashboard.sheet.chase", List.of("task.number", "task.task", "item.leadOffice", "item.deadline", "dashboard.percent",
                    "dashboard.status"),
                    dashboard.chase().stream().<List<Object>>map(row -> List.of(row.label(), row.headline(), nullable(row.leadOffice()),
                            date(row.deadline()), row.percent(), text(row.status().messageKey()))).toList());
        });
    }

    byte[] drilldown(Drilldown drilldown) {
        return write(book -> book.sheet("dashboard.items", rowHeader(drilldown.lines()), rows(drilldown.rows(), drilldown.lines())));
    }

    byte[] mine(MyDashboard mine) {
        return write(book -> {
            book.sheet("dashboard.mine.lines", rowHeader(false), rows(mine.lines(), false));
            if (mine.office()) {
                book.sheet("dashboard.mine.led", rowHeader(false), rows(mine.led(), false));
            }
            book.sheet("dashboard.mine.record", List.of("report.period", "dashboard.record.due", "dashboard.record.expected",
                    "dashboard.record.onTime", "dashboard.record.late", "dashboard.record.missing"),
                    mine.record().stream().<List<Object>>map(row -> List.of(
                            text(row.period().messageKey(), row.period().start().getYear(), row.period().number()), date(row.due()),
                            row.expected(), row.onTime(), row.late(), row.missing())).toList());
        });
    }

    private static List<String> rowHeader(boolean lines) {
        return lines ? List.of("task.number", "task.task", "dashboard.sheet.chapter", "school.name", "school.township", "item.deadline",
                "dashboard.percent", "dashboard.status", "dashboard.reportedNow")
                : List.of("task.number", "task.task", "dashboard.sheet.chapter", "item.leadOffice", "item.deadline", "dashboard.percent",
                        "dashboard.status", "dashboard.reportedNow");
    }

    private List<List<Object>> rows(List<Drilldown.Row> rows, boolean lines) {
        return rows.stream().<List<Object>>map(row -> {
            var cells = new ArrayList<Object>(List.of(row.label(), row.headline(), row.chapter(), nullable(row.party())));
            if (lines) {
                cells.add(nullable(row.township()));
            }
            cells.addAll(List.of(date(row.deadline()), row.percent(), text(row.status().messageKey()), row.reported() + "/" + row.lines()));
            return cells;
        }).toList();
    }

    private static List<String> groupHeader(String first) {
        return List.of(first, "dashboard.tile.items", "dashboard.status.FINISHED", "dashboard.status.ON_SCHEDULE", "dashboard.status.BEHIND",
                "dashboard.status.OVERDUE", "dashboard.status.NOT_STARTED", "dashboard.finishedRate", "dashboard.meanPercent");
    }

    private static List<List<Object>> groupRows(List<Dashboard.Group> groups) {
        return groups.stream().<List<Object>>map(group -> List.of(group.name(), group.items(), group.finished(), group.onSchedule(),
                group.behind(), group.overdue(), group.notStarted(), group.finishedRate(), group.meanPercent())).toList();
    }

    private String date(LocalDate day) {
        return day == null ? "" : formats.date(day);
    }

    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private interface Content {
        void fill(Book book);
    }

    private byte[] write(Content content) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            content.fill(new Book(workbook));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes sheets: a bold, frozen header with an auto-filter, then the rows. */
    private final class Book {
        private final XSSFWorkbook workbook;
        private final CellStyle header;

        Book(XSSFWorkbook workbook) {
            this.workbook = workbook;
            header = workbook.createCellStyle();
            var bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }

        void sheet(String nameKey, List<String> headerKeys, List<List<Object>> rows) {
            sheet(nameKey, headerKeys, List.of(), List.of(), rows);
        }

        /** Header: the keys' texts, then literal column names, then more keys' texts. */
        void sheet(String nameKey, List<String> headerKeys, List<String> literal, List<String> trailingKeys, List<List<Object>> rows) {
            Sheet sheet = workbook.createSheet(text(nameKey));
            var titles = new ArrayList<String>();
            headerKeys.forEach(key -> titles.add(text(key)));
            titles.addAll(literal);
            trailingKeys.forEach(key -> titles.add(text(key)));
            var first = sheet.createRow(0);
            for (int i = 0; i < titles.size(); i++) {
                var cell = first.createCell(i);
                cell.setCellValue(titles.get(i));
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, Math.min(60, Math.max(8, titles.get(i).length() * 3)) * 256);
            }
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r + 1);
                var values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    var cell = row.createCell(c);
                    var value = values.get(c);
                    if (value instanceof Number number) {
                        cell.setCellValue(value instanceof BigDecimal decimal ? decimal.doubleValue() : number.doubleValue());
                    } else {
                        cell.setCellValue(String.valueOf(value));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            if (!titles.isEmpty()) {
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows.size()), 0, titles.size() - 1));
            }
        }
    }
}
