package cn.workplan.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import cn.workplan.system.DatabaseUnavailable;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Two filter chains. {@code /api/**} and {@code /actuator/**} take HTTP Basic or the browser session and
 * answer errors as RFC 7807 problem details; a request with Basic credentials needs no CSRF token.
 * Everything else is the browser application: form login, CSRF on every form, sessions (in the database, see
 * {@link SessionConfiguration}). Both refuse writes with a login the account no longer matches ({@link StaleLoginFilter}).
 * Finer rules live on the controllers as {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The public pages (政务公开) are read without logging in, and a county website may show them in a frame: no script at
     * all, no form, any site may embed them. Nothing on them acts on anyone's behalf, so framing them risks nothing.
     */
    static final String PUBLIC_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors *";

    /** The public pages, and nothing else: the index of public plans, a plan, its Word file and its PDF (GET only). */
    static final RequestMatcher PUBLIC_PAGES = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/public/plans"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/public/plans/{plan}"));

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The only authentication provider, for form logins and HTTP Basic alike. */
    @Bean
    ThrottledLogin throttledLogin(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        return new ThrottledLogin(users, encoder, throttle);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json, JdbcClient jdbc, MessageSource messages,
            LocaleResolver locales)
            throws Exception {
        // in the caller's language, as every other problem of the API (these come before Spring MVC sets it)
        ProblemWriter problems = (request, response, status) -> writeProblem(json, request, response, status,
                messages.getMessage("error." + status.value() + ".title", null, locales.resolveLocale(request)),
                messages.getMessage("error." + status.value() + ".text", null, locales.resolveLocale(request)));
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
            // credentials that could not be checked are not wrong: the filter that answers 503 takes over
            DatabaseUnavailable.rethrowIfCause(exception);
            if (exception instanceof LoginThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.seconds()));
                var locale = locales.resolveLocale(request);
                writeProblem(json, request, response, HttpStatus.TOO_MANY_REQUESTS,
                        messages.getMessage("error.429.title", null, locale),
                        messages.getMessage("login.error.wait", new Object[] {throttled.seconds()}, locale));
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Workplan\", charset=\"UTF-8\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED);
        };
        AccessDeniedHandler forbidden = (request, response, exception) -> {
            // a script that sent no credentials at all fails the CSRF check first: tell it to log in, not "forbidden"
            if (exception instanceof CsrfException && SecurityContextHolder.getContext().getAuthentication() == null) {
                unauthorized.commence(request, response, null);
                return;
            }
            problems.write(request, response, HttpStatus.FORBIDDEN);
        };
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Workplan").authenticationEntryPoint(unauthorized)
                        .authenticationDetailsSource(LoginDetails.SOURCE))
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::hasBasicCredentials))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterBefore(new StaleLoginFilter(jdbc), AuthorizationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, SecurityProperties properties, ThrottledLogin logins, JdbcClient jdbc,
            ServerProperties server) throws Exception {
        // the trusted-browser cookie is Secure like the session's: always when configured so, else over HTTPS
        boolean secureCookies = Boolean.TRUE.equals(server.getServlet().getSession().getCookie().getSecure());
        var redirects = new DefaultRedirectStrategy();
        // the same answer for a login that does not exist and a wrong password; "deactivated" only after the right one
        AuthenticationFailureHandler failures = (request, response, exception) -> {
            // a password that could not be checked is not a wrong one: the filter that answers 503 takes over
            DatabaseUnavailable.rethrowIfCause(exception);
            var target = "/login?error";
            if (exception instanceof LoginThrottledException throttled) {
                target = "/login?wait=" + throttled.seconds();
            } else if (exception instanceof DisabledException) {
                target = "/login?disabled";
            }
            redirects.sendRedirect(request, response, target);
        };
        var afterLogin = new SavedRequestAwareAuthenticationSuccessHandler();
        AuthenticationSuccessHandler trusted = (request, response, authentication) -> {
            logins.trustBrowser(request, response, authentication.getName(), properties.trustedDeviceValidity(), secureCookies);
            afterLogin.onAuthenticationSuccess(request, response, authentication);
        };
        var login = new LoginUrlAuthenticationEntryPoint("/login");
        AuthenticationEntryPoint htmxLogin = (request, response, exception) -> {
            // an htmx request after the session expired: make the page load the login page in full
            response.setHeader("HX-Redirect", request.getContextPath() + "/login");
            response.sendError(HttpStatus.UNAUTHORIZED.value());
        };
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").authenticationDetailsSource(LoginDetails.SOURCE)
                        .successHandler(trusted).failureHandler(failures).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(htmxLogin, new RequestHeaderRequestMatcher("HX-Request", "true"))
                        .defaultAuthenticationEntryPointFor(login, request -> true))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterBefore(new StaleLoginFilter(jdbc), AuthorizationFilter.class)
                .headers(headers -> headers
                        // the public pages may be framed by a county website; every other page by nobody
                        .frameOptions(frame -> frame.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(PUBLIC_PAGES),
                                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(PUBLIC_PAGES,
                                new ContentSecurityPolicyHeaderWriter(PUBLIC_CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(PUBLIC_PAGES),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy("camera=(self), geolocation=(), microphone=()")));
        return http.build();
    }

    /**
     * Whether the request carries HTTP Basic credentials, as scripts send them. Any other Authorization header
     * (a made-up {@code Bearer} token) authenticates nothing, so it must not spare a call that rides on the
     * browser session its CSRF token.
     */
    private static boolean hasBasicCredentials(HttpServletRequest request) {
        var authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private interface ProblemWriter {
        void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws IOException;
    }

    private static void writeProblem(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
            HttpStatus status, String title, String detail) throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
