package cn.workplan.publication.web;

import jakarta.validation.Valid;

import cn.workplan.account.CurrentUser;
import cn.workplan.publication.PublicationSettings;
import cn.workplan.publication.Publications;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.StaleEditException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The general office's page for a plan's public page (政务公开): what it shows (索引号, 发布机构, 主题分类, the progress
 * table), making it public or changing it, and withdrawing it.
 */
@Controller
class PublicationController {

    private final Publications publications;

    PublicationController(Publications publications) {
        this.publications = publications;
    }

    @GetMapping("/plans/{planId}/publication")
    String page(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId, Model model) {
        var settings = publications.settings(planId, user);
        model.addAttribute("settings", settings);
        model.addAttribute("plan", settings.plan());
        model.addAttribute("form", settings.publication().toSettings());
        return "publication/settings";
    }

    @PostMapping("/plans/{planId}/publication")
    String publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId,
            @Valid @ModelAttribute("form") PublicationSettings form, BindingResult binding, Model model, RedirectAttributes flash) {
        var settings = publications.settings(planId, user);
        if (!settings.publishable()) {
            // a draft or a plan in review: nothing to correct on the form, which the page does not show
            flash.addFlashAttribute("error", "publication.error.notPublished");
            return "redirect:/plans/" + planId + "/publication";
        }
        if (!binding.hasErrors()) {
            try {
                publications.publish(planId, form, user);
                flash.addFlashAttribute("message", settings.publication().isPublic() ? "publication.saved" : "publication.published");
                return "redirect:/plans/" + planId + "/publication";
            } catch (InvalidInputException e) {
                if ("plan".equals(e.field())) {
                    flash.addFlashAttribute("error", e.code());
                    return "redirect:/plans/" + planId + "/publication";
                }
                binding.rejectValue(e.field(), e.code(), e.arguments(), e.code());
            } catch (StaleEditException e) {
                binding.reject("publication.error.stale");
                settings = publications.settings(planId, user);
            }
        }
        model.addAttribute("settings", settings);
        model.addAttribute("plan", settings.plan());
        return "publication/settings";
    }

    @PostMapping("/plans/{planId}/publication/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId, @RequestParam(required = false) Long version,
            RedirectAttributes flash) {
        try {
            publications.withdraw(planId, version, user);
            flash.addFlashAttribute("message", "publication.withdrawn");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
        } catch (StaleEditException e) {
            flash.addFlashAttribute("error", "publication.error.stale");
        }
        return "redirect:/plans/" + planId + "/publication";
    }
}
