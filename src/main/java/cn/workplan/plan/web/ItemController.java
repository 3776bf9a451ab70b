package cn.workplan.plan.web;

import jakarta.validation.Valid;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.org.OfficeService;
import cn.workplan.org.SchoolService;
import cn.workplan.plan.TargetComparator;
import cn.workplan.plan.DeadlineKind;
import cn.workplan.plan.ItemData;
import cn.workplan.plan.ItemQueries;
import cn.workplan.plan.OutlineService;
import cn.workplan.plan.PlanQueries;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A task item: its page, the form that creates and edits it, its history and review comments. */
@Controller
class ItemController {

    private final OutlineService outline;
    private final ItemQueries items;
    private final PlanQueries plans;
    private final OfficeService offices;
    private final SchoolService schools;
    private final FormTokens tokens;

    ItemController(OutlineService outline, ItemQueries items, PlanQueries plans, OfficeService offices, SchoolService schools,
            FormTokens tokens) {
        this.tokens = tokens;
        this.outline = outline;
        this.items = items;
        this.plans = plans;
        this.offices = offices;
        this.schools = schools;
    }

    @GetMapping("/plans/{planId}/items/new")
    String createForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId,
            @RequestParam(required = false) Long parent, Model model) {
        var header = plans.header(planId, user);
        Permissions.require(header.can().addItems());
        model.addAttribute("parentId", parent);
        return form(model, user, header.id(), null, ItemData.empty(user.is(Role.OFFICE_STAFF) ? user.officeId() : null), header.status().name());
    }

    @PostMapping("/plans/{planId}/items")
    String create(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId,
            @RequestParam(required = false) Long parentId, @Valid @ModelAttribute("item") ItemData item,
            BindingResult result, @RequestParam(name = FormTokens.PARAMETER, required = false) String formToken,
            Model model, RedirectAttributes flash) {
        Permissions.require(plans.header(planId, user).can().addItems());
        if (!result.hasErrors()) {
            try {
                return tokens.once(formToken, "/plans/" + planId,
                        () -> "/plans/" + planId + "#node-" + outline.addItem(planId, parentId, item, user)).redirect(flash, "item.created");
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.code(), e.arguments(), e.code());
            }
        }
        model.addAttribute("parentId", parentId);
        return form(model, user, planId, null, item, plans.header(planId, user).status().name());
    }

    @GetMapping("/items/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        var item = items.item(id, user);
        model.addAttribute("item", item);
        model.addAttribute("header", plans.header(item.planId(), user));
        return "plan/item";
    }

    @GetMapping("/items/{id}/edit")
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        var item = items.item(id, user);
        Permissions.require(item.editable());
        return form(model, user, item.planId(), item.id(), item.toData(), plans.header(item.planId(), user).status().name());
    }

    @PostMapping("/items/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute("item") ItemData item, BindingResult result, Model model, RedirectAttributes flash) {
        var current = items.item(id, user);
        Permissions.require(current.editable());
        if (!result.hasErrors()) {
            try {
                outline.updateItem(id, item, user);
                flash.addFlashAttribute("message", "item.updated");
                return "redirect:/items/" + id;
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.code(), e.arguments(), e.code());
            } catch (StaleEditException e) {
                result.reject("item.error.conflict");
                model.addAttribute("theirs", items.item(id, user));
            }
        }
        return form(model, user, current.planId(), id, item, plans.header(current.planId(), user).status().name());
    }

    @GetMapping("/items/{id}/history")
    String history(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        var item = items.item(id, user);
        model.addAttribute("item", item);
        model.addAttribute("revisions", items.history(id, user));
        return "plan/history";
    }

    @PostMapping("/items/{id}/comments")
    String comment(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam String comment,
            @RequestParam(name = FormTokens.PARAMETER, required = false) String formToken, RedirectAttributes flash) {
        var comments = "/items/" + id + "#comments";
        try {
            return tokens.once(formToken, comments, () -> {
                outline.comment(id, comment, user);
                return comments;
            }).redirect(flash, "comment.added");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", "comment.error.empty");
            return "redirect:" + comments;
        }
    }

    /** The general office's (or lead office's) answer to a review comment; back to the comment. */
    @PostMapping("/comments/{id}/answer")
    String answer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) String answer,
            RedirectAttributes flash) {
        try {
            long item = outline.answer(id, answer, user);
            flash.addFlashAttribute("message", "comment.answered");
            return "redirect:/items/" + item + "#comment-" + id;
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", "NotBlank".equals(e.code()) ? "comment.error.emptyAnswer" : e.code());
            flash.addFlashAttribute("errorArgs", e.arguments());
            return "redirect:/items/" + outline.itemOfComment(id) + "#comment-" + id;
        }
    }

    private String form(Model model, CurrentUser user, long planId, Long itemId, ItemData item, String status) {
        model.addAttribute("item", item);
        model.addAttribute("itemId", itemId);
        model.addAttribute("planId", planId);
        model.addAttribute("published", "PUBLISHED".equals(status));
        model.addAttribute("offices", offices.options());
        model.addAttribute("schools", schools.list().stream().filter(school -> school.active()).toList());
        model.addAttribute("townships", schools.townships());
        model.addAttribute("schoolKinds", cn.workplan.org.SchoolKind.values());
        model.addAttribute("deadlineKinds", DeadlineKind.values());
        model.addAttribute("comparators", TargetComparator.values());
        model.addAttribute("ownOfficeOnly", user.is(Role.OFFICE_STAFF) && !user.coordinator());
        return "plan/item-form";
    }
}
