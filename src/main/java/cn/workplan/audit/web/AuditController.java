package cn.workplan.audit.web;

import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditFilter;
import cn.workplan.audit.AuditLabels;
import cn.workplan.audit.AuditQueries;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrators' view of the audit record, filtered through the URL. The template puts codes into words with
 * {@link AuditLabels}; the kinds of record offered as a filter are those the modules describe.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditQueries audit;
    private final AuditLabels labels;

    AuditController(AuditQueries audit, AuditLabels labels) {
        this.audit = audit;
        this.labels = labels;
    }

    @GetMapping("/admin/audit")
    String list(@ModelAttribute("filter") AuditFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("entries", audit.search(filter, page));
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("entityTypes", labels.types());
        return "audit/list";
    }
}
