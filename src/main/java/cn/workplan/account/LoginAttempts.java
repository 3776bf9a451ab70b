package cn.workplan.account;

import lombok.extern.slf4j.Slf4j;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Notes the time of each successful login on the account. Failed logins are counted by {@link ThrottledLogin}
 * before Spring publishes its events, so that nothing here has to be trusted to slow guessing down.
 */
@Slf4j
@Component
class LoginAttempts {

    private final AccountService accounts;

    LoginAttempts(AccountService accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        log.info("failed login for {}: {}", event.getAuthentication().getName(), event.getException().getClass().getSimpleName());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        var username = event.getAuthentication().getName();
        log.info("login {}", username);
        accounts.recordSuccessfulLogin(username);
    }
}
