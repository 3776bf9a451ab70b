package cn.workplan.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import cn.workplan.account.AccountService;
import cn.workplan.account.AccountSessions;
import cn.workplan.account.CurrentUser;
import cn.workplan.system.InvalidInputException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone changes their own password here; their other sessions end, this one goes on. */
@Controller
class PasswordController {

    private final AccountService accounts;
    private final AccountSessions sessions;

    PasswordController(AccountService accounts, AccountSessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("change", PasswordChange.empty());
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("change") PasswordChange change,
            BindingResult result, RedirectAttributes flash, HttpServletRequest request, HttpServletResponse response) {
        if (!result.hasErrors() && !change.newPassword().equals(change.confirmPassword())) {
            result.rejectValue("confirmPassword", "password.error.mismatch");
        }
        if (!result.hasErrors()) {
            try {
                accounts.changeOwnPassword(user.id(), change.currentPassword(), change.newPassword(), request.getSession().getId());
                sessions.refresh(user, request, response);
                flash.addFlashAttribute("message", "password.changed");
                return "redirect:/";
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.code(), e.arguments(), e.code());
            }
        }
        return "account/password";
    }
}
