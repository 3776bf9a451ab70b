package cn.workplan.document.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Map;

import cn.workplan.account.CurrentUser;
import cn.workplan.document.export.FileNames;
import cn.workplan.document.export.NoChineseFontException;
import cn.workplan.document.export.PlanDocxWriter;
import cn.workplan.document.export.PlanPdf;
import cn.workplan.document.export.TaskTableWorkbook;
import cn.workplan.plan.PlanQueries;
import cn.workplan.plan.TaskFilter;
import cn.workplan.plan.TaskSheet;

import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * Plans as files to download, for whoever may read the plan (the queries check): the official document in
 * Word's format and as a PDF, and the task table as an Excel workbook with the page's filters and sort.
 */
@Controller
class PlanExportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PlanQueries queries;
    private final PlanDocxWriter docx;
    private final PlanPdf pdf;
    private final TaskSheet sheet;
    private final TaskTableWorkbook workbook;

    PlanExportController(PlanQueries queries, PlanDocxWriter docx, PlanPdf pdf, TaskSheet sheet, TaskTableWorkbook workbook) {
        this.queries = queries;
        this.docx = docx;
        this.pdf = pdf;
        this.sheet = sheet;
        this.workbook = workbook;
    }

    /** The plan as an official document (GB/T 9704-2012) in Word's format. */
    @GetMapping("/plans/{id}/export.docx")
    ResponseEntity<byte[]> docx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        var file = docx.write(id, user);
        return download(file.name(), MediaType.parseMediaType(file.contentType()), file.content());
    }

    /** The official document as a PDF; without a Chinese font on the server, a page that says so. */
    @GetMapping("/plans/{id}/export.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        var outline = queries.outline(id, user);
        if (!pdf.available()) {
            throw new PdfUnavailableException(id);
        }
        return download(FileNames.safe(outline.plan().title()) + ".pdf", MediaType.APPLICATION_PDF, pdf.render(outline));
    }

    /** The task table (任务分解表) as an Excel file, with the filters and sort of the page it is downloaded from. */
    @GetMapping("/plans/{id}/tasks.xlsx")
    ResponseEntity<byte[]> tasks(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute TaskFilter filter) {
        var table = queries.taskTable(id, filter, user);
        return download(workbook.fileName(table), XLSX, workbook.write(table, sheet.lines(table)));
    }

    /** 503 with a page in words: the server lacks a Chinese font, the administrator can install one. */
    @ExceptionHandler(PdfUnavailableException.class)
    ModelAndView unavailable(PdfUnavailableException e) {
        return new ModelAndView("document/pdf-unavailable",
                Map.of("back", "/plans/" + e.planId + "/document", "backLabel", "export.pdf.unavailable.back"), HttpStatus.SERVICE_UNAVAILABLE);
    }

    private static ResponseEntity<byte[]> download(String fileName, MediaType type, byte[] content) {
        return ResponseEntity.ok()
                .contentType(type)
                .headers(headers -> headers.setContentDisposition(ContentDisposition.attachment().filename(fileName, UTF_8).build()))
                .body(content);
    }

    static final class PdfUnavailableException extends NoChineseFontException {

        final long planId;

        PdfUnavailableException(long planId) {
            super("workplan.pdf.fonts");
            this.planId = planId;
        }
    }
}
