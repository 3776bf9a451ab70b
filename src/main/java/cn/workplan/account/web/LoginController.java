package cn.workplan.account.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page; Spring Security handles the POST. */
@Controller
class LoginController {

    /** The longest wait the page will state; the throttle never asks for more than its ceilings (minutes). */
    private static final int MAX_WAIT_SECONDS = 24 * 60 * 60;

    /** {@code wait}: seconds before the next attempt, after too many failed ones. */
    @GetMapping("/login")
    String login(Authentication authentication, @RequestParam(name = "wait", required = false) String wait, Model model) {
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken) && authentication.isAuthenticated()) {
            return "redirect:/";
        }
        if (wait != null && wait.matches("\\d{1,6}")) {
            model.addAttribute("waitSeconds", Math.min(Integer.parseInt(wait), MAX_WAIT_SECONDS));
        }
        return "account/login";
    }
}
