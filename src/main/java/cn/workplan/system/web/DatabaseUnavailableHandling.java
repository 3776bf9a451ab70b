package cn.workplan.system.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.workplan.system.DatabaseUnavailable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A database that cannot be reached answers 503 ({@link UnavailableResponses}) wherever it is noticed: in a controller
 * (a resolver ahead of every {@code @ExceptionHandler}, so that no catch-all turns it into a 500), or in a filter before
 * any controller runs: the session lookup when sessions live in the database, the login, HTTP Basic (the outermost
 * filter, ahead of the session's and the security filters). Each is logged in one line, without a stack trace: the
 * cause is known, and the pool and the quick start's supervisor log what they do about it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailableHandling {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableHandling.class);

    @Bean
    FilterRegistrationBean<UnavailableFilter> databaseUnavailableFilter(UnavailableResponses responses) {
        var registration = new FilterRegistrationBean<>(new UnavailableFilter(responses));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }

    static final class UnavailableFilter extends OncePerRequestFilter {

        private final UnavailableResponses responses;

        UnavailableFilter(UnavailableResponses responses) {
            this.responses = responses;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | IOException | RuntimeException e) {
                if (!DatabaseUnavailable.causedBy(e)) {
                    throw e;
                }
                if (response.isCommitted()) {
                    // The answer was given before the database went: a redirect after a committed save, whose session
                    // was already stored when the redirect was sent, and whose closing write of the session failed.
                    // It stands as it is; turning it into an error now would deny a save that was made.
                    log.warn("Database unavailable after {} {} was answered {} ({})", request.getMethod(),
                            request.getRequestURI(), response.getStatus(), rootCause(e));
                    return;
                }
                answer(responses, request, response, e);
            }
        }
    }

    /** Ahead of the {@code @ControllerAdvice} handlers (order 0), behind Boot's recording of the error. */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    static class UnavailableResolver implements HandlerExceptionResolver {

        private final UnavailableResponses responses;

        UnavailableResolver(UnavailableResponses responses) {
            this.responses = responses;
        }

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
            if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
                return null;
            }
            try {
                answer(responses, request, response, e);
                return new ModelAndView();
            } catch (IOException | ServletException | RuntimeException failed) {
                log.warn("Could not answer 503 to {} {}", request.getMethod(), request.getRequestURI(), failed);
                return null;
            }
        }
    }

    private static void answer(UnavailableResponses responses, HttpServletRequest request, HttpServletResponse response,
            Exception e) throws IOException, ServletException {
        log.warn("Database unavailable: answered 503 to {} {} ({})", request.getMethod(), request.getRequestURI(), rootCause(e));
        responses.write(request, response);
    }

    private static String rootCause(Throwable e) {
        var cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
