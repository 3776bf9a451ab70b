package cn.workplan.document.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import cn.workplan.account.CurrentUser;
import cn.workplan.document.export.ExportedFile;
import cn.workplan.document.export.PlanDocxWriter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Plans as files to download, for whoever may read the plan. */
@Controller
class PlanExportController {

    private final PlanDocxWriter docx;

    PlanExportController(PlanDocxWriter docx) {
        this.docx = docx;
    }

    /** The plan as an official document (GB/T 9704-2012) in Word's format. */
    @GetMapping("/plans/{id}/export.docx")
    ResponseEntity<byte[]> docx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return download(docx.write(id, user));
    }

    private static ResponseEntity<byte[]> download(ExportedFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .headers(headers -> headers.setContentDisposition(ContentDisposition.attachment().filename(file.name(), UTF_8).build()))
                .body(file.content());
    }
}
