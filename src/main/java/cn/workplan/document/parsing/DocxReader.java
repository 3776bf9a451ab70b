package cn.workplan.document.parsing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

import cn.workplan.document.DocumentImportException;
import cn.workplan.system.ChineseNumerals;

/**
 * Reads a Word document ({@code .docx}) into lines, one per paragraph in reading order. Numbers that
 * Word's list numbering prints (一、 1. （1）) are put in front of the text, and heading styles are kept
 * as hints. A table that is a task table (its header names 工作任务) becomes task rows; other tables
 * give the text of their cells, row by row. Refuses damaged, password-protected and old-format files
 * and zip bombs.
 */
public final class DocxReader {

    /** Largest document accepted, in bytes. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /** Most paragraphs read; a plan has a few hundred. */
    static final int MAX_LINES = 20_000;

    private DocxReader() {
    }

    public static List<SourceLine> read(byte[] content) throws DocumentImportException {
        OfficeFiles.check(content, MAX_BYTES);
        try (var document = new XWPFDocument(new ByteArrayInputStream(content))) {
            var reader = new Reading(document);
            for (IBodyElement element : document.getBodyElements()) {
                reader.element(element);
            }
            return reader.lines;
        } catch (EncryptedDocumentException e) {
            throw new DocumentImportException("document.import.error.encrypted", e);
        } catch (DocumentImportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DocumentImportException("document.import.error.unreadable", e);
        }
    }

    /** One pass through a document, counting lines and list numbers. */
    private static final class Reading {

        private final XWPFDocument document;
        private final List<SourceLine> lines = new ArrayList<>();
        private final Map<String, int[]> listCounters = new HashMap<>();

        Reading(XWPFDocument document) {
            this.document = document;
        }

        void element(IBodyElement element) throws DocumentImportException {
            if (element instanceof XWPFParagraph paragraph) {
                add(listNumber(paragraph) + paragraph.getText(), style(paragraph), null);
            } else if (element instanceof XWPFTable table) {
                table(table);
            }
        }

        private void table(XWPFTable table) throws DocumentImportException {
            var rows = new ArrayList<List<String>>();
            for (var row : table.getRows()) {
                rows.add(row.getTableCells().stream().map(cell -> cell.getText().strip()).toList());
            }
            var taskTable = TaskTableReader.TaskTable.find(rows);
            if (taskTable.isPresent()) {
                for (var row : taskTable.get().rows()) {
                    add(row.text(), SourceLine.Style.BODY, row.row());
                }
                return;
            }
            for (var row : table.getRows()) {
                for (var cell : row.getTableCells()) {
                    for (var element : cell.getBodyElements()) {
                        element(element);
                    }
                }
            }
        }

        private void add(String text, SourceLine.Style style, TaskRow row) throws DocumentImportException {
            if (lines.size() >= MAX_LINES) {
                throw new DocumentImportException("document.import.error.tooLarge", MAX_BYTES / 1024 / 1024);
            }
            lines.add(new SourceLine(lines.size() + 1, text, style, row));
        }

        private SourceLine.Style style(XWPFParagraph paragraph) {
            var id = paragraph.getStyleID();
            if (id == null || document.getStyles() == null) {
                return SourceLine.Style.BODY;
            }
            var style = document.getStyles().getStyle(id);
            var name = (style == null || style.getName() == null ? id : style.getName()).toLowerCase(Locale.ROOT).replace(" ", "");
            return switch (name) {
                case "title", "标题" -> SourceLine.Style.TITLE;
                case "heading1", "标题1" -> SourceLine.Style.HEADING_1;
                case "heading2", "标题2" -> SourceLine.Style.HEADING_2;
                case "heading3", "标题3" -> SourceLine.Style.HEADING_3;
                default -> SourceLine.Style.BODY;
            };
        }

        /** The number Word's list numbering prints before the paragraph (一、 1. （1）), or nothing. */
        private String listNumber(XWPFParagraph paragraph) {
            var numId = paragraph.getNumID();
            var format = paragraph.getNumFmt();
            var pattern = paragraph.getNumLevelText();
            if (numId == null || format == null || pattern == null || format.equals("bullet")) {
                return "";
            }
            int level = paragraph.getNumIlvl() == null ? 0 : Math.min(paragraph.getNumIlvl().intValue(), 8);
            var counters = listCounters.computeIfAbsent(numId.toString(), key -> new int[9]);
            counters[level]++;
            for (int deeper = level + 1; deeper < counters.length; deeper++) {
                counters[deeper] = 0;
            }
            var text = pattern;
            for (int l = 0; l <= level; l++) {
                text = text.replace("%" + (l + 1), format(Math.max(counters[l], 1), l == level ? format : "decimal"));
            }
            return text;
        }

        private static String format(int number, String format) {
            return switch (format) {
                case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
                        "taiwaneseCounting", "taiwaneseCountingThousand" -> ChineseNumerals.of(number);
                case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" ->
                        number <= 20 ? String.valueOf((char) (0x2460 + number - 1)) : Integer.toString(number);
                default -> Integer.toString(number);
            };
        }
    }
}
