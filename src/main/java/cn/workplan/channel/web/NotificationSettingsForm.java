package cn.workplan.channel.web;

import java.util.EnumMap;
import java.util.Set;

import cn.workplan.notification.NotificationCategory;
import cn.workplan.notification.Preferences;

/**
 * The form of a person's notification settings: the categories ticked per channel (checkboxes named {@code email},
 * {@code robot} and {@code digest}, one value per category; unticked ones are not sent), and where the digest goes
 * (unticked: not sent either, so {@code null}).
 */
public record NotificationSettingsForm(Set<NotificationCategory> email, Set<NotificationCategory> robot, Set<NotificationCategory> digest,
        Boolean digestByEmail, Boolean digestByRobot) {

    static NotificationSettingsForm of(Preferences preferences) {
        var email = EnumSets.none();
        var robot = EnumSets.none();
        var digest = EnumSets.none();
        preferences.choices().forEach((category, choice) -> {
            if (choice.email()) {
                email.add(category);
            }
            if (choice.robot()) {
                robot.add(category);
            }
            if (choice.digest()) {
                digest.add(category);
            }
        });
        return new NotificationSettingsForm(email, robot, digest, preferences.digestByEmail(), preferences.digestByRobot());
    }

    Preferences toPreferences() {
        var choices = new EnumMap<NotificationCategory, Preferences.Choice>(NotificationCategory.class);
        for (var category : NotificationCategory.values()) {
            choices.put(category, new Preferences.Choice(has(email, category), has(robot, category), has(digest, category)));
        }
        return new Preferences(choices, Boolean.TRUE.equals(digestByEmail), Boolean.TRUE.equals(digestByRobot));
    }

    /** Whether the category is ticked in the column; the templates ask it of each checkbox. */
    public boolean ticked(String column, NotificationCategory category) {
        return switch (column) {
            case "email" -> has(email, category);
            case "robot" -> has(robot, category);
            default -> has(digest, category);
        };
    }

    private static boolean has(Set<NotificationCategory> ticked, NotificationCategory category) {
        return ticked != null && ticked.contains(category);
    }

    private static final class EnumSets {

        static Set<NotificationCategory> none() {
            return java.util.EnumSet.noneOf(NotificationCategory.class);
        }
    }
}
