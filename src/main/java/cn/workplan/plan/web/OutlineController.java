package cn.workplan.plan.web;

import cn.workplan.account.CurrentUser;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.OutlineService;
import cn.workplan.plan.PlanQueries;
import cn.workplan.system.FormTokens;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.StaleEditException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The outline editor. Every change answers an htmx request with the renumbered outline fragment, and a
 * plain form post with a redirect to the whole page.
 */
@Controller
@RequestMapping("/plans/{planId}")
class OutlineController {

    private static final String FRAGMENT = "plan/outline :: outline";
    private static final java.util.regex.Pattern ITEM_PAGE = java.util.regex.Pattern.compile("/items/\\d+");

    private final OutlineService outline;
    private final PlanQueries queries;
    private final FormTokens tokens;

    OutlineController(OutlineService outline, PlanQueries queries, FormTokens tokens) {
        this.outline = outline;
        this.queries = queries;
        this.tokens = tokens;
    }

    @GetMapping
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId, Model model) {
        model.addAttribute("outline", queries.outline(planId, user));
        return "plan/outline";
    }

    @PostMapping("/nodes")
    String addHeading(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId,
            @RequestParam(required = false) Long parentId, @RequestParam NodeKind kind, @RequestParam String headline,
            @RequestParam(required = false) String body, @RequestParam(required = false) String returnTo,
            @RequestParam(name = FormTokens.PARAMETER, required = false) String formToken,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes flash) {
        var page = back("redirect:/plans/" + planId, returnTo).substring("redirect:".length());
        var sent = new java.util.concurrent.atomic.AtomicReference<FormTokens.Sent>();
        var view = change(user, planId, htmx, model, flash, () -> sent.set(tokens.once(formToken, page, () -> {
            outline.addHeading(planId, parentId, kind, headline, body, user);
            return page;
        })));
        if (sent.get() != null && sent.get().repeated()) {
            flash.addFlashAttribute("message", FormTokens.REPEATED);
        }
        return back(view, returnTo);
    }

    @PostMapping("/nodes/{nodeId}/rename")
    String rename(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId, @PathVariable long nodeId,
            @RequestParam String headline, @RequestParam(required = false) String body, @RequestParam Long version,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes flash) {
        return change(user, planId, htmx, model, flash, () -> outline.renameHeading(nodeId, headline, body, version, user));
    }

    @PostMapping("/nodes/{nodeId}/move")
    String move(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId, @PathVariable long nodeId,
            @RequestParam(required = false) Long parentId, @RequestParam(defaultValue = "2147483647") int index,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes flash) {
        return change(user, planId, htmx, model, flash, () -> outline.move(nodeId, parentId, index, user));
    }

    @PostMapping("/nodes/{nodeId}/up")
    String up(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId, @PathVariable long nodeId,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes flash) {
        return change(user, planId, htmx, model, flash, () -> outline.shift(nodeId, -1, user));
    }

    @PostMapping("/nodes/{nodeId}/down")
    String down(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId, @PathVariable long nodeId,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes flash) {
        return change(user, planId, htmx, model, flash, () -> outline.shift(nodeId, 1, user));
    }

    @PostMapping("/nodes/{nodeId}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId, @PathVariable long nodeId,
            @RequestParam(required = false) String returnTo,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes flash) {
        return back(change(user, planId, htmx, model, flash, () -> outline.delete(nodeId, user)), returnTo);
    }

    /** Sub-points are added and deleted on their item's page, which wants to be shown again. */
    private static String back(String view, String returnTo) {
        return returnTo != null && ITEM_PAGE.matcher(returnTo).matches() && view.startsWith("redirect:")
                ? "redirect:" + returnTo : view;
    }

    /** Makes the change, then shows the renumbered outline: a fragment for htmx, a redirect otherwise. */
    private String change(CurrentUser user, long planId, String htmx, Model model, RedirectAttributes flash, Runnable action) {
        String error = null;
        try {
            action.run();
        } catch (InvalidInputException e) {
            error = e.code();
        } catch (StaleEditException e) {
            error = "error.staleEdit";
        }
        if (htmx == null) {
            if (error != null) {
                flash.addFlashAttribute("error", error);
            }
            return "redirect:/plans/" + planId;
        }
        model.addAttribute("outline", queries.outline(planId, user));
        model.addAttribute("outlineError", error);
        return FRAGMENT;
    }
}
