package cn.workplan.account.web;

import cn.workplan.account.SecurityProperties;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; Spring Security handles the POST. */
@Controller
class LoginController {

    private final SecurityProperties security;

    LoginController(SecurityProperties security) {
        this.security = security;
    }

    @GetMapping("/login")
    String login(Authentication authentication, Model model) {
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken) && authentication.isAuthenticated()) {
            return "redirect:/";
        }
        model.addAttribute("lockMinutes", security.lockDuration().toMinutes());
        return "account/login";
    }
}
