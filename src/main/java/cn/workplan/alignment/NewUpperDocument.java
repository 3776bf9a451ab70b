package cn.workplan.alignment;

import java.time.LocalDate;
import java.util.List;

import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Numbering;

/**
 * An upper-level document as read (or generated), before it is saved: its header and its outline as a flat list in
 * document order, each node by its level. The tree follows from the levels, as on the import's preview: a section stands
 * under the chapter before it, an item under the section or chapter before it, a sub-point under the item before it.
 *
 * @param issuer the issuing body (发文机关)
 * @param source the uploaded file's name, or empty
 */
public record NewUpperDocument(int year, String title, String issuer, String documentNumber, LocalDate issueDate,
        String preamble, Numbering numbering, String source, List<Node> nodes) {

    public NewUpperDocument {
        nodes = List.copyOf(nodes);
        numbering = numbering == null ? Numbering.CONTINUOUS : numbering;
    }

    /** A chapter, section, item or sub-point of the document. */
    public record Node(NodeKind kind, String headline, String body) {
    }
}
