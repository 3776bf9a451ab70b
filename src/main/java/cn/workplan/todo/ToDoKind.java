package cn.workplan.todo;

/**
 * The sorts of things that wait for someone, by who they wait for. Each reads {@code todo.<name>} (kind's code with
 * dots) in {@code messages.properties}.
 */
public enum ToDoKind {
    // leaders
    /** A plan sent for review (审核). */
    PLAN_REVIEW("plan.review"),
    /** A lead office proposes its item as done (确认办结). */
    SIGN_OFF("signOff.confirm"),
    /** A request to move an item's own deadline, or (for an office's head) a line's deadline (延期审批). */
    EXTENSION_DECIDE("extension.decide"),
    /** A notice escalated to this leader (升级督办). */
    NOTICE_ESCALATED("notice.escalated"),
    /** A notice answered, waiting for its issuer to close it or send it back (审阅回复). */
    NOTICE_REPLY_REVIEW("notice.replyReview"),
    /** A drafted report the general office asked the leaders to read (阅示). */
    SUMMARY_READ("summary.read"),

    // the general office
    /** A leader's review comment to answer (答复审核意见). */
    COMMENT_ANSWER("plan.commentAnswer"),
    /** Items still without a lead office (未定牵头股室). */
    ITEM_UNASSIGNED("plan.unassigned"),
    /** A reporting period closing with a low reporting rate (报送率低). */
    PERIOD_LOW_RATE("period.lowRate"),
    /** A period closed: its report to draft (起草月报、季报、总结). */
    SUMMARY_DRAFT("summary.draft"),

    // offices and schools
    /** A report due this period (填报进度). */
    REPORT_DUE("report.due"),
    /** The lead office's consolidated progress of its item (汇总进度). */
    CONSOLIDATED_DUE("report.consolidate"),
    /** A report sent back to its author (退回修改). */
    REPORT_RETURNED("report.returned"),
    /** Reports of an item sent to its lead office (审核进度). */
    REPORT_REVIEW("report.review"),
    /** An item whose lines lag or are overdue (督促落后单位). */
    LINES_LAGGING("lines.lagging"),
    /** A supervision notice to sign for (签收督办单). */
    NOTICE_ACKNOWLEDGE("notice.acknowledge"),
    /** A supervision notice to answer (回复督办单). */
    NOTICE_REPLY("notice.reply"),
    /** An extension request of one's own decided lately (延期结果). */
    EXTENSION_DECIDED("extension.decided"),

    // inspectors
    /** Evidence files to verify, by school (核验佐证). */
    EVIDENCE_VERIFY("evidence.verify");

    private final String code;

    ToDoKind(String code) {
        this.code = code;
    }

    /** As named in tests, styles and ids: {@code plan.review}. */
    public String code() {
        return code;
    }

    public String messageKey() {
        return "todo." + code;
    }
}
