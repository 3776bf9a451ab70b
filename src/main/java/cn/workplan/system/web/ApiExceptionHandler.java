package cn.workplan.system.web;

import java.util.ArrayList;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;
import cn.workplan.system.StaleEditException;
import cn.workplan.system.UnreadableFileException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the JSON API as RFC 7807 problem details, with messages in the caller's language: the application's own
 * exceptions, Spring MVC's (their details from the {@code problemDetail.*} messages, titled like the error pages), and
 * anything unexpected as a 500 that says nothing of the cause. Ordered first, so that a REST controller's exception
 * never reaches the pages' handlers. Errors that happen before a controller is chosen (an unknown address, a method not
 * allowed) are answered by {@link ErrorPageController}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ProblemDetail invalidInput(InvalidInputException e) {
        var problem = problem(HttpStatus.BAD_REQUEST, e.code(), e.arguments());
        problem.setProperty("field", e.field());
        return problem;
    }

    /**
     * An upload that cannot be read: 413 when it is too large, 503 with {@code Retry-After} when the server is busy
     * reading others, otherwise 400; {@code code} is the message key.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(UnreadableFileException e) {
        var status = e.code().endsWith(".tooLarge") ? HttpStatus.PAYLOAD_TOO_LARGE
                : e.code().endsWith(".busy") ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_REQUEST;
        var problem = problem(status, e.code(), e.arguments());
        problem.setProperty("code", e.code());
        var response = ResponseEntity.status(status);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response.body(problem);
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "error.404.text");
    }

    @ExceptionHandler
    ProblemDetail stale(StaleEditException e) {
        return problem(HttpStatus.CONFLICT, "error.staleEdit");
    }

    /** A parameter name Spring Security's firewall refuses (a control character in it), found while binding. */
    @ExceptionHandler
    ProblemDetail rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "error.400.text");
    }

    @ExceptionHandler
    ProblemDetail listIndex(InvalidListIndexException e) {
        return problem(HttpStatus.BAD_REQUEST, "error.input.index", e.parameter());
    }

    /**
     * Anything else: a status an exception declares, or 500, logged with its cause. Refusals of Spring Security go on to
     * its filters, which answer them as problems of their own (401, 403).
     */
    @ExceptionHandler
    ProblemDetail unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        var declared = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        if (declared != null) {
            return ErrorPageController.problem(declared.code(), null, messages);
        }
        log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        return ErrorPageController.problem(HttpStatus.INTERNAL_SERVER_ERROR, null, messages);
    }

    /** Spring MVC's own problems: titled like the error pages, explained by the status's text where no message says more. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        var response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        var status = HttpStatus.resolve(statusCode.value());
        if (response != null && response.getBody() instanceof ProblemDetail problem && status != null) {
            var general = ErrorPageController.problem(status, null, messages);
            problem.setTitle(general.getTitle());
            if (messages.getMessage(detailCode(ex), null, null, LocaleContextHolder.getLocale()) == null) {
                problem.setDetail(general.getDetail());
            }
        }
        return response;
    }

    /**
     * A body that did not pass its checks: the detail names each field with its message ("name：此项不能为空。"), where
     * Spring's own joins the bare messages with an English ", and "; {@code errors} lists them for programs.
     */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var response = super.handleMethodArgumentNotValid(ex, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            var locale = LocaleContextHolder.getLocale();
            var errors = new ArrayList<Map<String, String>>();
            var named = new ArrayList<String>();
            for (var error : ex.getBindingResult().getAllErrors()) {
                var field = error instanceof FieldError fieldError ? fieldError.getField() : ex.getObjectName();
                var message = messages.getMessage(error, locale);
                errors.add(Map.of("field", field, "message", message));
                named.add(messages.getMessage("api.fieldError", new Object[] {field, message}, locale));
            }
            problem.setDetail(messages.getMessage(detailCode(ex), new Object[] {"", String.join(" ", named)}, locale));
            problem.setProperty("errors", errors);
        }
        return response;
    }

    private static String detailCode(Exception ex) {
        if (ex instanceof TypeMismatchException) {
            return ErrorResponse.getDefaultDetailMessageCode(TypeMismatchException.class, null);
        }
        return ex instanceof ErrorResponse response ? response.getDetailMessageCode()
                : ErrorResponse.getDefaultDetailMessageCode(ex.getClass(), null);
    }

    private ProblemDetail problem(HttpStatus status, String code, Object... arguments) {
        return ErrorPageController.problem(status, new DefaultMessageSourceResolvable(new String[] {code}, arguments, code), messages);
    }
}
