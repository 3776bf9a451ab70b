package cn.workplan.alignment;

import java.util.regex.Pattern;

import cn.workplan.account.CurrentUser;
import cn.workplan.document.DraftedPlan;
import cn.workplan.document.UpperDocumentImports;

import org.springframework.stereotype.Component;

/**
 * Saves a plan of the import's preview as an upper-level document: the preview reads and shapes it like a plan of the
 * bureau's own (text, Word, Excel), then this keeps it as a reference. For the general office and administrators.
 */
@Component
class UpperDocumentImport implements UpperDocumentImports {

    /** The issuing body in a title: 云岭市教育局 in 云岭市教育局2026年工作要点 or 云岭市教育局关于…的实施意见. */
    private static final Pattern ISSUER = Pattern.compile("^(.{2,60}?)(?:（[^）]*）)?(?:关于|(?:19|20)\\d{2}\\s*年)");

    private final UpperDocuments documents;
    private final AlignmentPolicy policy;

    UpperDocumentImport(UpperDocuments documents, AlignmentPolicy policy) {
        this.documents = documents;
        this.policy = policy;
    }

    @Override
    public Saved save(DraftedPlan plan, String issuer, String source, CurrentUser user) {
        policy.checkWritesDocuments(user);
        var nodes = plan.nodes().stream().map(node -> new NewUpperDocument.Node(node.kind(), node.headline(), node.body())).toList();
        var stored = documents.store(new NewUpperDocument(plan.year(), plan.title(), issuer == null || issuer.isBlank()
                ? issuerOf(plan) : issuer, plan.documentNumber(), plan.issueDate(), plan.preamble(), plan.numbering(), source, nodes));
        return new Saved(stored.id(), "/upper-documents/" + stored.id(), stored.points());
    }

    @Override
    public String issuerOf(DraftedPlan plan) {
        return issuerOf(plan.title());
    }

    static String issuerOf(String title) {
        var matcher = ISSUER.matcher(title == null ? "" : title.strip());
        return matcher.find() ? matcher.group(1).strip() : "";
    }
}
