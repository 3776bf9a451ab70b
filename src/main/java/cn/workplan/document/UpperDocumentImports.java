package cn.workplan.document;

import cn.workplan.account.CurrentUser;

/**
 * Saves one plan of an import preview as an upper-level document (上级文件) instead of a plan. The document module
 * shapes the preview; the module that keeps upper-level documents implements this (so that this module needs nothing
 * of it). Called in the preview's transaction: when it throws, nothing is saved and the preview stays as it was.
 */
public interface UpperDocumentImports {

    /**
     * Saves the plan as read and shaped (title, document number, year, numbering, preamble, outline) as a read-only
     * reference document.
     *
     * @param issuer the issuing body (发文机关) the person confirmed, e.g. 云岭市教育局
     * @param source the uploaded file's name, or empty for pasted text
     */
    Saved save(DraftedPlan plan, String issuer, String source, CurrentUser user);

    /** The issuing body a plan's title suggests: 云岭市教育局 in 云岭市教育局2026年工作要点; empty when it names none. */
    String issuerOf(DraftedPlan plan);

    /**
     * What was saved.
     *
     * @param id     the new document's id
     * @param path   its page
     * @param points how many points (要点) it holds
     */
    record Saved(long id, String path, int points) {
    }
}
