package cn.workplan.document.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.workplan.document.DocumentImportException;
import cn.workplan.system.table.XlsxSheet;

/**
 * Reads a task table (任务分解表) from the first sheet of an {@code .xlsx} file, streaming ({@link XlsxSheet}):
 * 序号 / 工作任务 / 牵头单位 / 责任单位 / 完成时限, the header in any of the first rows (a title row often stands above it), the
 * columns in any order and under their usual names. Rows become lines as a plan prints them (一、… for a
 * chapter row, 1.… for a task) carrying their cells; a value merged down a column counts for every row
 * it covers. Refuses what it cannot read safely, and a table without 工作任务 or 牵头单位.
 */
public final class TaskTableReader {

    /** Largest file accepted, in bytes. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;

    /** Most rows accepted. */
    public static final int MAX_ROWS = 2000;

    /** Columns read, from A on. */
    private static final int MAX_COLUMNS = 30;

    private TaskTableReader() {
    }

    public static List<SourceLine> read(byte[] content) throws DocumentImportException {
        OfficeFiles.check(content, MAX_BYTES);
        List<List<String>> cells;
        try {
            // a row beyond the limit (and a few blank rows around the table) refuses the file at once
            cells = cells(XlsxSheet.readFirst(content, MAX_ROWS + 10, MAX_COLUMNS));
        } catch (XlsxSheet.UnreadableSheetException e) {
            throw switch (e.problem()) {
                case NO_SHEET -> new DocumentImportException("document.import.error.empty");
                case TOO_MANY_ROWS -> new DocumentImportException("document.import.error.tooManyRows", MAX_ROWS);
                case TOO_MUCH_TEXT -> new DocumentImportException("document.import.error.tooMuchText");
                case UNREADABLE -> new DocumentImportException("document.import.error.unreadable", e);
            };
        }
        if (cells.stream().allMatch(TaskTable::isBlank)) {
            throw new DocumentImportException("document.import.error.empty");
        }
        var table = TaskTable.find(cells);
        if (table.isEmpty()) {
            throw new DocumentImportException("document.import.error.missingColumns", String.join("、", TaskTable.missing(cells)));
        }
        if (table.get().rows().stream().noneMatch(row -> row.row() != null)) {
            throw new DocumentImportException("document.import.error.noRows");
        }
        return table.get().rows().stream()
                .map(row -> new SourceLine(row.line(), row.text(), SourceLine.Style.BODY, row.row()))
                .toList();
    }

    /** The sheet's rows, a value merged down a column repeated in every row it covers. */
    private static List<List<String>> cells(XlsxSheet sheet) {
        var lines = new ArrayList<List<String>>();
        sheet.rows().forEach(row -> lines.add(new ArrayList<>(row)));
        for (var region : sheet.merges()) {
            if (region.firstRow() == region.lastRow() || region.firstColumn() != region.lastColumn()
                    || region.firstRow() >= lines.size()) {
                continue;
            }
            var top = lines.get(region.firstRow());
            int column = region.firstColumn();
            var value = column < top.size() ? top.get(column) : "";
            for (int r = region.firstRow() + 1; r <= Math.min(region.lastRow(), lines.size() - 1); r++) {
                var line = lines.get(r);
                while (line.size() <= column) {
                    line.add("");
                }
                line.set(column, value);
            }
        }
        return lines;
    }

    /** The task table found in rows of cells: where its columns are, and its rows. */
    public record TaskTable(List<Row> rows) {

        /**
         * A row with its line (counted from 1 in the given rows), its text as a plan prints it, and its
         * cells; a row above the header (the table's title) has no cells.
         */
        public record Row(int line, String text, TaskRow row) {
        }

