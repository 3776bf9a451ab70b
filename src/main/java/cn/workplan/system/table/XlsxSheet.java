package cn.workplan.system.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * The first sheet of an {@code .xlsx} workbook as text, read as a stream of XML (StAX) rather than loaded whole:
 * a sheet that goes on past the rows an import accepts is refused as soon as the parser reaches the first row too
 * many, before anything else of the file is read, so a 2 MB file of 400,000 rows costs milliseconds and a few
 * megabytes instead of a minute and a gigabyte (POI's {@code XSSFWorkbook} builds every cell as XML beans first).
 *
 * <p>Cells read as Excel shows them, as POI's {@link DataFormatter} does for a loaded workbook: numbers through
 * their cell's number format ("1,250", dates, percentages), shared and inline strings as written, booleans as
 * TRUE/FALSE, formulas as the value Excel saved with them. Only the shared strings the sheet's rows refer to are
 * kept, and the file's zip entries are inflated only as they are read, under POI's zip-bomb guards
 * ({@link ZipSecureFile}).
 */
public final class XlsxSheet {

    /** Most characters of text kept from one sheet, whatever its rows: a guard for memory, far above any real import. */
    static final long MAX_TEXT = 10_000_000;

    /** Excel's own limit of cell formats in a workbook; more is not a workbook Excel wrote. */
    private static final int MAX_STYLES = 65_000;

    private static final int MAX_MERGES = 100_000;

    private static final Pattern ESCAPED_CHARACTER = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    static {
        // an expanded entry may be at most 100 times its compressed size and 50 MB in all
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(50L * 1024 * 1024);
    }

    /** Why a workbook was not read. */
    public enum Problem {
        /** the workbook has no sheet */
        NO_SHEET,
        /** the first sheet has a row beyond the last one accepted */
        TOO_MANY_ROWS,
        /** the rows hold more text than {@link #MAX_TEXT} */
        TOO_MUCH_TEXT,
        /** not a workbook, damaged, or a zip bomb */
        UNREADABLE
    }

    /** A workbook that was not read, and why. */
    public static final class UnreadableSheetException extends Exception {

        private final Problem problem;

        UnreadableSheetException(Problem problem) {
            super(problem.name());
            this.problem = problem;
        }

        UnreadableSheetException(Problem problem, Throwable cause) {
            super(problem.name() + ": " + cause.getMessage(), cause);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** Cells merged into one, rows and columns counted from 0. */
    public record Merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
    }

    private final List<List<String>> rows;
    private final List<Merge> merges;

    private XlsxSheet(List<List<String>> rows, List<Merge> merges) {
        this.rows = rows;
        this.merges = merges;
    }

    /**
     * The sheet's rows from the first (index 0) to the last present in the file, a row missing in the file an empty
     * list; each row's cells from column A to its last cell present, at most {@code maxColumns}, a missing cell "".
     */
    public List<List<String>> rows() {
        return rows;
    }

    /** The sheet's merged cells that start within its rows. */
    public List<Merge> merges() {
        return merges;
    }

    /**
     * Reads the first sheet of the workbook (the first in Excel's tab order).
     *
     * @param maxRowIndex the last row index (from 0) accepted; a row beyond it refuses the file at once
     * @param maxColumns  how many columns from A on are kept; cells further right are read past
     */
    public static XlsxSheet readFirst(byte[] content, int maxRowIndex, int maxColumns) throws UnreadableSheetException {
        Path file = null;
        try {
            // from a file, POI inflates each zip entry as it is read; from a stream it would inflate them all first
            file = Files.createTempFile("workplan-import-", ".xlsx");
            Files.write(file, content);
            try (var zip = new ZipSecureFile(file.toFile());
                    var workbook = OPCPackage.open(new ZipFileZipEntrySource(zip))) {
                return new Reading(new XSSFReader(workbook, true), maxRowIndex, maxColumns).read();
            }
        } catch (UnreadableSheetException e) {
            throw e;
        } catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException e) {
            throw new UnreadableSheetException(Problem.UNREADABLE, e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    /**
     * A cell as the sheet stores it: {@code type} is its {@code t} attribute (n, s, inlineStr, str, b, e, d),
     * {@code value} the text of its {@code <v>} (or of its inline string), {@code style} its {@code s} attribute.
     */
    private record StoredCell(String type, String value, int style) {
    }

    /** One pass through a workbook. */
    private static final class Reading {

        private final XSSFReader workbook;
        private final int maxRowIndex;
        private final int maxColumns;
        private final XMLInputFactory xml = XMLHelper.newXMLInputFactory();
        private final List<List<StoredCell>> cells = new ArrayList<>();
        private final List<Merge> merges = new ArrayList<>();
        /** The shared strings the rows refer to, by index; filled after the sheet is read. */
        private final Map<Integer, String> sharedStrings = new HashMap<>();
        private final Map<Integer, String> numberFormats = new HashMap<>();
        private final List<Integer> styleFormats = new ArrayList<>();
        private final DataFormatter formatter = new DataFormatter(Locale.CHINA);
        private boolean date1904;
        private long text;

        Reading(XSSFReader workbook, int maxRowIndex, int maxColumns) {
            this.workbook = workbook;
            this.maxRowIndex = maxRowIndex;
            this.maxColumns = maxColumns;
        }

        XlsxSheet read() throws IOException, OpenXML4JException, XMLStreamException, UnreadableSheetException {
            var sheets = workbook.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableSheetException(Problem.NO_SHEET);
            }
            try (var sheet = sheets.next()) {
                sheet(sheet);
            }
            if (!sharedStrings.isEmpty()) {
                try (var strings = workbook.getSharedStringsData()) {
                    if (strings == null) {
                        throw new UnreadableSheetException(Problem.UNREADABLE);
                    }
                    sharedStrings(strings);
                }
            }
            if (needsFormats()) {
                try (var styles = workbook.getStylesData()) {
                    if (styles != null) {
                        styles(styles);
                    }
                }
                try (var book = workbook.getWorkbookData()) {
                    date1904(book);
                }
            }
            var rows = new ArrayList<List<String>>(cells.size());
            for (var row : cells) {
                var texts = new ArrayList<String>(row.size());
                for (var cell : row) {
                    texts.add(cell == null ? "" : text(cell));
                }
                rows.add(Collections.unmodifiableList(texts));
            }
            return new XlsxSheet(Collections.unmodifiableList(rows), List.copyOf(merges));
        }

        /**
         * The cell's text as Excel shows it. Every cell of the sheet becomes text here and only here.
         */
        private String text(StoredCell cell) {
            var value = cell.value();
            return switch (cell.type()) {
                case "s" -> sharedStrings.get(Integer.parseInt(value.strip()));
                case "inlineStr", "str", "e", "d" -> value;
                case "b" -> value.isEmpty() ? "" : value.strip().equals("0") ? "FALSE" : "TRUE";
                default -> value.isBlank() ? "" : number(Double.parseDouble(value.strip()), cell.style());
            };
        }

        private String number(double value, int style) {
            int format = style >= 0 && style < styleFormats.size() ? styleFormats.get(style) : 0;
            var pattern = numberFormats.get(format);
            if (pattern == null) {
                pattern = BuiltinFormats.getBuiltinFormat(format);
            }
            if (pattern == null) {
                // a format the workbook names but does not define: as Excel, the general format
                pattern = "General";
            }
            return formatter.formatRawCellContents(value, format, pattern, date1904);
        }

        /** Whether a cell holds a number, whose text depends on its format. */
        private boolean needsFormats() {
            return cells.stream().flatMap(List::stream)
                    .anyMatch(cell -> cell != null && cell.type().equals("n") && !cell.value().isBlank());
        }

        private void sheet(InputStream in) throws XMLStreamException, UnreadableSheetException {
            var reader = xml.createXMLStreamReader(in);
            try {
                int row = -1;
                int column = -1;
                while (reader.hasNext()) {
                    if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    switch (reader.getLocalName()) {
                        case "row" -> {
                            row = index(reader.getAttributeValue(null, "r"), row);
                            if (row > maxRowIndex) {
                                throw new UnreadableSheetException(Problem.TOO_MANY_ROWS);
                            }
                            column = -1;
                            rowCells(row);
                        }
                        case "c" -> {
                            column = column(reader.getAttributeValue(null, "r"), column);
                            if (row >= 0 && column < maxColumns) {
                                cell(reader, row, column);
                            }
                        }
                        case "mergeCell" -> merge(reader.getAttributeValue(null, "ref"));
                        default -> {
                            // everything else of the sheet (columns, formats, print settings) says nothing of its text
                        }
                    }
                }
            } finally {
                reader.close();
            }
        }

        private List<StoredCell> rowCells(int row) {
            while (cells.size() <= row) {
                cells.add(new ArrayList<>());
            }
            return cells.get(row);
        }

        /** Reads a {@code <c>} element to its end: its type, style and value. */
        private void cell(XMLStreamReader reader, int row, int column) throws XMLStreamException, UnreadableSheetException {
            var type = reader.getAttributeValue(null, "t");
            var style = reader.getAttributeValue(null, "s");
            String value = "";
            int depth = 1;
            while (depth > 0) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (reader.getLocalName()) {
                        case "v" -> value = reader.getElementText();
                        case "is" -> value = richText(reader, "is");
                        case "f" -> reader.getElementText();
                        default -> depth++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            if ("s".equals(type) && value.isBlank()) {
                // a shared string without its index: an empty cell, as Excel shows it
                type = "inlineStr";
            }
            var stored = new StoredCell(type == null ? "n" : type, value, style == null ? 0 : Integer.parseInt(style.strip()));
            if (stored.type().equals("s")) {
                sharedStrings.put(Integer.parseInt(value.strip()), null);
            } else {
                count(value.length());
            }
            var line = rowCells(row);
            while (line.size() <= column) {
                line.add(null);
            }
            line.set(column, stored);
        }

        /**
         * The text of a string item ({@code <si>} or an inline {@code <is>}), read to the end of the element: its
         * {@code <t>} or its runs' {@code <t>}, without phonetic runs ({@code <rPh>}), with Excel's {@code _xHHHH_}
         * escapes decoded, as Excel shows it.
         */
        private static String richText(XMLStreamReader reader, String element) throws XMLStreamException {
            var text = new StringBuilder();
            boolean phonetic = false;
            while (true) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    var name = reader.getLocalName();
                    if (name.equals("rPh")) {
                        phonetic = true;
                    } else if (name.equals("t") && !phonetic) {
                        text.append(reader.getElementText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    var name = reader.getLocalName();
                    if (name.equals("rPh")) {
                        phonetic = false;
                    } else if (name.equals(element)) {
                        return unescape(text.toString());
                    }
                }
            }
        }

        private static String unescape(String text) {
            if (text.indexOf("_x") < 0) {
                return text;
            }
            Matcher matcher = ESCAPED_CHARACTER.matcher(text);
            var decoded = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(decoded, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(matcher.group(1), 16))));
            }
            matcher.appendTail(decoded);
            return decoded.toString();
        }

        private void merge(String ref) throws UnreadableSheetException {
            if (ref == null) {
                return;
            }
            var range = CellRangeAddress.valueOf(ref);
            if (range.getFirstRow() < 0 || range.getFirstColumn() < 0 || range.getFirstRow() > maxRowIndex) {
                return;
            }
            if (merges.size() >= MAX_MERGES) {
                throw new UnreadableSheetException(Problem.UNREADABLE);
            }
            merges.add(new Merge(range.getFirstRow(), range.getLastRow(), range.getFirstColumn(), range.getLastColumn()));
        }

        /** Keeps the shared strings the rows refer to, and stops reading when it has them all. */
        private void sharedStrings(InputStream in) throws XMLStreamException, UnreadableSheetException {
            var reader = xml.createXMLStreamReader(in);
            try {
                int index = 0;
                int found = 0;
                while (found < sharedStrings.size() && reader.hasNext()) {
                    if (reader.next() != XMLStreamConstants.START_ELEMENT || !reader.getLocalName().equals("si")) {
                        continue;
                    }
                    if (sharedStrings.containsKey(index)) {
                        var text = richText(reader, "si");
                        count(text.length());
                        sharedStrings.put(index, text);
                        found++;
                    }
                    index++;
                }
                if (found < sharedStrings.size()) {
                    // a cell refers to a string the table does not have
                    throw new UnreadableSheetException(Problem.UNREADABLE);
                }
            } finally {
                reader.close();
            }
        }

        /** The number formats defined in the workbook, and each cell format's number format. */
        private void styles(InputStream in) throws XMLStreamException, UnreadableSheetException {
            var reader = xml.createXMLStreamReader(in);
            try {
                boolean cellFormats = false;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        switch (reader.getLocalName()) {
                            case "numFmt" -> {
                                if (numberFormats.size() >= MAX_STYLES) {
                                    throw new UnreadableSheetException(Problem.UNREADABLE);
                                }
                                numberFormats.put(Integer.parseInt(reader.getAttributeValue(null, "numFmtId").strip()),
                                        reader.getAttributeValue(null, "formatCode"));
                            }
                            case "cellXfs" -> cellFormats = true;
                            case "xf" -> {
                                if (cellFormats) {
                                    if (styleFormats.size() >= MAX_STYLES) {
                                        throw new UnreadableSheetException(Problem.UNREADABLE);
                                    }
                                    var format = reader.getAttributeValue(null, "numFmtId");
                                    styleFormats.add(format == null ? 0 : Integer.parseInt(format.strip()));
                                }
                            }
                            default -> {
                                // fonts, fills, borders: not text
                            }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("cellXfs")) {
                        return;
                    }
                }
            } finally {
                reader.close();
            }
        }

        /** Whether dates count from 1904 (old Mac Excel) instead of 1900. */
        private void date1904(InputStream in) throws XMLStreamException {
            var reader = xml.createXMLStreamReader(in);
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                        var name = reader.getLocalName();
                        if (name.equals("workbookPr")) {
                            var value = reader.getAttributeValue(null, "date1904");
                            date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
                            return;
                        }
                        if (name.equals("sheets")) {
                            return;
                        }
                    }
                }
            } finally {
                reader.close();
            }
        }

        private void count(int characters) throws UnreadableSheetException {
            text += characters;
            if (text > MAX_TEXT) {
                throw new UnreadableSheetException(Problem.TOO_MUCH_TEXT);
            }
        }

        /** A row's index from its {@code r} attribute (counted from 1), or the one after the previous row. */
        private static int index(String r, int previous) {
            return r == null ? previous + 1 : Integer.parseInt(r.strip()) - 1;
        }

        /** A cell's column from its reference ({@code C12}), or the one after the previous cell. */
        private static int column(String reference, int previous) {
            if (reference == null) {
                return previous + 1;
            }
            int column = 0;
            int letters = 0;
            for (int i = 0; i < reference.length() && isLetter(reference.charAt(i)); i++) {
                column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
                letters++;
                if (letters > 3) {
                    throw new IllegalArgumentException("no column: " + reference);
                }
            }
            if (letters == 0) {
                throw new IllegalArgumentException("no column: " + reference);
            }
            return column - 1;
        }

        private static boolean isLetter(char c) {
            return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
        }
    }
}
