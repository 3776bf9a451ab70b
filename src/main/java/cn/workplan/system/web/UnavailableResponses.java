package cn.workplan.system.web;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The answer while the database is away: 503 with {@code Retry-After}, the page "服务暂时不可用，请稍后再试" in the layout,
 * or an RFC 7807 problem for {@code /api/**}. Rendered without the session and the CSRF token: when the sessions live
 * in the database, touching them would fail again.
 */
@Component
class UnavailableResponses {

    static final String RETRY_AFTER_SECONDS = "5";

    private final ThymeleafViewResolver views;
    private final LocaleResolver locales;
    private final MessageSource messages;
    private final ObjectMapper json;

    UnavailableResponses(ThymeleafViewResolver thymeleafViewResolver, LocaleResolver localeResolver, MessageSource messages,
            ObjectMapper json) {
        this.views = thymeleafViewResolver;
        this.locales = localeResolver;
        this.messages = messages;
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        var locale = locales.resolveLocale(request);
        response.reset();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setCharacterEncoding("UTF-8");
        if (isApi(request)) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    messages.getMessage("error.503.text", null, locale));
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
        try {
            var view = views.resolveViewName("error/503", locale);
            if (view == null) {
                throw new IllegalStateException("no template error/503");
            }
            view.render(Map.of("status", HttpStatus.SERVICE_UNAVAILABLE.value()), new WithoutSession(request), response);
        } catch (IOException | ServletException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException("could not render the 503 page", e);
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/actuator/");
    }

    /** The request as the 503 page sees it: no session to read, no CSRF token to load from it. */
    private static final class WithoutSession extends HttpServletRequestWrapper {

        WithoutSession(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession(boolean create) {
            return null;
        }

        @Override
        public HttpSession getSession() {
            return null;
        }

        @Override
        public Object getAttribute(String name) {
            return "_csrf".equals(name) || CsrfToken.class.getName().equals(name) ? null : super.getAttribute(name);
        }
    }
}
