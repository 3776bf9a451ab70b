package cn.workplan.support;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Opens a {@link Browser} for an account, as if its owner had logged in. */
@TestComponent
public class Browsers {

    private final MockMvc mvc;
    private final UserDetailsService users;

    public Browsers(MockMvc mvc, UserDetailsService users) {
        this.mvc = mvc;
        this.users = users;
    }

    /** A browser logged in as the account (made with {@link TestData}), with a session of its own. */
    public Browser as(String login) {
        return new Browser(mvc, users.loadUserByUsername(login));
    }
}
