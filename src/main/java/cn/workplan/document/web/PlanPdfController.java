package cn.workplan.document.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import cn.workplan.account.CurrentUser;
import cn.workplan.document.export.FileNames;
import cn.workplan.document.export.NoChineseFontException;
import cn.workplan.document.export.PlanPdf;
import cn.workplan.plan.PlanQueries;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** The plan as a PDF of the official document; without a Chinese font on the server, a page that says so. */
@Controller
class PlanPdfController {

    private final PlanQueries queries;
    private final PlanPdf pdf;

    PlanPdfController(PlanQueries queries, PlanPdf pdf) {
        this.queries = queries;
        this.pdf = pdf;
    }

    @GetMapping("/plans/{id}/export.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        var outline = queries.outline(id, user);
        if (!pdf.available()) {
            throw new PdfUnavailableException(id);
        }
        var file = pdf.render(outline);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(FileNames.safe(outline.plan().title()) + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(file);
    }

    /** 503 with a page in words: the server lacks a Chinese font, the administrator can install one. */
    @ExceptionHandler(PdfUnavailableException.class)
    ModelAndView unavailable(PdfUnavailableException e) {
        return new ModelAndView("document/pdf-unavailable", Map.of("planId", e.planId), HttpStatus.SERVICE_UNAVAILABLE);
    }

    static final class PdfUnavailableException extends NoChineseFontException {

        final long planId;

        PdfUnavailableException(long planId) {
            super("workplan.pdf.fonts");
            this.planId = planId;
        }
    }
}
