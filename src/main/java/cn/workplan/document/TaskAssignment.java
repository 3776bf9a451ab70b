package cn.workplan.document;

/**
 * The columns of a task table (任务分解表) beside a task item, as written: 牵头单位, 责任单位, 完成时限.
 * Empty text where the table has no such column or the cell is blank.
 */
public record TaskAssignment(String leadOffice, String responsible, String deadline) {
}
