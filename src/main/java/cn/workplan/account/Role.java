package cn.workplan.account;

/** What a person does in Workplan. An account has exactly one role. */
public enum Role {
    /** 管理员: keeps offices, schools and accounts. */
    ADMIN,
    /** 局领导: the director and deputy directors. */
    LEADER,
    /** 股室人员: staff of one office; the office's head approves for it. */
    OFFICE_STAFF,
    /** 校长/园长: reports for one school. */
    PRINCIPAL,
    /** 督学: checks progress and evidence. */
    INSPECTOR;

    /** The Spring Security authority, {@code ROLE_ADMIN} and so on. */
    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name();
    }
}
