/**
 * Documents in and out of the product. Today: reading existing plans — pasted text, {@code .txt},
 * Word ({@code .docx}) and task tables ({@code .xlsx}) — into an outline of chapters, sections, task
 * items and sub-points, with suggested targets, deadlines and offices, so that a person can check the
 * result before it becomes a draft plan. {@link cn.workplan.document.PlanImporter} is the entry point;
 * the parsing steps live in {@code parsing} and are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package cn.workplan.document;
