package cn.workplan.document.export;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.springframework.stereotype.Component;

import cn.workplan.account.CurrentUser;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Outline;
import cn.workplan.plan.OutlineNode;
import cn.workplan.plan.PlanQueries;

/**
 * Writes a plan as Word document ({@code .docx}) in the format of official documents, GB/T 9704-2012, laid out by
 * {@link OfficialDocx}: above the title the document number, under the text the issue date. A task item reads as
 * it does in the document view: its number and headline as a bold lead sentence, then its body in the same
 * paragraph.
 * <p>
 * The file reads back through the importer as the same outline: every paragraph starts with its
 * printed number, the title has the style Title, and a headline always ends its sentence with 。.
 */
@Component
public class PlanDocxWriter {

    public static final String CONTENT_TYPE = OfficialDocx.CONTENT_TYPE;

    private final PlanQueries queries;

    public PlanDocxWriter(PlanQueries queries) {
        this.queries = queries;
    }

    /** The plan as the person may read it; fails as {@link PlanQueries#outline} does when they may not. */
    public ExportedFile write(long planId, CurrentUser user) {
        var outline = queries.outline(planId, user);
        return new ExportedFile(FileNames.safe(outline.plan().title()) + ".docx", CONTENT_TYPE, write(outline));
    }

    static byte[] write(Outline outline) {
        var document = new OfficialDocx();
        var plan = outline.plan();
        writeText(document, outline);
        if (plan.issueDate() != null) {
            document.blank();
            document.closing(OfficialDocx.date(plan.issueDate()));
        }
        return document.write(true);
    }

    /**
     * Writes the plan's text into the document as this writer lays it out — the document number, the title, the
     * preamble and every node — without the issue date, for a caller that adds more before the date (the public
     * page's amendments).
     */
    public static void writeText(OfficialDocx document, Outline outline) {
        var plan = outline.plan();
        if (plan.documentNumber() != null && !plan.documentNumber().isBlank()) {
            document.documentNumber(plan.documentNumber());
        }
        document.title(plan.title());
        document.bodies(plan.preamble());
        for (var node : outline.nodes()) {
            node(document, node);
        }
    }

    private static void node(OfficialDocx document, OutlineNode node) {
        var body = OfficialDocx.lines(node.body());
        switch (node.kind()) {
            case CHAPTER, SECTION -> {
                document.heading(node.kind() == NodeKind.CHAPTER ? 1 : 2, node.label() + node.headline());
                body.forEach(document::body);
            }
            case ITEM, POINT -> {
                var paragraph = document.paragraph(ParagraphAlignment.BOTH, true);
                OfficialDocx.text(paragraph, node.label() + OfficialDocx.sentence(node.headline()), OfficialDocx.BODY_FONT,
                        OfficialDocx.BODY_SIZE, node.kind() == NodeKind.ITEM);
                if (!body.isEmpty()) {
                    OfficialDocx.text(paragraph, body.get(0), OfficialDocx.BODY_FONT, OfficialDocx.BODY_SIZE, false);
                }
                body.stream().skip(1).forEach(document::body);
            }
        }
    }
}
