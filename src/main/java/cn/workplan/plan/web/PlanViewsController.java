package cn.workplan.plan.web;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.org.OfficeService;
import cn.workplan.plan.PlanQueries;
import cn.workplan.plan.PlanStatus;
import cn.workplan.plan.TaskFilter;
import cn.workplan.plan.TaskSheet;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Reading plans: the document view, the task table, my office's items, and search. */
@Controller
class PlanViewsController {

    private final PlanQueries queries;
    private final OfficeService offices;
    private final TaskSheet sheet;

    PlanViewsController(PlanQueries queries, OfficeService offices, TaskSheet sheet) {
        this.queries = queries;
        this.offices = offices;
        this.sheet = sheet;
    }

    @GetMapping("/plans/{id}/document")
    String document(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("outline", queries.outline(id, user));
        return "plan/document";
    }

    @GetMapping("/plans/{id}/tasks")
    String tasks(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("filter") TaskFilter filter,
            Model model) {
        var table = queries.taskTable(id, filter, user);
        model.addAttribute("table", table);
        model.addAttribute("lines", sheet.lines(table));
        model.addAttribute("offices", offices.options());
        return "plan/tasks";
    }

    /** Office staff: the items their office leads or cooperates on, in the newest plan that is not closed. */
    @GetMapping("/my-items")
    String myItems(@AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        if (!user.is(Role.OFFICE_STAFF)) {
            return "redirect:/plans";
        }
        var current = queries.list(user).stream().filter(plan -> plan.status() != PlanStatus.CLOSED).findFirst();
        if (current.isEmpty()) {
            flash.addFlashAttribute("error", "plan.noCurrent");
            return "redirect:/plans";
        }
        return "redirect:/plans/" + current.get().id() + "/tasks?office=" + user.officeId();
    }

    @GetMapping("/search")
    String search(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("hits", queries.search(q, user));
        model.addAttribute("tooLong", q != null && q.strip().length() > PlanQueries.SEARCH_LENGTH);
        model.addAttribute("maxLength", PlanQueries.SEARCH_LENGTH);
        return "plan/search";
    }
}
