package cn.workplan.system.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.template.TemplateAvailabilityProviders;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the container shows when a request failed outside a controller's own handling (an address that does not exist,
 * a method not allowed, a refusal of Spring Security, an exception): the API's addresses get an RFC 7807 problem in the
 * caller's language, pages the layout with a title and an explanation from the messages ({@code error.404.title},
 * {@code error.404.text}, ...), or a message a filter or handler chose ({@link #MESSAGE}). A template
 * {@code error/<status>.html}, where there is one, serves that status instead of {@code error.html}.
 *
 * <p>Replaces Spring Boot's {@code BasicErrorController}, whose model put the status's English reason phrase under
 * {@code error}, the attribute the layout's flash messages read as a message key: every error page read
 * {@code ??Not Found_zh_CN??}. This model has no such attribute.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPageController implements ErrorController {

    /** A request attribute: the {@link MessageSourceResolvable} to show instead of the status's own text. */
    static final String MESSAGE = ErrorPageController.class.getName() + ".message";

    /** The statuses with a title and text of their own in the messages; others read {@code error.title} and {@code error.text}. */
    private static final java.util.Set<Integer> DESCRIBED = java.util.Set.of(400, 401, 403, 404, 405, 406, 409, 413, 415, 500);

    private final MessageSource messages;
    private final ObjectMapper json;
    private final ApplicationContext context;
    private final TemplateAvailabilityProviders templates;

    ErrorPageController(MessageSource messages, ObjectMapper json, ApplicationContext context) {
        this.messages = messages;
        this.json = json;
        this.context = context;
        this.templates = new TemplateAvailabilityProviders(context);
    }

    @RequestMapping
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var status = status(request);
        var message = request.getAttribute(MESSAGE) instanceof MessageSourceResolvable resolvable ? resolvable : null;
        if (ApiRequests.isApi(request)) {
            writeProblem(request, response, status, message);
            return null;
        }
        var page = page(status, message, messages);
        var specific = "error/" + status.value();
        if (templates.getProvider(specific, context) != null) {
            page.setViewName(specific);
        }
        return page;
    }

    /**
     * The error page of a status: {@code error.html} in the layout, titled and explained in the person's language; the
     * message replaces the status's text when given.
     */
    static ModelAndView page(HttpStatus status, MessageSourceResolvable message, MessageSource messages) {
        var locale = LocaleContextHolder.getLocale();
        var page = new ModelAndView("error", Map.of(
                "status", status.value(),
                "title", title(status, messages, locale),
                "text", message != null ? messages.getMessage(message, locale) : text(status, messages, locale)), status);
        return page;
    }

    /** A problem detail of the status, titled and explained in the caller's language. */
    static ProblemDetail problem(HttpStatus status, MessageSourceResolvable message, MessageSource messages) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(status,
                message != null ? messages.getMessage(message, locale) : text(status, messages, locale));
        problem.setTitle(title(status, messages, locale));
        return problem;
    }

    private void writeProblem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            MessageSourceResolvable message) throws IOException {
        var problem = problem(status, message, messages);
        // Spring MVC's refusal, where it left one (a method or content type not taken): its own words say more to a script
        if (message == null && request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE) instanceof ErrorResponse refusal) {
            var locale = LocaleContextHolder.getLocale();
            if (messages.getMessage(refusal.getDetailMessageCode(), null, null, locale) != null) {
                problem.setDetail(refusal.updateAndGetBody(messages, locale).getDetail());
            }
        }
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            problem.setInstance(URI.create(uri));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String title(HttpStatus status, MessageSource messages, Locale locale) {
        return DESCRIBED.contains(status.value()) ? messages.getMessage("error." + status.value() + ".title", null, locale)
                : messages.getMessage("error.title", null, locale);
    }

    private static String text(HttpStatus status, MessageSource messages, Locale locale) {
        return DESCRIBED.contains(status.value()) ? messages.getMessage("error." + status.value() + ".text", null, locale)
                : messages.getMessage("error.text", new Object[] {status.value()}, locale);
    }

    private static HttpStatus status(HttpServletRequest request) {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        var status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
