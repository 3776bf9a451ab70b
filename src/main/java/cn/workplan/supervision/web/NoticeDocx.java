package cn.workplan.supervision.web;

import java.util.ArrayList;

import cn.workplan.document.export.OfficialDocx;
import cn.workplan.supervision.NoticeView;
import cn.workplan.system.web.DisplayFormats;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A notice as a Word file ({@code .docx}), laid out as the print view on the page of official documents
 * ({@link OfficialDocx}, GB/T 9704): the title 督办单 in 22 pt 方正小标宋简体, the number under it, then a table
 * of the notice's particulars in 仿宋_GB2312 with the labels in 黑体, and room to write where a step is still to
 * come. Fonts are named, not embedded.
 */
@Component
class NoticeDocx {

    static final String CONTENT_TYPE = OfficialDocx.CONTENT_TYPE;

    /** Twips: the label column. */
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
        var document = new OfficialDocx();
        OfficialDocx.text(document.paragraph(ParagraphAlignment.CENTER, false), message("notice.print.title"),
                OfficialDocx.TITLE_FONT, OfficialDocx.TITLE_SIZE, false).setColor("C00000");
        OfficialDocx.text(document.paragraph(ParagraphAlignment.CENTER, false), notice.number(), OfficialDocx.BODY_FONT,
                OfficialDocx.BODY_SIZE, false);
        particulars(document, notice);
        return document.write(false);
    }

    private void particulars(OfficialDocx document, NoticeView notice) {
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
        var table = document.table(rows.size(), 2);
        for (int i = 0; i < rows.size(); i++) {
            var cells = table.getRow(i).getTableCells();
            OfficialDocx.cell(cells.get(0), rows.get(i)[0], OfficialDocx.HEADING1_FONT, OfficialDocx.TABLE_SIZE, false);
            cells.get(0).setWidth(Integer.toString(LABEL_WIDTH));
            OfficialDocx.cell(cells.get(1), rows.get(i)[1], OfficialDocx.BODY_FONT, OfficialDocx.TABLE_SIZE, false);
        }
    }

    private String[] row(String labelKey, String value) {
        return new String[] {message(labelKey), value == null ? "" : value};
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
