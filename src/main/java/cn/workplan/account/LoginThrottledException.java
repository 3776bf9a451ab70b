package cn.workplan.account;

import java.io.Serial;
import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A login attempt refused before its password was looked at, because its login or address must wait. */
class LoginThrottledException extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long seconds;

    LoginThrottledException(Duration wait) {
        super("login attempts held back for " + wait.toSeconds() + " s");
        // say at least one second: "wait 0 seconds" would invite an immediate retry that is refused again
        this.seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }

    /** Whole seconds to wait, at least one. */
    long seconds() {
        return seconds;
    }
}
