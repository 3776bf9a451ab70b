package cn.workplan.plan.web;

import java.time.LocalDate;

import jakarta.validation.Valid;

import cn.workplan.account.CurrentUser;
import cn.workplan.plan.CopyData;
import cn.workplan.plan.Numbering;
import cn.workplan.plan.PlanData;
import cn.workplan.plan.PlanKind;
import cn.workplan.plan.PlanQueries;
import cn.workplan.plan.PlanService;
import cn.workplan.plan.PublishData;
import cn.workplan.system.FormTokens;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Plans as a whole: the list, the header form, the workflow buttons, next year's copy. */
@Controller
@RequestMapping("/plans")
class PlanController {

    private final PlanService plans;
    private final PlanQueries queries;
    private final FormTokens tokens;

    PlanController(PlanService plans, PlanQueries queries, FormTokens tokens) {
        this.plans = plans;
        this.queries = queries;
        this.tokens = tokens;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("plans", queries.list(user));
        model.addAttribute("canCreate", PlanService.canCreate(user));
        return "plan/list";
    }

    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        PlanService.checkCanCreate(user);
        return form(model, PlanData.forYear(LocalDate.now().getYear() + (LocalDate.now().getMonthValue() >= 10 ? 1 : 0)), null);
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("plan") PlanData plan,
            BindingResult result, @RequestParam(name = FormTokens.PARAMETER, required = false) String formToken,
            Model model, RedirectAttributes flash) {
        PlanService.checkCanCreate(user);
        if (!result.hasErrors()) {
            try {
                return tokens.once(formToken, "/plans", () -> "/plans/" + plans.create(plan, user)).redirect(flash, "plan.created");
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.code(), e.arguments(), e.code());
            }
        }
        return form(model, plan, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        var header = queries.header(id, user);
        Permissions.require(header.can().editHeader());
        return form(model, header.toData(), id);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute("plan") PlanData plan, BindingResult result, Model model, RedirectAttributes flash) {
        Permissions.require(queries.header(id, user).can().editHeader());
        if (!result.hasErrors()) {
            try {
                plans.update(id, plan, user);
                flash.addFlashAttribute("message", "plan.updated");
                return "redirect:/plans/" + id;
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.code(), e.arguments(), e.code());
            } catch (StaleEditException e) {
                result.reject("error.staleEdit");
                model.addAttribute("current", queries.header(id, user));
            }
        }
        return form(model, plan, id);
    }

    @PostMapping("/{id}/submit")
    String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
        return step(id, flash, "plan.submitted", () -> plans.submit(id, user));
    }

    @PostMapping("/{id}/return")
    String returnToDraft(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
        return step(id, flash, "plan.returned", () -> plans.returnToDraft(id, user));
    }

    @PostMapping("/{id}/close")
    String close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
        return step(id, flash, "plan.closed", () -> plans.close(id, user));
    }

    @GetMapping("/{id}/publish")
    String publishForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        var header = queries.header(id, user);
        Permissions.require(header.can().publish());
        model.addAttribute("header", header);
        model.addAttribute("publish", new PublishData("", LocalDate.now()));
        return "plan/publish";
    }

    @PostMapping("/{id}/publish")
    String publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute("publish") PublishData publish, BindingResult result, Model model, RedirectAttributes flash) {
        Permissions.require(queries.header(id, user).can().publish());
        if (!result.hasErrors()) {
            try {
                plans.publish(id, publish, user);
                flash.addFlashAttribute("message", "plan.published");
                return "redirect:/plans/" + id;
            } catch (InvalidInputException e) {
                result.reject(e.code(), e.arguments(), e.code());
            }
        }
        model.addAttribute("header", queries.header(id, user));
        return "plan/publish";
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
        plans.delete(id, user);
        flash.addFlashAttribute("message", "plan.deleted");
        return "redirect:/plans";
    }

    @GetMapping("/{id}/copy")
    String copyForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        var header = queries.header(id, user);
        Permissions.require(header.can().copy());
        model.addAttribute("header", header);
        model.addAttribute("copy", new CopyData(header.year() + 1, header.title().replace(
                Integer.toString(header.year()), Integer.toString(header.year() + 1))));
        return "plan/copy";
    }

    @PostMapping("/{id}/copy")
    String copy(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("copy") CopyData copy,
            BindingResult result, @RequestParam(name = FormTokens.PARAMETER, required = false) String formToken,
            Model model, RedirectAttributes flash) {
        Permissions.require(queries.header(id, user).can().copy());
        if (!result.hasErrors()) {
            try {
                return tokens.once(formToken, "/plans", () -> "/plans/" + plans.copy(id, copy, user)).redirect(flash, "plan.copied");
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.code(), e.arguments(), e.code());
            }
        }
        model.addAttribute("header", queries.header(id, user));
        return "plan/copy";
    }

    private String form(Model model, PlanData plan, Long id) {
        model.addAttribute("plan", plan);
        model.addAttribute("planId", id);
        model.addAttribute("kinds", PlanKind.values());
        model.addAttribute("numberings", Numbering.values());
        return "plan/form";
    }

    private static String step(long id, RedirectAttributes flash, String message, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", message);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
        }
        return "redirect:/plans/" + id;
    }
}
