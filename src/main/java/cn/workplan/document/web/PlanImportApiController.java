package cn.workplan.document.web;

import java.io.IOException;
import java.io.InputStream;

import cn.workplan.account.CurrentUser;
import cn.workplan.document.BureauOffices;
import cn.workplan.document.DocumentImportException;
import cn.workplan.document.ImportResult;
import cn.workplan.document.PlanImporter;
import cn.workplan.plan.PlanService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The import preview for scripts and integrations: a document in, the outline it was read as out, as JSON.
 * Nothing is saved. Pasted text comes as a {@code text/plain} body (UTF-8, or GB18030 detected), a file as
 * the multipart part {@code file}; {@code ?simplified=true} converts Traditional characters. Errors are
 * problem details (RFC 7807) whose {@code code} is the message key.
 */
@RestController
@RequestMapping("/api/plans/import")
class PlanImportApiController {

    /** A text body is read up to this size, then refused; the importer's own limit for text is lower. */
    static final int MAX_TEXT_BODY = 4 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(PlanImportApiController.class);

    private final PlanImporter importer;
    private final BureauOffices offices;

    PlanImportApiController(PlanImporter importer, BureauOffices offices) {
        this.importer = importer;
        this.offices = offices;
    }

    @PostMapping(path = "/preview", consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ImportResult previewText(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
            @RequestParam(defaultValue = "false") boolean simplified) throws IOException, DocumentImportException {
        checkMayImport(user);
        byte[] body = readAtMost(request.getInputStream(), MAX_TEXT_BODY);
        var result = importer.importFile("body.txt", body, offices.options(simplified));
        log.info("Import preview by {} via API: text of {} bytes, {} plan(s)", user.getUsername(), body.length, result.plans().size());
        return result;
    }

    @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ImportResult previewFile(@AuthenticationPrincipal CurrentUser user, @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean simplified) throws IOException, DocumentImportException {
        checkMayImport(user);
        var result = importer.importFile(file.getOriginalFilename(), file.getBytes(), offices.options(simplified));
        log.info("Import preview by {} via API: {} ({} bytes), {} plan(s)", user.getUsername(), file.getOriginalFilename(),
                file.getSize(), result.plans().size());
        return result;
    }

    private static void checkMayImport(CurrentUser user) {
        if (!PlanService.canCreate(user)) {
            throw new AccessDeniedException("only those who arrange plans may import them");
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException, DocumentImportException {
        byte[] content = in.readNBytes(limit + 1);
        if (content.length > limit) {
            throw new DocumentImportException("document.import.error.tooLarge", limit / 1024 / 1024);
        }
        return content;
    }
}
