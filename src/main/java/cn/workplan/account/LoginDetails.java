package cn.workplan.account;

import java.io.Serial;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Where a login attempt comes from: the client's address (as the servlet container sees it, so behind a proxy
 * only what a trusted proxy forwarded) and the browser's trusted-device token, if it sent one. The token is not
 * kept with the logged-in session.
 */
final class LoginDetails extends WebAuthenticationDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The cookie that makes a browser a trusted device for the logins it succeeded with. */
    static final String DEVICE_COOKIE = "workplan-device";

    private final transient String deviceToken;

    LoginDetails(String remoteAddress, String sessionId, String deviceToken) {
        super(remoteAddress, sessionId);
        this.deviceToken = deviceToken;
    }

    static final AuthenticationDetailsSource<HttpServletRequest, LoginDetails> SOURCE = request -> {
        var session = request.getSession(false);
        return new LoginDetails(request.getRemoteAddr(), session == null ? null : session.getId(), deviceToken(request));
    };

    /** The device token the browser sent, if it looks like one of ours (anything else is ignored). */
    static String deviceToken(HttpServletRequest request) {
        var cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (DEVICE_COOKIE.equals(cookie.getName()) && cookie.getValue() != null
                    && cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
                return cookie.getValue();
            }
        }
        return null;
    }

    String deviceToken() {
        return deviceToken;
    }

    @Override
    public String toString() {
        return "LoginDetails[remoteAddress=" + getRemoteAddress() + "]";
    }
}
