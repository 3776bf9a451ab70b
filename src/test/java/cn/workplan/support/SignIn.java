package cn.workplan.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.EnumMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;

import cn.workplan.account.Role;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Makes a MockMvc request come from a real account, with the {@code CurrentUser} principal the
 * controllers expect: {@code mvc.perform(get("/").with(signIn.as(Role.ADMIN)))}. One shared account per
 * role; tests that change an account (lock, deactivate) make their own with {@link TestData#user(Role)}
 * and sign in with {@link #as(String)}.
 */
@TestComponent
public class SignIn {

    private static final AtomicInteger addresses = new AtomicInteger();

    private final TestData data;
    private final UserDetailsService userDetails;
    private final Map<Role, String> logins = new EnumMap<>(Role.class);

    public SignIn(TestData data, UserDetailsService userDetails) {
        this.data = data;
        this.userDetails = userDetails;
    }

    /** The shared account of the role, signed in for one request (as after a form login). */
    public RequestPostProcessor as(Role role) {
        return as(login(role));
    }

    /** The account, as it is in the database now, signed in for one request. */
    public RequestPostProcessor as(String login) {
        return user(userDetails.loadUserByUsername(login));
    }

    /** HTTP Basic credentials of the shared account of the role, as a script sends them. */
    public RequestPostProcessor basic(Role role) {
        return httpBasic(login(role), TestData.PASSWORD);
    }

    /** The login name of the shared account of the role, created on first use. */
    public synchronized String login(Role role) {
        return logins.computeIfAbsent(role, data::user);
    }

    /**
     * A form login as a browser sends it, from a client address of its own: the login throttle counts failures per
     * address too, and the tests' failures must not add up on 127.0.0.1 to hold back every later test's logins.
     */
    public static MockHttpServletRequestBuilder formLogin(String login, String password) {
        return post("/login").param("username", login).param("password", password).with(csrf()).with(fromNewAddress());
    }

    /** The request comes from a client address no other request of the test run used. */
    public static RequestPostProcessor fromNewAddress() {
        return from(newAddress());
    }

    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** An address in 10.0.0.0/8 that no other call returned. */
    public static String newAddress() {
        int n = addresses.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }
}
