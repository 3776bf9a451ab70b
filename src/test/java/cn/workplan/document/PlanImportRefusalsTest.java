package cn.workplan.document;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.workplan.document.parsing.DocxReader;
import cn.workplan.document.parsing.TaskTableReader;
import cn.workplan.document.parsing.TextReader;
import cn.workplan.support.Spreadsheets;

/** What cannot be read is refused quickly, with the message key the user sees, and never exhausts memory. */
class PlanImportRefusalsTest {

    private static final Duration QUICKLY = Duration.ofSeconds(10);

    private final PlanImporter importer = new PlanImporter();

    private static final byte[] DOCX = PlanImportDocxTest.docx(document -> {
        document.createParagraph().createRun().setText("一、加强党的建设");
        document.createParagraph().createRun().setText("1.深入学习。");
    });

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\n", "\u3000\u3000\r\n\t", "&nbsp;"})
    void emptyText(String text) {
        assertRefused(() -> importer.importText(text, ImportOptions.defaults()), "document.import.error.empty");
        assertRefused(() -> importer.importFile("计划.txt", text.getBytes(UTF_8), ImportOptions.defaults()), "document.import.error.empty");
    }

    @Test
    void nothingAtAll() {
        assertRefused(() -> importer.importText(null, ImportOptions.defaults()), "document.import.error.empty");
        assertRefused(() -> importer.importFile("计划.txt", null, ImportOptions.defaults()), "document.import.error.empty");
        assertRefused(() -> importer.importFile("计划.docx", new byte[0], ImportOptions.defaults()), "document.import.error.empty");
        assertRefused(() -> importer.importFile("分解表.xlsx", new byte[0], ImportOptions.defaults()), "document.import.error.empty");
    }

    @Test
    void aWordDocumentWithoutText() {
        var blank = PlanImportDocxTest.docx(document -> document.createParagraph());
        assertRefused(() -> importer.importFile("计划.docx", blank, ImportOptions.defaults()), "document.import.error.empty");
    }

    @Test
    void binaryFilesNamedTxt() {
        var png = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertRefused(() -> importer.importFile("计划.txt", png, ImportOptions.defaults()), "document.import.error.binary");
        assertRefused(() -> importer.importFile("计划.txt", DOCX, ImportOptions.defaults()), "document.import.error.binary");
        assertRefused(() -> importer.importFile("计划.txt", "%PDF-1.7 计划".getBytes(UTF_8), ImportOptions.defaults()),
                "document.import.error.binary");
        var controls = new byte[200];
        Arrays.fill(controls, (byte) 0x07);
        assertRefused(() -> importer.importFile("计划.txt", controls, ImportOptions.defaults()), "document.import.error.binary");
    }

    @Test
    void pastedTextWithControlCharacters() {
        assertRefused(() -> importer.importText("一、党建\u0000\u0001\u0002\u0003", ImportOptions.defaults()), "document.import.error.binary");
    }

    @Test
    void aCorruptWordDocument() {
        assertRefused(() -> importer.importFile("计划.docx", Arrays.copyOf(DOCX, DOCX.length / 2), ImportOptions.defaults()),
                "document.import.error.unreadable");
        assertRefused(() -> importer.importFile("计划.docx", "PK\3\4 this is no zip at all".getBytes(UTF_8), ImportOptions.defaults()),
                "document.import.error.unreadable");
        assertRefused(() -> importer.importFile("计划.docx", "一、加强党的建设".getBytes(UTF_8), ImportOptions.defaults()),
                "document.import.error.unreadable");
        var workbookAsWord = PlanImportTaskTableTest.workbook(sheet -> PlanImportTaskTableTest.rows(sheet, "序号|工作任务"));
        assertRefused(() -> importer.importFile("计划.docx", workbookAsWord, ImportOptions.defaults()), "document.import.error.unreadable");
    }

    @Test
    void aPasswordProtectedWordDocument() throws Exception {
        var encrypted = encrypt(DOCX, "mima-123");

        assertRefused(() -> importer.importFile("计划.docx", encrypted, ImportOptions.defaults()), "document.import.error.encrypted");
    }

