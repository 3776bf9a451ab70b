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
        // back to the dashboard's list the reminder was sent from (never to another site): the outcome is shown there, in
        // that list, where the person is looking, not at the top of the page the address scrolls away from
        boolean dashboard = back != null && back.startsWith("/dashboard") && !back.contains("//") && !back.contains("\\");
        String prefix = dashboard && back.endsWith("#chase") ? "chase" : null;
        if (outcome.sent()) {
            flash.addFlashAttribute(name(prefix, "message"), "reminder.sent");
            flash.addFlashAttribute(name(prefix, "messageArgs"), new Object[] {outcome.party(), outcome.people()});
        } else {
            flash.addFlashAttribute(name(prefix, "error"), outcome.refusal().messageKey());
            flash.addFlashAttribute(name(prefix, "errorArgs"), new Object[] {outcome.party(), formats.dateTime(outcome.remindedAt())});
        }
        if (dashboard) {
            return "redirect:" + back;
        }
        return "redirect:/items/" + outcome.itemId() + "/lines";
    }

    /** The flash attribute: the layout's own ({@code message}), or one a part of the page shows ({@code chaseMessage}). */
    private static String name(String prefix, String attribute) {
        return prefix == null ? attribute : prefix + Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
    }
}
