package cn.workplan.document.web;

import java.nio.charset.StandardCharsets;

import cn.workplan.account.CurrentUser;
import cn.workplan.document.export.TaskTableWorkbook;
import cn.workplan.plan.PlanQueries;
import cn.workplan.plan.TaskFilter;
import cn.workplan.plan.TaskSheet;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The task table (任务分解表) as an Excel file, with the filters and sort of the page it is downloaded from. */
@Controller
class TaskTableExportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PlanQueries queries;
    private final TaskSheet sheet;
    private final TaskTableWorkbook workbook;

    TaskTableExportController(PlanQueries queries, TaskSheet sheet, TaskTableWorkbook workbook) {
        this.queries = queries;
        this.sheet = sheet;
        this.workbook = workbook;
    }

    @GetMapping("/plans/{id}/tasks.xlsx")
    ResponseEntity<byte[]> tasks(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @ModelAttribute TaskFilter filter) {
        var table = queries.taskTable(id, filter, user);
        var file = workbook.write(table, sheet.lines(table));
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(workbook.fileName(table), StandardCharsets.UTF_8).build().toString())
                .body(file);
    }
}
