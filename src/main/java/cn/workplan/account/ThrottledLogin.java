package cn.workplan.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password logins, form and HTTP Basic alike, through {@link LoginThrottle}: an attempt whose keys must wait is
 * refused before the password is looked at; otherwise the password is checked and the outcome counted.
 *
 * <p>A missing login and a wrong password give the same answer, after the same work (Spring's provider hashes a
 * dummy password for a login that does not exist). Whether an account is deactivated is said only to someone who
 * gave its right password.
 */
class ThrottledLogin implements AuthenticationProvider {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledLogin(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(encoder);
        this.passwords.setUserDetailsService(users);
        // no account state before the password is checked: it would tell a guesser which logins exist
        this.passwords.setPreAuthenticationChecks(user -> {
        });
        this.passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("account deactivated");
            }
        });
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        var details = attempt.getDetails() instanceof LoginDetails known ? known : new LoginDetails(null, null, null);
        var keys = throttle.keysOf(attempt.getName(), details.getRemoteAddress(), details.deviceToken());
        var wait = throttle.claim(keys);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        try {
            var result = passwords.authenticate(attempt);
            throttle.succeeded(keys);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(keys);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * After a successful form login: the browser becomes (or stays) a trusted device of this login, its cookie
     * renewed for the whole validity.
     */
    void trustBrowser(HttpServletRequest request, HttpServletResponse response, String login, Duration validity,
            boolean secureCookie) {
        var token = LoginDetails.deviceToken(request);
        if (token == null) {
            var bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        throttle.trust(token, login);
        var cookie = ResponseCookie.from(LoginDetails.DEVICE_COOKIE, token)
                .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                .maxAge(validity)
                .httpOnly(true)
                .secure(secureCookie || request.isSecure())
                .sameSite("Lax")
                .build();
        response.addHeader("Set-Cookie", cookie.toString());
    }
}
