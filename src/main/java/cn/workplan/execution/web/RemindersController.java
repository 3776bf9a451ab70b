package cn.workplan.execution.web;

import cn.workplan.account.CurrentUser;
import cn.workplan.execution.LineReminders;
import cn.workplan.system.web.DisplayFormats;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one-click reminder (催办) of a line, from the 责任落实 page or a dashboard; back to that page with what came of it.
 */
@Controller
class RemindersController {

    private final LineReminders reminders;
    private final DisplayFormats formats;

    RemindersController(LineReminders reminders, DisplayFormats formats) {
        this.reminders = reminders;
        this.formats = formats;
    }

    @PostMapping("/lines/{line}/remind")
    String remind(@AuthenticationPrincipal CurrentUser user, @PathVariable long line,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String back, RedirectAttributes flash) {
        var outcome = reminders.remind(line, user);
        if (outcome.sent()) {
            flash.addFlashAttribute("message", "reminder.sent");
            flash.addFlashAttribute("messageArgs", new Object[] {outcome.party(), outcome.people()});
        } else {
            flash.addFlashAttribute("error", outcome.refusal().messageKey());
            flash.addFlashAttribute("errorArgs", new Object[] {outcome.party(), formats.dateTime(outcome.remindedAt())});
        }
        // back to the dashboard the reminder was sent from; never to another site
        if (back != null && back.startsWith("/dashboard") && !back.contains("//") && !back.contains("\\")) {
            return "redirect:" + back;
        }
        return "redirect:/items/" + outcome.itemId() + "/lines";
    }
}
