package cn.workplan.notification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The administrator's form of a group robot.
 *
 * @param scope        whose group: the bureau's, an office's or a school's
 * @param officeId     the office, for an office's robot
 * @param schoolId     the school, for a school's robot
 * @param platform     企业微信 or 钉钉
 * @param webhook      the webhook address as the platform shows it (or only its key or token); blank on an edit: kept
 * @param secret       钉钉's signing secret (加签, "SEC…"); blank on an edit: kept
 * @param removeSecret on an edit: sign no more (a checkbox: absent when not ticked)
 * @param version      the version the form was opened with (edits)
 */
public record RobotData(@NotNull RobotScope scope, Long officeId, Long schoolId, @NotNull RobotPlatform platform,
        @Size(max = 500) String webhook, @Size(max = 200) String secret, Boolean removeSecret, Long version) {

    public static RobotData empty() {
        return new RobotData(RobotScope.SCHOOL, null, null, RobotPlatform.WECOM, "", "", false, null);
    }

    /** Whether the secret is to be removed. */
    public boolean removesSecret() {
        return Boolean.TRUE.equals(removeSecret);
    }
}
