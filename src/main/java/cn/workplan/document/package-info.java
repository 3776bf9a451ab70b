/**
 * Documents in and out of the product. In: reading existing plans — pasted text, {@code .txt},
 * Word ({@code .docx}) and task tables ({@code .xlsx}) — into an outline of chapters, sections, task
 * items and sub-points, with suggested targets, deadlines and offices, so that a person can check the
 * result before it becomes a draft plan or, through the {@link cn.workplan.document.UpperDocumentImports} SPI, an
 * upper-level document. {@link cn.workplan.document.PlanImporter} reads, {@link cn.workplan.document.PlanImportService}
 * previews and saves; the parsing steps live in {@code parsing} and are internal. Out: {@code export}, the plan's
 * Word, PDF and task table files and the pieces other modules write their official documents with.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package cn.workplan.document;
