package cn.workplan.channel.web;

import jakarta.validation.Valid;

import cn.workplan.channel.ChannelSettings;
import cn.workplan.notification.RobotData;
import cn.workplan.notification.RobotPlatform;
import cn.workplan.notification.RobotScope;
import cn.workplan.notification.Robots;
import cn.workplan.system.FormTokens;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.StaleEditException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' group robots (群机器人): the list, adding, editing, removing, and a test message. Webhooks and
 * secrets are typed in, never shown back: an edit leaves them blank, and blank keeps them.
 */
@Controller
@RequestMapping("/admin/robots")
@PreAuthorize("hasRole('ADMIN')")
class RobotsController {

    private final ChannelSettings settings;
    private final Robots robots;
    private final FormTokens tokens;

    RobotsController(ChannelSettings settings, Robots robots, FormTokens tokens) {
        this.settings = settings;
        this.robots = robots;
        this.tokens = tokens;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("robots", settings.robots());
        model.addAttribute("failed", settings.failedCount());
        return "channel/robots";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, RobotData.empty(), null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("robot") RobotData robot, BindingResult result,
            @RequestParam(name = FormTokens.PARAMETER, required = false) String formToken, Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                return tokens.once(formToken, "/admin/robots", () -> {
                    settings.createRobot(robot);
                    return "/admin/robots";
                }).redirect(flash, "robot.created");
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.code(), e.arguments(), e.code());
            }
        }
        return form(model, robot, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(model, settings.robot(id).robot().toData(), id);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("robot") RobotData robot, BindingResult result, Model model,
            RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                settings.updateRobot(id, robot);
                flash.addFlashAttribute("message", "robot.updated");
                return "redirect:/admin/robots";
            } catch (InvalidInputException e) {
                result.rejectValue(e.field(), e.code(), e.arguments(), e.code());
            } catch (StaleEditException e) {
                result.reject("error.staleEdit");
                model.addAttribute("current", settings.robot(id).robot());
            }
        }
        return form(model, robot, id);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
        try {
            settings.deleteRobot(id, version);
            flash.addFlashAttribute("message", "robot.deleted");
        } catch (StaleEditException e) {
            flash.addFlashAttribute("error", "robot.error.stale");
        }
        return "redirect:/admin/robots";
    }

    /** Posts a test message now and says how it went. */
    @PostMapping("/{id}/test")
    String test(@PathVariable long id, @AuthenticationPrincipal(expression = "displayName()") String name, RedirectAttributes flash) {
        robots.test(id, name).ifPresentOrElse(error -> {
            flash.addFlashAttribute("error", "robot.test.failed");
            flash.addFlashAttribute("errorArgs", new Object[] {error});
        }, () -> flash.addFlashAttribute("message", "robot.test.sent"));
        return "redirect:/admin/robots";
    }

    private String form(Model model, RobotData robot, Long id) {
        if (!model.containsAttribute("robot")) {
            model.addAttribute("robot", robot);
        }
        model.addAttribute("robotId", id);
        model.addAttribute("scopes", RobotScope.values());
        model.addAttribute("platforms", RobotPlatform.values());
        model.addAttribute("offices", settings.offices());
        model.addAttribute("schools", settings.schools());
        if (id != null && !model.containsAttribute("current")) {
            model.addAttribute("saved", settings.robot(id));
        }
        return "channel/robot-form";
    }
}
