/**
 * Carrying out a published plan: the lines of responsibility (责任落实) that publishing creates — the lead office's
 * consolidated line, each cooperating office's and each responsible school's — and, on these lines, the progress
 * reports with their evidence and their review by the lead office ({@link cn.workplan.execution.ProgressReports},
 * {@link cn.workplan.execution.ReportQueries}), the status lights ({@link cn.workplan.execution.StatusLights}), the
 * standing each line keeps for the dashboards ({@link cn.workplan.execution.PlanStandings}), reminders and 催办,
 * extension requests and sign-off ({@link cn.workplan.execution.Extensions}, {@link cn.workplan.execution.SignOffs},
 * read on the 审批 page through {@link cn.workplan.execution.ApprovalQueries}). Supervision notices are the
 * {@code supervision} module's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Execution")
package cn.workplan.execution;
