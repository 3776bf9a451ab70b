package cn.workplan.execution.web;

import cn.workplan.account.CurrentUser;
import cn.workplan.execution.EvidenceChecks;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The inspectors' worklist of evidence files (佐证核验), filtered by how they were checked. */
@Controller
class EvidenceChecksController {

    private final EvidenceChecks checks;

    EvidenceChecksController(EvidenceChecks checks) {
        this.checks = checks;
    }

    @GetMapping("/evidence")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "UNCHECKED") String verification, Model model) {
        model.addAttribute("rows", checks.list(verification, user));
        model.addAttribute("verification", verification);
        return "execution/evidence";
    }
}
