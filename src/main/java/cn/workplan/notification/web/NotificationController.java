package cn.workplan.notification.web;

import java.util.Locale;

import cn.workplan.notification.NotificationCentre;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notification centre: every signed-in person's own notifications. The person is taken by id from the
 * principal ({@code CurrentUser.id()}), so that this module needs nothing of {@code account}.
 */
@Controller
class NotificationController {

    private final NotificationCentre centre;

    NotificationController(NotificationCentre centre) {
        this.centre = centre;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal(expression = "id()") long userId, @RequestParam(defaultValue = "0") int page,
            Locale locale, Model model) {
        model.addAttribute("notices", centre.page(userId, page, locale));
        return "notification/list";
    }

    /** The bell of the navigation bar with the unread count; every page loads it with htmx after it has been shown. */
    @GetMapping("/notifications/bell")
    String bell(@AuthenticationPrincipal(expression = "id()") long userId, Model model) {
        model.addAttribute("unread", centre.unread(userId));
        return "notification/bell :: bell";
    }

    /** Opens one of the person's notifications: marks it read and goes to the page it is about. */
    @GetMapping("/notifications/{id}")
    String open(@AuthenticationPrincipal(expression = "id()") long userId, @PathVariable long id) {
        return "redirect:" + centre.open(id, userId);
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(@AuthenticationPrincipal(expression = "id()") long userId, RedirectAttributes flash) {
        int marked = centre.markAllRead(userId);
        flash.addFlashAttribute("message", "notification.markedAllRead");
        flash.addFlashAttribute("messageArgs", new Object[] {marked});
        return "redirect:/notifications";
    }
}
