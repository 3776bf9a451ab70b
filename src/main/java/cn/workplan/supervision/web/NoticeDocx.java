package cn.workplan.supervision.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.workplan.supervision.NoticeView;
import cn.workplan.system.web.DisplayFormats;

import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A notice as a Word file ({@code .docx}), laid out as the print view: A4 with the margins of official documents
 * (GB/T 9704: 3.7 / 3.5 / 2.8 / 2.6 cm), the title 督办单 in 22 pt 方正小标宋简体, the number under it, then a table
 * of the notice's particulars in 仿宋_GB2312 with the labels in 黑体, and room to write where a step is still to
 * come. Fonts are named, not embedded.
 */
@Component
class NoticeDocx {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final String LABEL_FONT = "黑体";
    /** Half-points: 22 pt (二号), 16 pt (三号), 14 pt (四号). */
    private static final int TITLE_SIZE = 44;
    private static final int NUMBER_SIZE = 32;
    private static final int TABLE_SIZE = 28;
    /** Twips: A4, the margins, the label column. */
    private static final int PAGE_WIDTH = 11906;
    private static final int PAGE_HEIGHT = 16838;
    private static final int MARGIN_TOP = 2098;
    private static final int MARGIN_BOTTOM = 1984;
    private static final int MARGIN_LEFT = 1588;
    private static final int MARGIN_RIGHT = 1474;
    private static final int LABEL_WIDTH = 1800;

    private final MessageSource messages;
    private final DisplayFormats formats;

    NoticeDocx(MessageSource messages, DisplayFormats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    /** 督办〔2026〕3号.docx, without the characters file systems refuse. */
    static String fileName(NoticeView notice) {
        var name = notice.number().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "").strip();
        return (name.isEmpty() ? "notice" : name) + ".docx";
    }

    byte[] write(NoticeView notice) {
        try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            page(document);
            var title = paragraph(document, ParagraphAlignment.CENTER);
            text(title, message("notice.print.title"), TITLE_FONT, TITLE_SIZE).setColor("C00000");
            text(paragraph(document, ParagraphAlignment.CENTER), notice.number(), BODY_FONT, NUMBER_SIZE);
            particulars(document, notice);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void particulars(XWPFDocument document, NoticeView notice) {
        var rows = new ArrayList<String[]>();
        rows.add(row("notice.item", notice.planTitle() + "\n" + notice.item()));
        rows.add(row("notice.recipient", notice.recipient()));
        rows.add(row("notice.matter", notice.matter()));
        rows.add(row("notice.replyBy", formats.date(notice.replyBy())));
        rows.add(row("notice.issuer", notice.issuerOffice() == null ? notice.issuer() : notice.issuer() + "（" + notice.issuerOffice() + "）"));
        rows.add(row("notice.issuedAt", formats.date(notice.issuedAt())));
        rows.add(row("notice.acknowledgement", notice.acknowledgedAt() == null ? "\n"
                : notice.acknowledgedBy() + "　" + formats.date(notice.acknowledgedAt())));
        rows.add(row("notice.reply", notice.reply() == null ? "\n\n\n\n"
                : notice.reply() + "\n" + notice.repliedBy() + "　" + formats.date(notice.repliedAt())));
        rows.add(row("notice.closing", notice.closedAt() == null ? "\n\n"
                : notice.closedBy() + "　" + formats.date(notice.closedAt())));
        var table = document.createTable(rows.size(), 2);
        table.setWidthType(TableWidthType.PCT);
        table.setWidth("100%");
        for (int i = 0; i < rows.size(); i++) {
            var cells = table.getRow(i).getTableCells();
            cell(cells.get(0), rows.get(i)[0], LABEL_FONT);
            cells.get(0).setWidth(Integer.toString(LABEL_WIDTH));
            cell(cells.get(1), rows.get(i)[1], BODY_FONT);
        }
    }

    private String[] row(String labelKey, String value) {
        return new String[] {message(labelKey), value == null ? "" : value};
    }

    /** One paragraph per line of the text, in the cell's first paragraph and after. */
    private static void cell(XWPFTableCell cell, String value, String font) {
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        List<String> lines = Arrays.asList(value.split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            var paragraph = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
            spacing(paragraph);
            text(paragraph, lines.get(i), font, TABLE_SIZE);
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument document, ParagraphAlignment alignment) {
        var paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        spacing(paragraph);
        return paragraph;
    }

    /** 28 pt lines, nothing before or after. */
    private static void spacing(XWPFParagraph paragraph) {
        paragraph.setSpacingBefore(0);
        paragraph.setSpacingAfter(0);
        paragraph.setSpacingBetween(28, LineSpacingRule.EXACT);
    }

    private static XWPFRun text(XWPFParagraph paragraph, String text, String font, int halfPoints) {
        var run = paragraph.createRun();
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(halfPoints / 2.0);
        run.setText(text);
        return run;
    }

    private static void page(XWPFDocument document) {
        var body = document.getDocument().getBody();
        var section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        var size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        var margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
