package cn.workplan.audit;

/** What happened to an audited record. */
public enum AuditAction {
    CREATE, UPDATE, DELETE, DEACTIVATE, ACTIVATE, RESET_PASSWORD, CHANGE_PASSWORD, LOCK, IMPORT, REMIND;

    public String messageKey() {
        return "audit.action." + name();
    }
}
