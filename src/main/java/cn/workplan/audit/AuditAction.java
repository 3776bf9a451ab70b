package cn.workplan.audit;

/**
 * What happened to an audited record. Stored by name: rename none, only add. Shown through {@link #messageKey()}, or
 * through {@code audit.action.NAME.TYPE} where one kind of record words a step its own way (a plan is 结束, not 办结).
 */
public enum AuditAction {
    CREATE, UPDATE, DELETE, DEACTIVATE, ACTIVATE, RESET_PASSWORD, CHANGE_PASSWORD, LOCK, IMPORT,
    SUBMIT, APPROVE, RETURN, VERIFY, ISSUE, ACKNOWLEDGE, REPLY, CLOSE, ESCALATE, REMIND, REQUEST, REJECT, WITHDRAW, REOPEN,
    REGENERATE, UNLOCK,
    /** A plan sent to the leaders for review (送审). */
    SEND_FOR_REVIEW,
    /** A plan issued with its document number (发布). */
    PUBLISH,
    /** A published plan's item changed, with the reason (修订). */
    REVISE,
    /** Next year's plan started from this one, unfinished items carried over (结转). */
    COPY,
    /** A node of the outline moved to another place (移动). */
    MOVE,
    /** A comment on an item during review (批注). */
    COMMENT,
    /** An inspector questions an evidence file (存疑). */
    QUESTION,
    /** A leader has read what was sent to them to read (已阅). */
    READ;

    public String messageKey() {
        return "audit.action." + name();
    }
}