        private static final List<String> NUMBER = List.of("序号", "编号", "序");
        private static final List<String> TASK = List.of("工作任务", "重点任务", "主要任务", "具体任务", "工作内容", "任务内容", "工作事项", "重点工作", "任务");
        private static final List<String> LEAD = List.of("牵头单位", "牵头股室", "牵头科室", "牵头部门", "责任股室", "牵头");
        private static final List<String> RESPONSIBLE = List.of("责任单位", "配合单位", "配合股室", "配合科室", "协办单位", "参与单位", "责任学校");
        private static final List<String> DEADLINE = List.of("完成时限", "完成时间", "完成期限", "时间节点", "时限", "时间要求");

        /** How many rows from the top the header may stand. */
        private static final int HEADER_WITHIN = 10;

        private static final Pattern CHINESE_NUMBER = Pattern.compile("^[一二三四五六七八九十百]{1,4}$");
        private static final Pattern DIGITS = Pattern.compile("^\\d{1,3}$");

        /** The table, when a header row names 工作任务 and 牵头单位 (under any of their names). */
        public static Optional<TaskTable> find(List<List<String>> lines) {
            for (int h = 0; h < Math.min(HEADER_WITHIN, lines.size()); h++) {
                var header = lines.get(h).stream().map(TaskTable::normalise).toList();
                int task = position(header, TASK);
                int lead = position(header, LEAD);
                if (task < 0 || lead < 0) {
                    continue;
                }
                int number = position(header, NUMBER);
                int responsible = position(header, RESPONSIBLE);
                int deadline = position(header, DEADLINE);
                var rows = new ArrayList<Row>();
                for (int r = 0; r < h; r++) {
                    var text = String.join(" ", lines.get(r).stream().filter(cell -> cell != null && !cell.isBlank()).toList());
                    if (!text.isBlank()) {
                        rows.add(new Row(r + 1, text, null));
                    }
                }
                for (int r = h + 1; r < lines.size(); r++) {
                    var line = lines.get(r);
                    var cells = new TaskRow(cell(line, number), cell(line, task), cell(line, lead), cell(line, responsible),
                            cell(line, deadline));
                    if (cells.number().isEmpty() && cells.task().isEmpty()) {
                        continue;
                    }
                    rows.add(new Row(r + 1, text(cells), cells));
                }
                return Optional.of(new TaskTable(rows));
            }
            return Optional.empty();
        }

        /** The required columns no header row of the first rows names (both, when they stand in different rows). */
        static List<String> missing(List<List<String>> lines) {
            var missing = new ArrayList<String>();
            if (!named(lines, TASK)) {
                missing.add(TASK.get(0));
            }
            if (!named(lines, LEAD)) {
                missing.add(LEAD.get(0));
            }
            return missing.isEmpty() ? List.of(TASK.get(0), LEAD.get(0)) : missing;
        }

        private static boolean named(List<List<String>> lines, List<String> names) {
            return lines.stream().limit(HEADER_WITHIN)
                    .anyMatch(line -> position(line.stream().map(TaskTable::normalise).toList(), names) >= 0);
        }

        /** The row as a plan prints it: 一、 before a chapter's name, 1. before a task. */
        private static String text(TaskRow cells) {
            var number = cells.number();
            var task = cells.task();
            if (number.isEmpty()) {
                return task;
            }
            if (CHINESE_NUMBER.matcher(number).matches()) {
                return number + "、" + task;
            }
            if (DIGITS.matcher(number).matches()) {
                return number + "." + task;
            }
            return task.isEmpty() || number.equals(task) ? number : number + task;
        }

        private static int position(List<String> header, List<String> names) {
            for (var name : names) {
                int at = header.indexOf(name);
                if (at >= 0) {
                    return at;
                }
            }
            return -1;
        }

        private static String cell(List<String> line, int position) {
            return position >= 0 && position < line.size() && line.get(position) != null ? line.get(position).strip() : "";
        }

        static boolean isBlank(List<String> line) {
            return line.stream().allMatch(cell -> cell == null || cell.isBlank());
        }

        private static String normalise(String header) {
            return header == null ? "" : header.replaceAll("[\\s\\u3000*＊]", "").replace('（', '(').replace('）', ')');
        }
    }
}
