/**
 * Plans in their chain: the upper-level documents (上级文件) a county's plan carries out — the city's or the
 * province's work points, imported through the plan import's preview and kept read-only as references — and the links
 * (对标) from the plan's task items to their points. {@link cn.workplan.alignment.UpperDocuments} keeps the documents,
 * {@link cn.workplan.alignment.Alignments} the links (turning a point into an item, linking and unlinking, carrying the
 * links over to next year's plan), {@link cn.workplan.alignment.CoverageQueries} reads a document's coverage by a plan
 * and the progress by point, {@link cn.workplan.alignment.BesideQueries} the drafting page with the document beside the
 * plan and its suggestions; {@link cn.workplan.alignment.AlignmentPolicy} says who may do what.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Upper-level documents and alignment")
package cn.workplan.alignment;
