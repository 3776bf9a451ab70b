package cn.workplan.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Upload files made in code. Rows are written as comma-separated lines ({@code "学校名称,学校类型,所属乡镇"});
 * an empty line is a blank row.
 */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    /** A workbook with one sheet holding the rows, every cell as text. */
    public static byte[] xlsx(String... lines) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("导入");
            for (int r = 0; r < lines.length; r++) {
                if (lines[r].isEmpty()) {
                    continue;
                }
                var row = sheet.createRow(r);
                var cells = lines[r].split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A long sheet as Excel keeps it, its repeated text once in the workbook's table of strings: a header naming
     * 学校名称, 工作任务 and 牵头单位, then {@code count} rows of one cell "任务". 400,000 rows fit in under 2 MB. The
     * rows are written straight into the file (a workbook library would take many seconds for them).
     */
    public static byte[] manyRows(int count) {
        var template = xlsx("学校名称,工作任务,牵头单位", "任务");
        return withEntry(template, "xl/worksheets/sheet1.xml", (xml, out) -> {
            int start = xml.indexOf("<row r=\"2\"");
            int end = xml.indexOf("</sheetData>");
            var task = xml.substring(start, xml.indexOf("</row>", start) + "</row>".length());
            out.write(xml.substring(0, start).getBytes(StandardCharsets.UTF_8));
            for (int r = 2; r <= count + 1; r++) {
                out.write(task.replace("\"2\"", "\"" + r + "\"").replace("\"A2\"", "\"A" + r + "\"").getBytes(StandardCharsets.UTF_8));
            }
            out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
        });
    }

    /** How an entry of a workbook is written anew from its old text. */
    public interface EntryWriter {
        void write(String old, OutputStream out) throws IOException;
    }

    /** The workbook with one of its zip entries written anew, the others as they were; all packed as well as zip can. */
    public static byte[] withEntry(byte[] xlsx, String name, EntryWriter writer) {
        var bytes = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(xlsx)); var out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    writer.write(new String(in.readAllBytes(), StandardCharsets.UTF_8), out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A CSV file in UTF-8 without a byte-order mark. */
    public static byte[] csv(String... lines) {
        return csv(StandardCharsets.UTF_8, lines);
    }

    public static byte[] csv(Charset charset, String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(charset);
    }
}