    @Test
    void aPasswordProtectedTaskTable() throws Exception {
        var encrypted = encrypt(PlanImportTaskTableTest.workbook(sheet -> PlanImportTaskTableTest.rows(sheet,
                "工作任务|牵头单位", "推进集团化办学。|基础教育股")), "mima-123");

        assertRefused(() -> importer.importFile("分解表.xlsx", encrypted, ImportOptions.defaults()), "document.import.error.encrypted");
    }

    @Test
    void oldOfficeFormats() throws IOException {
        byte[] xls;
        try (var workbook = new HSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            workbook.createSheet().createRow(0).createCell(0).setCellValue("工作任务");
            workbook.write(out);
            xls = out.toByteArray();
        }
        assertRefused(() -> importer.importFile("分解表.xlsx", xls, ImportOptions.defaults()), "document.import.error.oldFormat");
        assertRefused(() -> importer.importFile("计划.docx", xls, ImportOptions.defaults()), "document.import.error.oldFormat");
        assertRefused(() -> importer.importFile("计划.doc", xls, ImportOptions.defaults()), "document.import.error.oldFormat");
    }

    @ParameterizedTest
    @ValueSource(strings = {"计划.pdf", "计划.wps", "计划", "计划.docx.exe", "计划.txt.zip"})
    void otherFileTypes(String fileName) {
        assertRefused(() -> importer.importFile(fileName, "一、党建".getBytes(UTF_8), ImportOptions.defaults()), "document.import.error.type");
    }

    @Test
    void aZipBombQuicklyAndWithoutExhaustingMemory() throws IOException {
        long inflated = 256L << 20;
        var bomb = zipBomb(inflated);
        assertThat(bomb.length).as("compressed size").isLessThan((int) DocxReader.MAX_BYTES);
        assertThat(inflated / bomb.length).as("compression ratio").isGreaterThan(500);

        var refusal = assertTimeoutPreemptively(QUICKLY,
                () -> refusal(() -> importer.importFile("计划.docx", bomb, ImportOptions.defaults())));
        assertThat(refusal.code()).isEqualTo("document.import.error.unreadable");
        assertThat(refusal).as("stopped by POI's inflation guard, not by running out of memory")
                .hasStackTraceContaining("Zip bomb detected");
    }

    @Test
    void tooLarge() {
        var text = new byte[TextReader.MAX_BYTES + 1];
        Arrays.fill(text, (byte) 'x');
        var refusal = refusal(() -> importer.importFile("计划.txt", text, ImportOptions.defaults()));
        assertThat(refusal.code()).isEqualTo("document.import.error.tooLarge");
        assertThat(refusal.arguments()).containsExactly(2);

        assertRefused(() -> importer.importText("x".repeat(TextReader.MAX_BYTES + 1), ImportOptions.defaults()),
                "document.import.error.tooLarge");
        var docx = Arrays.copyOf(DOCX, (int) DocxReader.MAX_BYTES + 1);
        assertRefused(() -> importer.importFile("计划.docx", docx, ImportOptions.defaults()), "document.import.error.tooLarge");
        var xlsx = new byte[(int) TaskTableReader.MAX_BYTES + 1];
        xlsx[0] = 'P';
        xlsx[1] = 'K';
        assertRefused(() -> importer.importFile("分解表.xlsx", xlsx, ImportOptions.defaults()), "document.import.error.tooLarge");
    }

    @Test
    void theLargestTextAcceptedIsReadQuickly() {
        var line = "加强党的建设巩固教育发展根基推进教育信息化建设入学率达95以上于年底前完成基础教育股负责".repeat(1000);
        var text = "一、重点工作\n1.推进重点工作。" + line.repeat(TextReader.MAX_BYTES / line.length() / 2) + "\n";

        var plan = assertTimeoutPreemptively(QUICKLY, () -> importer.importText(text, ImportOptions.defaults()).plan());

        assertThat(plan.items()).hasSize(1);
    }

