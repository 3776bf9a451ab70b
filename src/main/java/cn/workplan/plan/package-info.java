/**
 * Annual work plans: drafting the outline (chapters, sections, task items, sub-points) with numbering
 * computed from position, task items with their offices, schools, targets, deadlines and quarter
 * schedule, the review and publishing workflow ({@link cn.workplan.plan.PlanPolicy} says who may do what), review
 * comments, item revisions and history, the document view, the task table, search, next year's plan from this
 * year's ({@link cn.workplan.plan.PlanCopied} for each carried-over item), and the text as published with its
 * amendments ({@link cn.workplan.plan.PublishedTexts}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plans")
package cn.workplan.plan;
