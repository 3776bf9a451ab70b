package cn.workplan.todo.web;

import cn.workplan.account.CurrentUser;
import cn.workplan.todo.ToDoQueries;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The to-do list's own page (the home page shows its first entries) and the navigation bar's count (待办 N), which every
 * page loads with htmx once shown, as it does the bell, so that no page waits for it.
 */
@Controller
class ToDoController {

    private final ToDoQueries toDos;

    ToDoController(ToDoQueries toDos) {
        this.toDos = toDos;
    }

    @GetMapping("/todo")
    String all(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("todo", toDos.of(user));
        return "todo/all";
    }

    @GetMapping("/todo/count")
    String count(@AuthenticationPrincipal CurrentUser user, Model model) {
        var list = toDos.of(user);
        model.addAttribute("count", list.count());
        model.addAttribute("overdue", list.overdue());
        return "todo/fragments :: count";
    }
}