    @Test
    void aTaskTableWithoutItsColumns() {
        var oneMissing = PlanImportTaskTableTest.workbook(sheet -> PlanImportTaskTableTest.rows(sheet,
                "序号|工作任务|责任单位|完成时限", "1|推进集团化办学。|各学校|年内"));
        var refusal = refusal(() -> importer.importFile("分解表.xlsx", oneMissing, ImportOptions.defaults()));
        assertThat(refusal.code()).isEqualTo("document.import.error.missingColumns");
        assertThat(refusal.arguments()).containsExactly("牵头单位");

        var bothMissing = PlanImportTaskTableTest.workbook(sheet -> PlanImportTaskTableTest.rows(sheet,
                "姓名|电话", "张三|13800000001"));
        var both = refusal(() -> importer.importFile("分解表.xlsx", bothMissing, ImportOptions.defaults()));
        assertThat(both.code()).isEqualTo("document.import.error.missingColumns");
        assertThat(both.arguments()).containsExactly("工作任务、牵头单位");
    }

    @Test
    void aTaskTableWithoutTasks() {
        var headerOnly = PlanImportTaskTableTest.workbook(sheet -> PlanImportTaskTableTest.rows(sheet,
                "青山县教育局2026年重点工作任务分解表", "序号|工作任务|牵头单位"));
        assertRefused(() -> importer.importFile("分解表.xlsx", headerOnly, ImportOptions.defaults()), "document.import.error.noRows");

        var blank = PlanImportTaskTableTest.workbook(sheet -> PlanImportTaskTableTest.rows(sheet, ""));
        assertRefused(() -> importer.importFile("分解表.xlsx", blank, ImportOptions.defaults()), "document.import.error.empty");
    }

    @Test
    void aTaskTableWithMoreRowsThanAllowed() {
        var xlsx = PlanImportTaskTableTest.workbook(sheet -> {
            PlanImportTaskTableTest.rows(sheet, "工作任务|牵头单位");
            sheet.createRow(TaskTableReader.MAX_ROWS + 50).createCell(0).setCellValue("推进集团化办学。");
        });
        var refusal = refusal(() -> importer.importFile("分解表.xlsx", xlsx, ImportOptions.defaults()));
        assertThat(refusal.code()).isEqualTo("document.import.error.tooManyRows");
        assertThat(refusal.arguments()).containsExactly(TaskTableReader.MAX_ROWS);
    }

    @Test
    void aTaskTableOf400000RowsAtOnce() {
        var xlsx = Spreadsheets.manyRows(400_000);
        assertThat(xlsx.length).as("under the upload limit").isLessThan((int) TaskTableReader.MAX_BYTES);

        long start = System.nanoTime();
        var refusal = refusal(() -> importer.importFile("分解表.xlsx", xlsx, ImportOptions.defaults()));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused before the rows are read").isLessThan(Duration.ofSeconds(2));
        assertThat(refusal.code()).isEqualTo("document.import.error.tooManyRows");
        assertThat(refusal.arguments()).containsExactly(TaskTableReader.MAX_ROWS);
    }

    private interface Import {
        ImportResult run() throws DocumentImportException;
    }

    private static void assertRefused(Import action, String code) {
        var refusal = assertTimeoutPreemptively(QUICKLY, () -> refusal(action));
        assertThat(refusal.code()).isEqualTo(code);
    }

    private static DocumentImportException refusal(Import action) {
        var refusal = catchThrowableOfType(DocumentImportException.class, action::run);
        assertThat(refusal).as("refused").isNotNull();
        return refusal;
    }

    /** The file encrypted with a password, as Word or Excel save it ("Protect with password"). */
    private static byte[] encrypt(byte[] ooxml, String password) throws Exception {
        try (var fs = new POIFSFileSystem(); var out = new ByteArrayOutputStream()) {
            var encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (var data = encryptor.getDataStream(fs)) {
                data.write(ooxml);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** A valid Word document whose text holds one run of {@code inflated} identical characters. */
    private static byte[] zipBomb(long inflated) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(DOCX)); var out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("word/document.xml")) {
                    var xml = new String(in.readAllBytes(), UTF_8);
                    int end = xml.indexOf("</w:body>");
                    out.write(xml.substring(0, end).getBytes(UTF_8));
                    out.write("<w:p><w:r><w:t>".getBytes(UTF_8));
                    var chunk = new byte[1 << 20];
                    Arrays.fill(chunk, (byte) 'a');
                    for (long written = 0; written < inflated; written += chunk.length) {
                        out.write(chunk);
                    }
                    out.write("</w:t></w:r></w:p>".getBytes(UTF_8));
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
