package cn.workplan.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A group robot as the administrator sees it: never its key, token or secret in full.
 *
 * @param webhook the webhook address with its key or token masked ({@code …?key=693a…5aaa})
 * @param signed  whether 钉钉's requests are signed with a secret
 * @param waiting messages waiting after an error
 * @param failed  messages given up
 * @param lastSentAt when a message last reached it, or {@code null}
 */
public record RobotView(long id, RobotScope scope, Long officeId, Long schoolId, RobotPlatform platform, String webhook, boolean signed,
        long version, long waiting, long failed, Instant lastSentAt) {

    /** The robot as the audit log keeps it (place by id: the caller names it), the webhook masked. */
    public Map<String, String> auditState() {
        var state = new LinkedHashMap<String, String>();
        state.put("scope", scope.name());
        state.put("platform", platform.name());
        state.put("webhook", webhook);
        state.put("signed", Boolean.toString(signed));
        return state;
    }

    /** The form to edit it: the webhook and secret left blank, so kept unless typed again. */
    public RobotData toData() {
        return new RobotData(scope, officeId, schoolId, platform, "", "", false, version);
    }
}
