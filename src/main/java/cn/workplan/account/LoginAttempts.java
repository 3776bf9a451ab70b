package cn.workplan.account;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed logins per account and resets the count on success; the counting itself is in {@link AccountService}. */
@Slf4j
@Component
@RequiredArgsConstructor
class LoginAttempts {

    private final AccountService accounts;

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        var username = String.valueOf(event.getAuthentication().getPrincipal());
        log.info("failed login for {}", username);
        accounts.recordFailedLogin(username);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        var username = event.getAuthentication().getName();
        log.info("login {}", username);
        accounts.recordSuccessfulLogin(username);
    }
}
