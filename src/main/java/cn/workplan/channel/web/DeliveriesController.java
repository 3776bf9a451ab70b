package cn.workplan.channel.web;

import java.util.Locale;

import cn.workplan.channel.ChannelSettings;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The messages that could not be sent (发送失败), with their errors, for the administrators to send again. */
@Controller
@RequestMapping("/admin/deliveries")
@PreAuthorize("hasRole('ADMIN')")
class DeliveriesController {

    private final ChannelSettings settings;

    DeliveriesController(ChannelSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        model.addAttribute("problems", settings.problems(page, locale));
        return "channel/deliveries";
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes flash) {
        flash.addFlashAttribute("message", settings.retry(id) ? "delivery.retried" : "delivery.alreadySent");
        return "redirect:/admin/deliveries";
    }
}
