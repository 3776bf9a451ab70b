package cn.workplan.notification;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One person's choice of what reaches them where. The notification centre always has everything; besides it, per
 * category, e-mail, the group robot of their office or school (or the bureau's), or the daily digest (每日待办) instead
 * of single messages; and where the digest itself goes.
 *
 * @param choices       every category's choice, in the categories' order
 * @param digestByEmail the daily digest by e-mail (to those with an address, when mail is configured)
 * @param digestByRobot the daily digest in the group of their office or school (or the bureau's)
 */
public record Preferences(Map<NotificationCategory, Choice> choices, boolean digestByEmail, boolean digestByRobot) {

    /** The row of {@code notification_preference} that says where the digest goes. */
    static final String DIGEST = "DIGEST";

    /**
     * A category's channels.
     *
     * @param email  by e-mail, at once
     * @param robot  in the group robot, at once
     * @param digest in the daily digest instead of the single messages above
     */
    public record Choice(boolean email, boolean robot, boolean digest) {

        /** The choice as one code, as the audit log keeps it: {@code DIGEST}, {@code EMAIL_ROBOT}, {@code EMAIL}, {@code ROBOT}, {@code NONE}. */
        public String code() {
            if (digest) {
                return "DIGEST";
            }
            return email && robot ? "EMAIL_ROBOT" : email ? "EMAIL" : robot ? "ROBOT" : "NONE";
        }
    }

    public Preferences {
        var all = new EnumMap<NotificationCategory, Choice>(NotificationCategory.class);
        for (var category : NotificationCategory.values()) {
            all.put(category, choices.getOrDefault(category, category.defaultChoice()));
        }
        choices = Collections.unmodifiableMap(all);
    }

    /** What a person who chose nothing gets. */
    public static Preferences defaults() {
        return new Preferences(Map.of(), true, true);
    }

    public Choice choice(NotificationCategory category) {
        return choices.get(category);
    }

    /** Whether any category waits for the digest. */
    public boolean anyDigest() {
        return choices.values().stream().anyMatch(Choice::digest);
    }

    /** The choices as the audit log keeps them: a code per category, and where the digest goes. */
    public Map<String, String> auditState() {
        var state = new LinkedHashMap<String, String>();
        choices.forEach((category, choice) -> state.put(category.name(), choice.code()));
        state.put(DIGEST, new Choice(digestByEmail, digestByRobot, false).code());
        return state;
    }
}
