package cn.workplan.supervision;

/**
 * Where a notice stands. Issued → acknowledged (签收) by the recipient → replied → closed (办结) by the issuer or a
 * leader; a reply may be sent back (returned) with a comment, and the recipient replies again. The recipient may
 * revise a reply until the notice is closed. Escalation is not a state: it is recorded beside it, once.
 */
public enum NoticeState {
    ISSUED, ACKNOWLEDGED, REPLIED, RETURNED, CLOSED;

    /** Whether the recipient may write or revise the reply. */
    boolean acceptsReply() {
        return this == ACKNOWLEDGED || this == REPLIED || this == RETURNED;
    }

    public boolean open() {
        return this != CLOSED;
    }

    public String messageKey() {
        return "notice.state." + name();
    }
}
