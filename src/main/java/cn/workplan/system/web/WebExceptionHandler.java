package cn.workplan.system.web;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Errors of the browser pages that deserve a message rather than a bare error page. */
@ControllerAdvice(annotations = Controller.class)
class WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(WebExceptionHandler.class);

    private final MessageSource messages;

    WebExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * An upload over the size limit: back to the form it came from, with a message. {@link InputFilter} answers these
     * before a controller is reached; this is for an upload resolved by someone else.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, RedirectAttributes flash) {
        flash.addFlashAttribute("error", "upload.error.tooLarge");
        return "redirect:" + request.getServletPath();
    }

    /** A form naming a list element it cannot have: the error page, saying so. */
    @ExceptionHandler
    ModelAndView listIndex(InvalidListIndexException e, HttpServletRequest request) {
        log.info("refused {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return ErrorPageController.page(HttpStatus.BAD_REQUEST,
                new DefaultMessageSourceResolvable(new String[] {"error.input.index"}, new Object[] {e.parameter()}), messages);
    }
}
