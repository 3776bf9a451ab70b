package cn.workplan.summary;

import java.util.ArrayList;
import java.util.List;

import cn.workplan.system.ChineseNumerals;

/**
 * A block of a drafted report as it is shown and printed, with its number: 一、 for headings, （一） for
 * subheadings, numbered anew under each heading.
 *
 * @param index  its position in the report, which the edit form refers to
 * @param number the printed number, empty for paragraphs and tables
 */
public record NumberedBlock(int index, BlockKind kind, String number, String text, List<String> header, List<List<String>> rows) {

    /** The blocks with their numbers, in order. */
    public static List<NumberedBlock> of(List<Block> blocks) {
        var numbered = new ArrayList<NumberedBlock>(blocks.size());
        int headings = 0;
        int subheadings = 0;
        for (int i = 0; i < blocks.size(); i++) {
            var block = blocks.get(i);
            String number = "";
            if (block.kind() == BlockKind.HEADING) {
                number = ChineseNumerals.of(++headings) + "、";
                subheadings = 0;
            } else if (block.kind() == BlockKind.SUBHEADING) {
                number = "（" + ChineseNumerals.of(++subheadings) + "）";
            }
            numbered.add(new NumberedBlock(i, block.kind(), number, block.text(), block.header(), block.rows()));
        }
        return numbered;
    }

    /** The number and the text: 一、上半年工作完成情况. */
    public String display() {
        return number + text;
    }

    public boolean isHeading() {
        return kind == BlockKind.HEADING;
    }

    public boolean isSubheading() {
        return kind == BlockKind.SUBHEADING;
    }

    public boolean isParagraph() {
        return kind == BlockKind.PARAGRAPH;
    }

    public boolean isTable() {
        return kind == BlockKind.TABLE;
    }
}
