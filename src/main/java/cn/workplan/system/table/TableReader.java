package cn.workplan.system.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.workplan.system.ControlCharacters;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads the first sheet of an {@code .xlsx} file (streaming, {@link XlsxSheet}), or a {@code .csv} file in UTF-8 or
 * GB18030 (as Excel saves it on Chinese Windows), into rows keyed by the expected columns. Refuses, with a message key,
 * anything it cannot read safely: wrong type, empty, too large, too many rows, encrypted, corrupt, a
 * zip bomb, or missing columns.
 */
public final class TableReader {

    /** Largest file accepted, in bytes. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;

    /** Most data rows accepted in one file. */
    public static final int MAX_ROWS = 2000;

    /** Columns read from a spreadsheet, from A on; an import names a handful. */
    private static final int MAX_COLUMNS = 50;

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TableReader() {
    }

    public static List<TableRow> read(String fileName, byte[] content, List<TableColumn> columns) throws TableFileException {
        if (content == null || content.length == 0) {
            throw new TableFileException("import.error.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new TableFileException("import.error.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        var name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        List<List<String>> lines;
        if (name.endsWith(".xlsx")) {
            lines = readXlsx(content);
        } else if (name.endsWith(".csv")) {
            lines = readCsv(content);
        } else {
            throw new TableFileException("import.error.type");
        }
        return toRows(lines, columns);
    }

    private static List<List<String>> readXlsx(byte[] content) throws TableFileException {
        if (FileMagic.valueOf(content) == FileMagic.OLE2) {
            // Excel saves a password-protected .xlsx inside an OLE2 container, as it does an old .xls
            throw new TableFileException(isEncryptedOoxml(content) ? "import.error.encrypted" : "import.error.type");
        }
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            throw new TableFileException("import.error.type");
        }
        try {
            // a row beyond the limit (and the blank rows a sheet may have around its data) refuses the file at once
            return XlsxSheet.readFirst(content, MAX_ROWS + 10, MAX_COLUMNS).rows();
        } catch (XlsxSheet.UnreadableSheetException e) {
            throw switch (e.problem()) {
                case NO_SHEET -> new TableFileException("import.error.noRows");
                case TOO_MANY_ROWS -> new TableFileException("import.error.tooManyRows", MAX_ROWS);
                case TOO_MUCH_TEXT -> new TableFileException("import.error.tooMuchText");
                case UNREADABLE -> new TableFileException("import.error.unreadable", e);
            };
        }
    }

    private static boolean isEncryptedOoxml(byte[] content) {
        try (var fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            return fs.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static List<List<String>> readCsv(byte[] content) throws TableFileException {
        for (byte b : content) {
            if (b == 0) {
                throw new TableFileException("import.error.type");
            }
        }
        var text = decode(content);
        try (var parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(text))) {
            var lines = new ArrayList<List<String>>();
            for (CSVRecord record : parser) {
                if (lines.size() > MAX_ROWS + 10) {
                    throw new TableFileException("import.error.tooManyRows", MAX_ROWS);
                }
                lines.add(record.toList());
            }
            return lines;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new TableFileException("import.error.unreadable", e);
        }
    }

    /** UTF-8 when the bytes are valid UTF-8 (with or without a byte-order mark), GB18030 otherwise. */
    static String decode(byte[] content) {
        try {
            var text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(content, GB18030);
        }
    }

    private static List<TableRow> toRows(List<List<String>> lines, List<TableColumn> columns) throws TableFileException {
        int headerIndex = 0;
        while (headerIndex < lines.size() && isBlank(lines.get(headerIndex))) {
            headerIndex++;
        }
        if (headerIndex == lines.size()) {
            throw new TableFileException("import.error.empty");
        }
        var positions = columnPositions(lines.get(headerIndex), columns);
        var rows = new ArrayList<TableRow>();
        for (int i = headerIndex + 1; i < lines.size(); i++) {
            var line = lines.get(i);
            if (isBlank(line)) {
                continue;
            }
            var cells = new LinkedHashMap<String, String>();
            positions.forEach((key, position) -> cells.put(key, position < line.size() ? ControlCharacters.strip(line.get(position)) : ""));
            rows.add(new TableRow(i + 1, cells));
        }
        if (rows.isEmpty()) {
            throw new TableFileException("import.error.noRows");
        }
        if (rows.size() > MAX_ROWS) {
            throw new TableFileException("import.error.tooManyRows", MAX_ROWS);
        }
        return rows;
    }

    private static Map<String, Integer> columnPositions(List<String> header, List<TableColumn> columns) throws TableFileException {
        var byHeader = new HashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            byHeader.putIfAbsent(normalise(header.get(i)), i);
        }
        var positions = new LinkedHashMap<String, Integer>();
        var missing = new ArrayList<String>();
        for (var column : columns) {
            var position = column.headers().stream().map(TableReader::normalise)
                    .map(byHeader::get).filter(java.util.Objects::nonNull).findFirst();
            if (position.isPresent()) {
                positions.put(column.key(), position.get());
            } else if (column.required()) {
                missing.add(column.header());
            }
        }
        if (!missing.isEmpty()) {
            throw new TableFileException("import.error.missingColumns", String.join("、", missing));
        }
        return positions;
    }

    /** Header text without spaces, required-marks and the difference between full- and half-width brackets. */
    static String normalise(String header) {
        return header == null ? "" : header.replaceAll("[\\s\\u3000*＊]", "")
                .replace('（', '(').replace('）', ')').toLowerCase(Locale.ROOT);
    }

    private static boolean isBlank(List<String> line) {
        return line.stream().allMatch(cell -> cell == null || cell.isBlank());
    }
}
