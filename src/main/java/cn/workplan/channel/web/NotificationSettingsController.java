package cn.workplan.channel.web;

import cn.workplan.channel.ChannelSettings;
import cn.workplan.notification.NotificationCategory;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Everyone's own notification settings (通知设置, in the account menu): per category, e-mail, their group robot, or the
 * daily digest instead; and where the digest goes. The notification centre always has everything.
 */
@Controller
@RequestMapping("/account/notifications")
class NotificationSettingsController {

    private final ChannelSettings settings;

    NotificationSettingsController(ChannelSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    String form(@AuthenticationPrincipal(expression = "id()") long userId, Model model) {
        return page(model, NotificationSettingsForm.of(settings.preferences(userId)));
    }

    @PostMapping
    String save(@AuthenticationPrincipal(expression = "id()") long userId,
            @AuthenticationPrincipal(expression = "displayName()") String name,
            @ModelAttribute("settings") NotificationSettingsForm form, BindingResult result, Model model, RedirectAttributes flash) {
        if (result.hasErrors()) {
            return page(model, form);
        }
        settings.savePreferences(userId, name, form.toPreferences());
        flash.addFlashAttribute("message", "notification.settings.saved");
        return "redirect:/account/notifications";
    }

    private String page(Model model, NotificationSettingsForm form) {
        if (!model.containsAttribute("settings")) {
            model.addAttribute("settings", form);
        }
        model.addAttribute("categories", NotificationCategory.values());
        return "channel/settings";
    }
}
