package cn.workplan.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login and password rules.
 *
 * <p>Failed logins are never answered with a lock that anyone could set off on anyone's account. Each failure
 * counts against the login name and against the client's address; past a number of free failures, the next
 * attempt under that key waits a delay that doubles with every further failure, up to a ceiling. A browser
 * that logged in to an account before (a trusted device) is counted on its own, so guesses made at a login from
 * elsewhere never hold up its owner.
 *
 * @param minPasswordLength     shortest password accepted
 * @param loginThrottle         failures per login name (from any address)
 * @param addressThrottle       failures per client address (any login); generous, since a school's staff may
 *                              share one address
 * @param deviceThrottle        failures of one login from a trusted browser
 * @param forgetFailuresAfter   failures older than this are forgotten
 * @param trustedDeviceValidity how long a browser stays trusted after its last successful login
 */
@ConfigurationProperties("workplan.security")
public record SecurityProperties(
        @DefaultValue("8") int minPasswordLength,
        @DefaultValue({"5", "30s"}) Throttle loginThrottle,
        @DefaultValue({"20", "15m"}) Throttle addressThrottle,
        @DefaultValue({"5", "30s"}) Throttle deviceThrottle,
        @DefaultValue("24h") Duration forgetFailuresAfter,
        @DefaultValue("180d") Duration trustedDeviceValidity) {

    /**
     * @param freeFailures failures without any delay
     * @param maxDelay     the longest wait between two attempts: 1 s after the first failure past the free ones,
     *                     doubling with each further failure up to this (the rule is {@code login_delay} in V19)
     */
    public record Throttle(int freeFailures, Duration maxDelay) {
    }
}
