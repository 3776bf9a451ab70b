package cn.workplan.audit;

/** What happened to an audited record. */
public enum AuditAction {
    CREATE, UPDATE, DELETE, DEACTIVATE, ACTIVATE, RESET_PASSWORD, CHANGE_PASSWORD, LOCK, IMPORT,
    SUBMIT, APPROVE, RETURN, VERIFY, ISSUE, ACKNOWLEDGE, REPLY, CLOSE, ESCALATE, REMIND, REQUEST, REJECT, WITHDRAW, REOPEN,
    REGENERATE, UNLOCK;

    public String messageKey() {
        return "audit.action." + name();
    }
}
