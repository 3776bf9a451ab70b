package cn.workplan.system.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Errors of the browser pages that deserve a message rather than an error page. */
@ControllerAdvice(annotations = Controller.class)
class WebExceptionHandler {

    /** An upload over the size limit: back to the form it came from, with a message. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, RedirectAttributes flash) {
        flash.addFlashAttribute("error", "upload.error.tooLarge");
        return "redirect:" + request.getServletPath();
    }
}
