package cn.workplan.alignment.web;

import cn.workplan.account.CurrentUser;
import cn.workplan.alignment.Alignments;
import cn.workplan.alignment.BesideQueries;
import cn.workplan.alignment.UpperDocumentQueries;
import cn.workplan.plan.PlanQueries;
import cn.workplan.system.FormTokens;
import cn.workplan.system.InvalidInputException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Drafting a plan beside an upper-level document (对标起草): the page with both outlines, and its actions — link an item
 * to the chosen point, unlink it, turn the point into a new item. Every action comes back to the page with the same
 * document and point, where it was; a refused one with its message. The item's page loads the points it carries out
 * from {@code /items/{id}/alignment}.
 */
@Controller
class AlignmentController {

    private final BesideQueries beside;
    private final Alignments alignments;
    private final UpperDocumentQueries documents;
    private final PlanQueries plans;
    private final FormTokens tokens;

    AlignmentController(BesideQueries beside, Alignments alignments, UpperDocumentQueries documents, PlanQueries plans,
            FormTokens tokens) {
        this.beside = beside;
        this.alignments = alignments;
        this.documents = documents;
        this.plans = plans;
        this.tokens = tokens;
    }

    @GetMapping("/plans/{planId}/alignment")
    String page(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId, @RequestParam(required = false) Long upper,
            @RequestParam(required = false) Long point, Model model) {
        var page = beside.beside(planId, upper, point, user);
        model.addAttribute("beside", page);
        model.addAttribute("plan", page.plan().plan());
        return "alignment/beside";
    }

    @PostMapping("/plans/{planId}/alignment/links")
    String link(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId, @RequestParam long pointId,
            @RequestParam long itemId, @RequestParam(required = false) Long upper, @RequestParam(required = false) Long point,
            RedirectAttributes flash) {
        plans.header(planId, user);
        try {
            alignments.link(planId, pointId, itemId, user);
            flash.addFlashAttribute("message", "alignment.linked");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
        }
        return back(planId, upper, point, itemId);
    }

    @PostMapping("/plans/{planId}/alignment/links/delete")
    String unlink(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId, @RequestParam long pointId,
            @RequestParam long itemId, @RequestParam(required = false) Long upper, @RequestParam(required = false) Long point,
            RedirectAttributes flash) {
        plans.header(planId, user);
        try {
            alignments.unlink(planId, pointId, itemId, user);
            flash.addFlashAttribute("message", "alignment.unlinked");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
        }
        return back(planId, upper, point, itemId);
    }

    @PostMapping("/plans/{planId}/alignment/items")
    String turnIntoItem(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId, @RequestParam long pointId,
            @RequestParam(required = false) Long parentId, @RequestParam(required = false) Long upper,
            @RequestParam(name = FormTokens.PARAMETER, required = false) String formToken, RedirectAttributes flash) {
        plans.header(planId, user);
        try {
            return tokens.once(formToken, back(planId, upper, pointId, null).substring("redirect:".length()), () -> {
                long itemId = alignments.turnIntoItem(planId, pointId, parentId, user);
                return back(planId, upper, pointId, itemId).substring("redirect:".length());
            }).redirect(flash, "alignment.itemCreated");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
            flash.addFlashAttribute("errorArgs", e.arguments());
            return back(planId, upper, pointId, null);
        }
    }

    /** The points an item carries out, for its page (loaded by htmx after the page). */
    @GetMapping("/items/{itemId}/alignment")
    String itemLinks(@AuthenticationPrincipal CurrentUser user, @PathVariable long itemId, Model model) {
        model.addAttribute("links", documents.pointsOfItem(itemId, user));
        return "alignment/item-links :: links";
    }

    /** Back to the drafting page with the same document and point, at the item acted on. */
    private static String back(long planId, Long upper, Long point, Long itemId) {
        var url = UriComponentsBuilder.fromPath("/plans/{plan}/alignment");
        if (upper != null) {
            url.queryParam("upper", upper);
        }
        if (point != null) {
            url.queryParam("point", point);
        }
        if (itemId != null) {
            url.fragment("item-" + itemId);
        }
        return "redirect:" + url.buildAndExpand(planId).toUriString();
    }
}
