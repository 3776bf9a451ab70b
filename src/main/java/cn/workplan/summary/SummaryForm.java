package cn.workplan.summary;

import java.util.List;

/**
 * The edited text of a drafted report, as the draft page sends it: the title and each block in order — a heading's
 * or paragraph's text, a table's cells row by row — with the version the page showed.
 */
public record SummaryForm(Long version, String title, List<BlockForm> blocks) {

    public SummaryForm {
        // a gap in the indexes (a block the page did not send) is an empty block, as a cleared paragraph is
        blocks = blocks == null ? List.of() : blocks.stream().map(block -> block == null ? new BlockForm("", List.of()) : block).toList();
    }

    /** One block: its text, or a table's cells row by row. */
    public record BlockForm(String text, List<String> cells) {

        public BlockForm {
            text = text == null ? "" : text;
            cells = cells == null ? List.of() : cells.stream().map(cell -> cell == null ? "" : cell).toList();
        }
    }

    /** The form as the page shows a stored report. */
    public static SummaryForm of(SummaryView summary) {
        return new SummaryForm(summary.version(), summary.title(), summary.blocks().stream()
                .map(block -> new BlockForm(block.text(), block.rows().stream().flatMap(List::stream).toList())).toList());
    }
}
