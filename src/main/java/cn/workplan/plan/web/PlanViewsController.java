package cn.workplan.plan.web;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.org.OfficeService;
import cn.workplan.plan.PlanQueries;
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
        // "本股室任务": the plans to switch to, when the page shows the person's own office's items
        if (user.is(Role.OFFICE_STAFF) && user.officeId() != null && user.officeId().equals(filter.office())) {
            model.addAttribute("otherPlans", queries.list(user));
        }
        return "plan/tasks";
    }

    /**
     * Office staff: the items their office leads or cooperates on, in the plan being carried out (see
     * {@link PlanQueries#current}) or the plan chosen ({@code ?plan=}; the task table offers the others).
     */
    @GetMapping("/my-items")
    String myItems(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long plan, RedirectAttributes flash) {
        if (!user.is(Role.OFFICE_STAFF)) {
            return "redirect:/plans";
        }
        var plans = queries.list(user);
        var chosen = plan == null ? PlanQueries.current(plans, queries.today())
                : plans.stream().filter(each -> each.id() == plan).findFirst();
        if (chosen.isEmpty()) {
            flash.addFlashAttribute("error", "plan.noCurrent");
            return "redirect:/plans";
        }
        return "redirect:/plans/" + chosen.get().id() + "/tasks?office=" + user.officeId();
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
