package cn.workplan.notification;

import java.util.Map;

/**
 * What a notification is about, for each person's choice of where it reaches them. Derived from its message key's
 * area: {@code notification.<area>.<event>} (the convention of issue #14), or the older {@code <area>.notification.<event>}
 * and {@code reminder.<event>}. An area no category names is {@link #OTHER}, so that nothing goes unsent.
 */
public enum NotificationCategory {

    /** Plans sent for review, commented, returned, published, revised, closed; drafted reports. */
    PLANS(true),
    /** Progress reports returned or approved, evidence. */
    REPORTS(true),
    /** Supervision notices (督办单) issued, answered, sent back, closed, escalated. */
    NOTICES(true),
    /** Extension requests and sign-off (延期申请, 办结). */
    EXTENSIONS(true),
    /** Reminders (催办): the one message that goes out at once by default. */
    REMINDERS(false),
    /** Anything else. */
    OTHER(true);

    private static final Map<String, NotificationCategory> AREAS = Map.ofEntries(
            Map.entry("plan", PLANS), Map.entry("plans", PLANS), Map.entry("review", PLANS), Map.entry("comment", PLANS),
            Map.entry("item", PLANS), Map.entry("revision", PLANS), Map.entry("summary", PLANS),
            Map.entry("report", REPORTS), Map.entry("reports", REPORTS), Map.entry("evidence", REPORTS),
            Map.entry("progress", REPORTS),
            Map.entry("notice", NOTICES), Map.entry("notices", NOTICES), Map.entry("supervision", NOTICES),
            Map.entry("extension", EXTENSIONS), Map.entry("extensions", EXTENSIONS), Map.entry("signOff", EXTENSIONS),
            Map.entry("signoff", EXTENSIONS), Map.entry("approval", EXTENSIONS),
            Map.entry("reminder", REMINDERS), Map.entry("reminders", REMINDERS));

    private final boolean digestByDefault;

    NotificationCategory(boolean digestByDefault) {
        this.digestByDefault = digestByDefault;
    }

    /** The category of a message key. */
    public static NotificationCategory of(String messageKey) {
        var parts = messageKey.split("\\.");
        var area = parts.length > 2 && parts[0].equals("notification") ? parts[1] : parts[0];
        return AREAS.getOrDefault(area, OTHER);
    }

    /**
     * What reaches a person who chose nothing: e-mail and their group robot for everything, and the daily digest
     * (每日待办) instead of single messages for all but reminders (催办), which go out at once.
     */
    public Preferences.Choice defaultChoice() {
        return new Preferences.Choice(true, true, digestByDefault);
    }

    public String messageKey() {
        return "notification.category." + name();
    }
}
