package cn.workplan.system.table;

import static cn.workplan.support.Spreadsheets.csv;
import static cn.workplan.support.Spreadsheets.xlsx;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableReaderTest {

    private static final List<TableColumn> COLUMNS = List.of(
            TableColumn.required("name", "学校名称", "名称", "单位名称"),
            TableColumn.required("township", "所属乡镇", "乡镇(街道)"),
            TableColumn.optional("phone", "联系电话", "手机"));

    private static final Charset GB18030 = Charset.forName("GB18030");

    @Nested
    class Reads {

        @Test
        void anXlsxWorkbook() throws Exception {
            var rows = read("学校.xlsx", xlsx(
                    "学校名称,所属乡镇,联系电话",
                    "城关镇第一小学,城关镇,13800000001",
                    "青山乡中心幼儿园,青山乡,"));

            assertThat(rows).containsExactly(
                    row(2, "城关镇第一小学", "城关镇", "13800000001"),
                    row(3, "青山乡中心幼儿园", "青山乡", ""));
        }

        @Test
        void xlsxWithANumericCellReadsItAsTyped() throws Exception {
            byte[] content;
            try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
                var sheet = workbook.createSheet();
                var header = sheet.createRow(0);
                header.createCell(0).setCellValue("学校名称");
                header.createCell(1).setCellValue("所属乡镇");
                header.createCell(2).setCellValue("联系电话");
                var row = sheet.createRow(1);
                row.createCell(0).setCellValue("城关镇第一小学");
                row.createCell(1).setCellValue("城关镇");
                row.createCell(2).setCellValue(13800000001d);
                workbook.write(out);
                content = out.toByteArray();
            }

            assertThat(read("学校.xlsx", content)).containsExactly(row(2, "城关镇第一小学", "城关镇", "13800000001"));
        }

        @Test
        void csvInUtf8() throws Exception {
            assertThat(read("学校.csv", csv(UTF_8, "学校名称,所属乡镇", "城关镇第一小学,城关镇")))
                    .containsExactly(row(2, "城关镇第一小学", "城关镇", null));
        }

        @Test
        void csvInUtf8WithAByteOrderMark() throws Exception {
            var content = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    csv(UTF_8, "学校名称,所属乡镇", "城关镇第一小学,城关镇"));

            assertThat(read("学校.csv", content)).containsExactly(row(2, "城关镇第一小学", "城关镇", null));
        }

        @Test
        void csvInGb18030AsExcelSavesItOnChineseWindows() throws Exception {
            var content = csv(GB18030, "学校名称,所属乡镇", "城关镇第一小学,城关镇", "鑫磊镇中心小学,鑫磊镇");

            assertThat(read("学校.CSV", content)).containsExactly(
                    row(2, "城关镇第一小学", "城关镇", null),
                    row(3, "鑫磊镇中心小学", "鑫磊镇", null));
        }

        @Test
        void csvWithQuotedCells() throws Exception {
            var rows = read("学校.csv", csv("学校名称,所属乡镇", "\"城关镇第一小学（含\"\"分校\"\"）\",\"城关镇,东区\""));

            assertThat(rows).containsExactly(row(2, "城关镇第一小学（含\"分校\"）", "城关镇,东区", null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"* 学校名称 ,乡镇（街道）＊,手　机", "单位名称,＊乡镇(街道),联系 电话", "名称*,所属乡镇,\u3000联系电话"})
        void headersByAnyAliasIgnoringSpacesMarksAndFullWidthBrackets(String header) throws Exception {
            assertThat(read("学校.csv", csv(header, "城关镇第一小学,城关镇,13800000001")))
                    .containsExactly(row(2, "城关镇第一小学", "城关镇", "13800000001"));
        }

        @Test
        void columnsInAnyOrderAndExtraColumnsIgnored() throws Exception {
            var rows = read("学校.xlsx", xlsx("备注,所属乡镇,序号,学校名称", "新建,城关镇,1,城关镇第一小学"));

            assertThat(rows).containsExactly(row(2, "城关镇第一小学", "城关镇", null));
        }

        @Test
        void blankLinesAreSkippedAndLinesKeepTheirNumbersInTheFile() throws Exception {
            var lines = new String[] {"", "学校名称,所属乡镇", "城关镇第一小学,城关镇", "", ",", " , ", "青山乡中心小学,青山乡", ""};

            var expected = List.of(row(3, "城关镇第一小学", "城关镇", null), row(7, "青山乡中心小学", "青山乡", null));
            assertThat(read("学校.csv", csv(lines))).isEqualTo(expected);
            assertThat(read("学校.xlsx", xlsx(lines))).isEqualTo(expected);
        }

        @Test
        void shortRowsLeaveTheMissingCellsEmpty() throws Exception {
            var rows = read("学校.csv", csv("学校名称,所属乡镇,联系电话", "城关镇第一小学"));

            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.get("name")).isEqualTo("城关镇第一小学");
                assertThat(row.get("township")).isEmpty();
                assertThat(row.get("phone")).isEmpty();
            });
        }

        @Test
        void asManyRowsAsAllowed() throws Exception {
            assertThat(read("学校.csv", csv(schoolLines(TableReader.MAX_ROWS)))).hasSize(TableReader.MAX_ROWS);
            assertThat(read("学校.xlsx", xlsx(schoolLines(TableReader.MAX_ROWS)))).hasSize(TableReader.MAX_ROWS);
        }

        @Test
        void aFileOfExactlyTheLargestSize() throws Exception {
            var start = "学校名称,所属乡镇\r\n".getBytes(UTF_8);
            var end = ",城关镇\r\n".getBytes(UTF_8);
            var name = new byte[(int) TableReader.MAX_BYTES - start.length - end.length];
            Arrays.fill(name, (byte) 'x');

            assertThat(read("学校.csv", concat(start, name, end))).singleElement()
                    .satisfies(row -> assertThat(row.get("name")).hasSize(name.length));
        }
    }

    @Nested
    class Refuses {

        @Test
        void anEmptyFile() {
            assertRefused("学校.csv", new byte[0], "import.error.empty");
            assertRefused("学校.xlsx", new byte[0], "import.error.empty");
            assertRefused("学校.csv", null, "import.error.empty");
        }

        @Test
        void aFileOfBlankLinesOnly() {
            assertRefused("学校.csv", csv("", ",,", " "), "import.error.empty");
            assertRefused("学校.xlsx", xlsx(""), "import.error.empty");
        }

        @Test
        void aFileWithTheHeaderOnly() {
            assertRefused("学校.csv", csv("学校名称,所属乡镇"), "import.error.noRows");
            assertRefused("学校.csv", csv("学校名称,所属乡镇", "", ","), "import.error.noRows");
            assertRefused("学校.xlsx", xlsx("学校名称,所属乡镇"), "import.error.noRows");
        }

        @ParameterizedTest
        @ValueSource(strings = {"学校.xls", "学校.txt", "学校.exe", "学校", "学校.xlsx.exe", "学校.csv.txt"})
        void otherFileTypes(String fileName) {
            assertRefused(fileName, csv("学校名称,所属乡镇", "城关镇第一小学,城关镇"), "import.error.type");
        }

        @Test
        void aFileWithoutAName() {
            assertRefused(null, csv("学校名称,所属乡镇", "城关镇第一小学,城关镇"), "import.error.type");
        }

        @Test
        void aBinaryFileNamedCsv() {
            var content = concat("学校名称,所属乡镇\r\n".getBytes(UTF_8), new byte[] {0, 1, 2, 0, (byte) 0xFF});

            assertRefused("学校.csv", content, "import.error.type");
        }

        @Test
        void anXlsxNamedCsv() {
            assertRefused("学校.csv", xlsx("学校名称,所属乡镇", "城关镇第一小学,城关镇"), "import.error.type");
        }

        @Test
        void aTextFileNamedXlsx() {
            assertRefused("学校.xlsx", csv("学校名称,所属乡镇", "城关镇第一小学,城关镇"), "import.error.type");
        }

        @Test
        void anOldExcelWorkbookNamedXlsx() throws IOException {
            try (var workbook = new HSSFWorkbook(); var out = new ByteArrayOutputStream()) {
                var row = workbook.createSheet().createRow(0);
                row.createCell(0).setCellValue("学校名称");
                row.createCell(1).setCellValue("所属乡镇");
                workbook.write(out);

                assertRefused("学校.xlsx", out.toByteArray(), "import.error.type");
            }
        }

        @Test
        void aCorruptXlsx() {
            var valid = xlsx("学校名称,所属乡镇", "城关镇第一小学,城关镇");

            assertRefused("学校.xlsx", Arrays.copyOf(valid, valid.length / 2), "import.error.unreadable");
            assertRefused("学校.xlsx", "PK\3\4 this is no zip at all".getBytes(UTF_8), "import.error.unreadable");
        }

        @Test
        void aCsvWithAnUnclosedQuote() {
            assertRefused("学校.csv", csv("学校名称,所属乡镇", "\"城关镇第一小学,城关镇"), "import.error.unreadable");
        }

        @Test
        void aPasswordProtectedXlsx() throws Exception {
            var content = encrypt(xlsx("学校名称,所属乡镇", "城关镇第一小学,城关镇"), "mima-123");

            assertRefused("学校.xlsx", content, "import.error.encrypted");
        }

        @Test
        void aZipBombQuicklyAndWithoutExhaustingMemory() throws IOException {
            long inflated = 256L << 20;
            var bomb = zipBomb(inflated);
            assertThat(bomb.length).as("compressed size").isLessThan((int) TableReader.MAX_BYTES);
            assertThat(inflated / bomb.length).as("compression ratio").isGreaterThan(500);

            var refusal = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refusal("学校.xlsx", bomb));
            assertThat(refusal.code()).isEqualTo("import.error.unreadable");
            assertThat(refusal).as("stopped by POI's inflation guard, not by running out of memory")
                    .hasStackTraceContaining("Zip bomb detected");
        }

        @Test
        void missingRequiredColumnsNamingThemAll() {
            var oneMissing = refusal("学校.csv", csv("学校名称,联系电话", "城关镇第一小学,13800000001"));
            assertThat(oneMissing.code()).isEqualTo("import.error.missingColumns");
            assertThat(oneMissing.arguments()).containsExactly("所属乡镇");

            var allMissing = refusal("学校.xlsx", xlsx("学校,乡,联系电话", "城关镇第一小学,城关镇,13800000001"));
            assertThat(allMissing.code()).isEqualTo("import.error.missingColumns");
            assertThat(allMissing.arguments()).containsExactly("学校名称、所属乡镇");
        }

        @Test
        void moreRowsThanAllowed() {
            var refusal = refusal("学校.csv", csv(schoolLines(TableReader.MAX_ROWS + 1)));
            assertThat(refusal.code()).isEqualTo("import.error.tooManyRows");
            assertThat(refusal.arguments()).containsExactly(TableReader.MAX_ROWS);

            assertRefused("学校.xlsx", xlsx(schoolLines(TableReader.MAX_ROWS + 1)), "import.error.tooManyRows");
            assertRefused("学校.csv", csv(schoolLines(50_000)), "import.error.tooManyRows");
        }

        @Test
        void aRowFarDownTheSheet() throws IOException {
            try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
                var sheet = workbook.createSheet();
                sheet.createRow(0).createCell(0).setCellValue("学校名称");
                sheet.getRow(0).createCell(1).setCellValue("所属乡镇");
                sheet.createRow(1_000_000).createCell(0).setCellValue("城关镇第一小学");
                workbook.write(out);

                assertRefused("学校.xlsx", out.toByteArray(), "import.error.tooManyRows");
            }
        }

        @Test
        void aFileLargerThanAllowed() {
            var content = new byte[(int) TableReader.MAX_BYTES + 1];
            Arrays.fill(content, (byte) 'x');

            var refusal = refusal("学校.csv", content);
            assertThat(refusal.code()).isEqualTo("import.error.tooLarge");
            assertThat(refusal.arguments()).containsExactly(2L);
            assertRefused("学校.xlsx", content, "import.error.tooLarge");
        }
    }

    private static List<TableRow> read(String fileName, byte[] content) throws TableFileException {
        return TableReader.read(fileName, content, COLUMNS);
    }

    private static TableRow row(int line, String name, String township, String phone) {
        var cells = new HashMap<String, String>();
        cells.put("name", name);
        cells.put("township", township);
        if (phone != null) {
            cells.put("phone", phone);
        }
        return new TableRow(line, Map.copyOf(cells));
    }

    private static void assertRefused(String fileName, byte[] content, String code) {
        assertThat(refusal(fileName, content).code()).as("refusal of %s", fileName).isEqualTo(code);
    }

    private static TableFileException refusal(String fileName, byte[] content) {
        var refusal = catchThrowableOfType(TableFileException.class, () -> read(fileName, content));
        assertThat(refusal).as("%s is refused", fileName).isNotNull();
        return refusal;
    }

    private static String[] schoolLines(int rows) {
        var lines = new ArrayList<String>();
        lines.add("学校名称,所属乡镇");
        for (int i = 1; i <= rows; i++) {
            lines.add("第" + i + "小学,城关镇");
        }
        return lines.toArray(String[]::new);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The workbook encrypted with a password, as Excel saves it ("Protect workbook with password"). */
    private static byte[] encrypt(byte[] xlsx, String password) throws Exception {
        try (var fs = new POIFSFileSystem(); var out = new ByteArrayOutputStream()) {
            var encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (var data = encryptor.getDataStream(fs)) {
                data.write(xlsx);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** A valid workbook whose sheet holds one cell of {@code inflated} identical characters. */
    private static byte[] zipBomb(long inflated) throws IOException {
        var template = xlsx("学校名称,所属乡镇");
        var bytes = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(template)); var out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    var xml = new String(in.readAllBytes(), UTF_8);
                    int end = xml.indexOf("</sheetData>");
                    out.write(xml.substring(0, end).getBytes(UTF_8));
                    out.write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>".getBytes(UTF_8));
                    var chunk = new byte[1 << 20];
                    Arrays.fill(chunk, (byte) 'a');
                    for (long written = 0; written < inflated; written += chunk.length) {
                        out.write(chunk);
                    }
                    out.write("</t></is></c></row>".getBytes(UTF_8));
                    out.write(xml.substring(end).getBytes(UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
