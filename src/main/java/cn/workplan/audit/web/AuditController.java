package cn.workplan.audit.web;

import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditFilter;
import cn.workplan.audit.AuditQueries;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrators' view of the audit record, filtered through the URL. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    /** Kinds of record the audit page offers as a filter. */
    static final java.util.List<String> ENTITY_TYPES = java.util.List.of("OFFICE", "SCHOOL", "USER", "PLAN", "ASSIGNMENT", "REPORT", "NOTICE",
            "EXTENSION", "SIGN_OFF", "SUMMARY");

    private final AuditQueries audit;

    AuditController(AuditQueries audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String list(@ModelAttribute("filter") AuditFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("entries", audit.search(filter, page));
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("entityTypes", ENTITY_TYPES);
        return "audit/list";
    }
}
