package cn.workplan.execution.web;

import cn.workplan.account.CurrentUser;
import cn.workplan.execution.AssignmentQueries;
import cn.workplan.execution.AssignmentService;
import cn.workplan.execution.LineData;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.StaleEditException;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An item's lines of responsibility (责任落实): who answers for it, and the lead office shaping them. */
@Controller
class LinesController {

    private final AssignmentQueries queries;
    private final AssignmentService assignments;

    LinesController(AssignmentQueries queries, AssignmentService assignments) {
        this.queries = queries;
        this.assignments = assignments;
    }

    @GetMapping("/items/{id}/lines")
    String lines(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("view", queries.ofItem(id, user));
        return "execution/lines";
    }

    @PostMapping("/items/{id}/lines")
    String addSchool(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long schoolId,
            RedirectAttributes flash) {
        return change(id, flash, () -> assignments.addSchool(id, schoolId, user), "assignment.added");
    }

    @PostMapping("/lines/{line}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long line, @RequestParam long itemId,
            @Valid LineData data, BindingResult binding, RedirectAttributes flash) {
        if (binding.hasErrors()) {
            flash.addFlashAttribute("error", "assignment.error.invalid");
            return back(itemId);
        }
        return change(itemId, flash, () -> assignments.update(line, data, user), "assignment.saved");
    }

    @PostMapping("/lines/{line}/delete")
    String remove(@AuthenticationPrincipal CurrentUser user, @PathVariable long line, @RequestParam long itemId,
            RedirectAttributes flash) {
        return change(itemId, flash, () -> assignments.remove(line, user), "assignment.removed");
    }

    private static String change(long itemId, RedirectAttributes flash, Runnable action, String done) {
        try {
            action.run();
            flash.addFlashAttribute("message", done);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
        } catch (StaleEditException e) {
            flash.addFlashAttribute("error", "error.staleEdit");
        }
        return back(itemId);
    }

    private static String back(long itemId) {
        return "redirect:/items/" + itemId + "/lines";
    }
}
