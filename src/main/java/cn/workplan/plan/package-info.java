/**
 * Annual work plans: drafting the outline (chapters, sections, task items, sub-points) with numbering
 * computed from position, task items with their offices, schools, targets, deadlines and quarter
 * schedule, the review and publishing workflow, item revisions, the document view, the task table,
 * search, and next year's plan from this year's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plans")
package cn.workplan.plan;
