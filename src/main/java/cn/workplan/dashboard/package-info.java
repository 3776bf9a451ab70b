/**
 * Progress at a glance: the leaders' dashboard (局领导驾驶舱) of a plan being carried out or an earlier
 * one — tiles, charts by chapter, lead office, school and township, month and target, and what to chase today —
 * its drill-down to the filtered items, and the dashboards of an office and of a school, on screen with their charts
 * and as workbooks. Read from the standing
 * kept on the lines ({@link cn.workplan.execution.PlanStandings}) with a constant number of statements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboards")
package cn.workplan.dashboard;
