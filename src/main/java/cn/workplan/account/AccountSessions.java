package cn.workplan.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The sessions of an account. Sessions live in the database (Spring Session JDBC), indexed by the login name, so
 * ending them here ends them for every instance of the application at once.
 */
@Component
public class AccountSessions {

    private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AccountUserDetailsService accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions, AccountUserDetailsService accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    /**
     * Ends the sessions of an account whose access changed, after the change is committed. Not before: a login in
     * between would read the account as it was and keep a session with the old role or school; and the session
     * repository works in transactions of its own, so ending them inside the change would end them even when the
     * change then fails (a concurrent edit, say). A request already under way when the change commits may still
     * finish with the old login; {@link StaleLoginFilter} refuses its writes.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void end(AccessChanged change) {
        try {
            int ended = 0;
            for (var id : sessions.findByPrincipalName(change.username()).keySet()) {
                if (!id.equals(change.keepSession())) {
                    sessions.deleteById(id);
                    ended++;
                }
            }
            log.info("account {} {}: {} session(s) ended{}", change.username(), change.reason(), ended,
                    change.keepSession() == null ? "" : ", the current one kept");
        } catch (RuntimeException e) {
            // the change is committed: its sessions are refused at their next write, and expire within two hours
            log.error("account {} {}, but its sessions could not be ended", change.username(), change.reason(), e);
        }
    }

    /** Puts the account as it is now into the current session, after its owner changed their own password in it. */
    public void refresh(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
        var fresh = accounts.loadUserByUsername(user.getUsername());
        fresh.eraseCredentials();
        var previous = SecurityContextHolder.getContext().getAuthentication();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
        authentication.setDetails(previous == null ? null : previous.getDetails());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
