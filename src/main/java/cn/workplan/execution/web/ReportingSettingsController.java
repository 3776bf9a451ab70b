package cn.workplan.execution.web;

import cn.workplan.account.CurrentUser;
import cn.workplan.execution.ReportCycle;
import cn.workplan.execution.ReportingSettings;
import cn.workplan.system.InvalidInputException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A plan's reporting settings (填报设置): monthly or quarterly, and the due day. */
@Controller
class ReportingSettingsController {

    private final ReportingSettings settings;

    ReportingSettingsController(ReportingSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/plans/{id}/reporting")
    String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("settings", settings.of(id, user));
        model.addAttribute("cycles", ReportCycle.values());
        return "execution/reporting";
    }

    @PostMapping("/plans/{id}/reporting")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam ReportCycle cycle,
            @RequestParam int dueDay, RedirectAttributes flash) {
        try {
            settings.update(id, cycle, dueDay, user);
            flash.addFlashAttribute("message", "reporting.saved");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
        }
        return "redirect:/plans/" + id + "/reporting";
    }
}
