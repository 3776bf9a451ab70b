/**
 * Carrying out a published plan (issue #5). Today: the lines of responsibility (责任落实) that publishing
 * creates — the lead office's consolidated line, each cooperating office's and each responsible school's —
 * and a school's view of its lines. Progress reports, review, status lights, reminders, supervision
 * notices, extensions and sign-off build on these lines.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Execution")
package cn.workplan.execution;
