package cn.workplan.summary;

import java.util.List;

/**
 * The edited text of a drafted report, as the draft page sends it: the title and each block in order — a heading's
 * or paragraph's text, a table's cells row by row — with the version the page showed.
 */
public record SummaryForm(Long version, String title, List<BlockForm> blocks) {

    public SummaryForm {
        blocks = blocks == null ? List.of() : blocks;
    }

    /** One block: its text, or a table's cells row by row. */
    public record BlockForm(String text, List<String> cells) {

        public BlockForm {
            text = text == null ? "" : text;
            cells = cells == null ? List.of() : cells;
        }
    }

    /** The form as the page shows a stored report. */
    public static SummaryForm of(SummaryView summary) {
        return new SummaryForm(summary.version(), summary.title(), summary.blocks().stream()
                .map(block -> new BlockForm(block.text(), block.rows().stream().flatMap(List::stream).toList())).toList());
    }
}
