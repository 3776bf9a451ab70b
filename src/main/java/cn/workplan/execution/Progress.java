package cn.workplan.execution;

/** How the work of a line stands, in the author's words: 未开始, 进行中, 已完成, 受阻. */
public enum Progress {
    NOT_STARTED, IN_PROGRESS, DONE, BLOCKED;

    public String messageKey() {
        return "report.progress." + name();
    }
}
