package cn.workplan.system.web;

import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;
import cn.workplan.system.StaleEditException;
import cn.workplan.system.UnreadableFileException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Errors of the JSON API as RFC 7807 problem details, with messages in the caller's language. */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ProblemDetail invalidInput(InvalidInputException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(e.code(), e.arguments(), e.code(), LocaleContextHolder.getLocale()));
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
        var problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(e.code(), e.arguments(), e.code(), LocaleContextHolder.getLocale()));
        problem.setProperty("code", e.code());
        var response = ResponseEntity.status(status);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response.body(problem);
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("error.404.text", null, LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler
    ProblemDetail stale(StaleEditException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("error.staleEdit", null, LocaleContextHolder.getLocale()));
    }
}
