package cn.workplan.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

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

    /** A CSV file in UTF-8 without a byte-order mark. */
    public static byte[] csv(String... lines) {
        return csv(StandardCharsets.UTF_8, lines);
    }

    public static byte[] csv(Charset charset, String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(charset);
    }
}
