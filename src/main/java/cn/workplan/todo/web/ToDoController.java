package cn.workplan.todo.web;

import cn.workplan.account.CurrentUser;
import cn.workplan.todo.ToDoQueries;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The navigation bar's to-do count (待办 N): every page loads it with htmx once shown, as it does the bell, so that no page
 * waits for it. The list itself is on the home page ({@code home} puts it first).
 */
@Controller
class ToDoController {

    private final ToDoQueries toDos;

    ToDoController(ToDoQueries toDos) {
        this.toDos = toDos;
    }

    @GetMapping("/todo/count")
    String count(@AuthenticationPrincipal CurrentUser user, Model model) {
        var list = toDos.of(user);
        model.addAttribute("count", list.count());
        model.addAttribute("overdue", list.overdue());
        return "todo/fragments :: count";
    }
}
