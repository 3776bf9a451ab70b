package cn.workplan.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login and password rules.
 *
 * @param maxFailedAttempts failed logins in a row that lock an account
 * @param lockDuration      how long a locked account stays locked
 * @param minPasswordLength shortest password accepted
 */
@ConfigurationProperties("workplan.security")
public record SecurityProperties(
        @DefaultValue("5") int maxFailedAttempts,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("8") int minPasswordLength) {
}
