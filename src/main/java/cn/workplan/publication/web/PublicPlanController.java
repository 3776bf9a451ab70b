package cn.workplan.publication.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import cn.workplan.document.export.FileNames;
import cn.workplan.document.export.OfficialDocx;
import cn.workplan.publication.PublicPlans;
import cn.workplan.system.NotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public pages (政务公开), open without logging in ({@code account.SecurityConfiguration} lets exactly these GETs
 * through): the index of the bureau's public plans by year, a public plan, its Word file and its PDF. Everything else
 * answers "not found". Answers may be kept by browsers and proxies for {@link #MAX_AGE} and carry an ETag
 * ({@link PublicPageCaching}), so a county website can link or embed the page; they vary by the language cookie.
 */
@Controller
class PublicPlanController {

    /** How long a public answer may be reused without asking again. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final PublicPlans plans;
    private final PublicFiles files;

    PublicPlanController(PublicPlans plans, PublicFiles files) {
        this.plans = plans;
        this.files = files;
    }

    @GetMapping("/public/plans")
    String index(Model model, HttpServletResponse response) {
        cacheable(response);
        model.addAttribute("plans", plans.index());
        return "publication/index";
    }

    @GetMapping("/public/plans/{id}")
    String plan(@PathVariable long id, Model model, HttpServletResponse response) {
        var plan = plans.plan(id).orElseThrow(() -> new NotFoundException("public plan", id));
        cacheable(response);
        model.addAttribute("page", plan);
        model.addAttribute("plan", plan.text().outline().plan());
        model.addAttribute("amendments", plan.text().amendments().stream().map(files::amendment).toList());
        return "publication/plan";
    }

    @GetMapping("/public/plans/{id}.docx")
    ResponseEntity<byte[]> word(@PathVariable long id) {
        var plan = plans.plan(id).orElseThrow(() -> new NotFoundException("public plan", id));
        return download(plan, ".docx", MediaType.parseMediaType(OfficialDocx.CONTENT_TYPE), files.docx(plan));
    }

    @GetMapping("/public/plans/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        var plan = plans.plan(id).orElseThrow(() -> new NotFoundException("public plan", id));
        if (!files.pdfAvailable()) {
            throw new PdfUnavailableException(id);
        }
        return download(plan, ".pdf", MediaType.APPLICATION_PDF, files.pdf(plan));
    }

    /** 503 with the plan PDF's page: the server lacks a Chinese font. */
    @ExceptionHandler(PdfUnavailableException.class)
    ModelAndView unavailable(PdfUnavailableException e) {
        return new ModelAndView("document/pdf-unavailable", Map.of("back", "/public/plans/" + e.planId, "backLabel", "publication.back"),
                HttpStatus.SERVICE_UNAVAILABLE);
    }

    private static ResponseEntity<byte[]> download(PublicPlans.PublicPlan plan, String extension, MediaType type, byte[] content) {
        var name = FileNames.safe(plan.text().outline().plan().title()) + extension;
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
                .varyBy(HttpHeaders.COOKIE)
                .contentType(type)
                .headers(headers -> headers.setContentDisposition(ContentDisposition.attachment().filename(name, UTF_8).build()))
                .body(content);
    }

    private static void cacheable(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.maxAge(MAX_AGE).cachePublic().getHeaderValue());
        response.setHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
    }

    static final class PdfUnavailableException extends RuntimeException {

        final long planId;

        PdfUnavailableException(long planId) {
            super("no Chinese font for the PDF of public plan " + planId);
            this.planId = planId;
        }
    }
}
