package cn.workplan.summary.web;

import java.time.Clock;
import java.time.LocalDate;

import cn.workplan.document.export.OfficialDocx;
import cn.workplan.summary.NumberedBlock;
import cn.workplan.summary.SummaryView;

import org.springframework.stereotype.Component;

/**
 * A drafted report as a Word file in the format of official documents (GB/T 9704, laid out by {@link OfficialDocx}):
 * the title, 一、 headings in 黑体, （一） headings in 楷体_GB2312, paragraphs in 仿宋_GB2312, tables in 14 pt with the
 * header in 黑体, the date under the text (the day it was locked, else the day it was last drafted or edited), page
 * numbers on the outer edge.
 */
@Component
class SummaryDocx {

    /** Twips: the width of the text (A4 less the margins), and of a table's first column when it holds numbers. */
    private static final int TEXT_WIDTH = 8844;
    private static final int NUMBER_COLUMN = 700;

    private final Clock clock;

    SummaryDocx(Clock clock) {
        this.clock = clock;
    }

    byte[] write(SummaryView summary) {
        var document = new OfficialDocx();
        document.title(summary.title());
        for (var block : summary.numbered()) {
            switch (block.kind()) {
                case HEADING -> document.heading(1, block.display());
                case SUBHEADING -> document.heading(2, block.display());
                case PARAGRAPH -> document.body(block.text());
                case TABLE -> table(document, block);
            }
        }
        document.blank();
        document.closing(OfficialDocx.date(LocalDate.ofInstant(summary.dated(), clock.getZone())));
        return document.write(true);
    }

    private static void table(OfficialDocx document, NumberedBlock block) {
        int columns = block.header().size();
        var table = document.table(block.rows().size() + 1, columns);
        boolean numbered = columns > 1 && "序号".equals(block.header().get(0));
        int width = numbered ? (TEXT_WIDTH - NUMBER_COLUMN) / (columns - 1) : TEXT_WIDTH / columns;
        for (int c = 0; c < columns; c++) {
            var cell = table.getRow(0).getCell(c);
            OfficialDocx.cell(cell, block.header().get(c), OfficialDocx.HEADING1_FONT, OfficialDocx.TABLE_SIZE, false);
            cell.setWidth(Integer.toString(numbered && c == 0 ? NUMBER_COLUMN : width));
        }
        for (int r = 0; r < block.rows().size(); r++) {
            var row = block.rows().get(r);
            for (int c = 0; c < columns; c++) {
                OfficialDocx.cell(table.getRow(r + 1).getCell(c), c < row.size() ? row.get(c) : "", OfficialDocx.BODY_FONT,
                        OfficialDocx.TABLE_SIZE, false);
            }
        }
        table.getRow(0).setRepeatHeader(true);
    }
}
