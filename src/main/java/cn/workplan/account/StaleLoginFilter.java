package cn.workplan.account;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Defence in depth behind {@link AccountSessions}: a request that would change something, made with a login the
 * account no longer matches (deactivated, another role, office or school, a new password since), is treated as
 * not logged in, and its session ends. So a session that outlived its revocation (a request under way at the
 * moment of the change, a login racing it) can never write with the old role or on the old school's lines: the
 * services check ownership against the {@link CurrentUser} of the session, and this one no longer passes. One
 * statement on the account's primary key per POST; pages that only read are left to the revocation.
 */
final class StaleLoginFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StaleLoginFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final JdbcClient jdbc;

    StaleLoginFilter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod())) {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user && !current(user)) {
                log.warn("{} {} refused: the login of {} no longer matches the account; its session ends",
                        request.getMethod(), request.getRequestURI(), user.getUsername());
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                // the authorisation that follows sees nobody logged in: the login page, or 401 on the API
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }

    private boolean current(CurrentUser user) {
        // the comment marks it as the session's own statement for the tests that count a page's statements
        return jdbc.sql("/* login check */ select active, role, office_id, school_id, password_changed_at from app_user where id = :id")
                .param("id", user.id())
                .query(Account.class).optional()
                .filter(account -> account.active() && account.role() == user.role()
                        && Objects.equals(account.officeId(), user.officeId())
                        && Objects.equals(account.schoolId(), user.schoolId())
                        && account.passwordChangedAt().toInstant().equals(user.passwordChangedAt()))
                .isPresent();
    }

    private record Account(boolean active, Role role, Long officeId, Long schoolId, OffsetDateTime passwordChangedAt) {
    }
}
