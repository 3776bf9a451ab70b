package cn.workplan.execution.web;

import java.time.LocalDate;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.execution.ApprovalQueries;
import cn.workplan.execution.Extensions;
import cn.workplan.execution.SignOffs;
import cn.workplan.system.FormTokens;
import cn.workplan.system.InvalidInputException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Extension requests (延期申请) and sign-off (办结): asked for and proposed on an item's lines page, decided there or
 * on the approvals page (审批) of leaders and office heads. Every form returns to the item's lines page, or to the
 * approvals page when it was sent from there.
 */
@Controller
class ApprovalsController {

    private final ApprovalQueries queries;
    private final Extensions extensions;
    private final SignOffs signOffs;
    private final FormTokens tokens;

    ApprovalsController(ApprovalQueries queries, Extensions extensions, SignOffs signOffs, FormTokens tokens) {
        this.tokens = tokens;
        this.queries = queries;
        this.extensions = extensions;
        this.signOffs = signOffs;
    }

    /** What waits for the viewer's decision; leaders and office staff (only heads of office find requests there). */
    @GetMapping("/approvals")
    String approvals(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (!user.is(Role.LEADER) && !user.is(Role.OFFICE_STAFF)) {
            throw new AccessDeniedException("not allowed: approvals");
        }
        model.addAttribute("approvals", queries.pending(user));
        return "execution/approvals";
    }

    @PostMapping("/lines/{line}/extensions")
    String request(@AuthenticationPrincipal CurrentUser user, @PathVariable long line, @RequestParam long itemId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate proposedDeadline,
            @RequestParam(required = false) String reason,
            @RequestParam(name = FormTokens.PARAMETER, required = false) String formToken, RedirectAttributes flash) {
        var extensionsOfTheItem = "/items/" + itemId + "/lines#extensions";
        try {
            return tokens.once(formToken, extensionsOfTheItem, () -> {
                extensions.request(line, proposedDeadline, reason, user);
                return extensionsOfTheItem;
            }).redirect(flash, "extension.requested");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
            flash.addFlashAttribute("extensionReason", reason);
            flash.addFlashAttribute("extensionDeadline", proposedDeadline);
            return "redirect:" + extensionsOfTheItem;
        }
    }

    @PostMapping("/extensions/{id}/decision")
    String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long itemId,
            @RequestParam String decision, @RequestParam(required = false) String comment, @RequestParam long version,
            @RequestParam(required = false) String back, RedirectAttributes flash) {
        boolean approve = "approve".equals(decision);
        return done(flash, () -> extensions.decide(id, approve, comment, version, user),
                approve ? "extension.approved" : "extension.rejected", back, itemId, "extensions");
    }

    @PostMapping("/extensions/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long itemId,
            RedirectAttributes flash) {
        return done(flash, () -> extensions.withdraw(id, user), "extension.withdrawn", null, itemId, "extensions");
    }

    @PostMapping("/items/{id}/sign-off")
    String propose(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        try {
            signOffs.propose(id, note, user);
            flash.addFlashAttribute("message", "signOff.proposed");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
            flash.addFlashAttribute("signOffNote", note);
        }
        return "redirect:/items/" + id + "/lines#sign-off";
    }

    @PostMapping("/items/{id}/sign-off/decision")
    String decideSignOff(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam String decision,
            @RequestParam(required = false) String comment, @RequestParam long version, @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        boolean confirm = "confirm".equals(decision);
        return done(flash, () -> signOffs.decide(id, confirm, comment, version, user),
                confirm ? "signOff.confirmed" : "signOff.returned", back, id, "sign-off");
    }

    @PostMapping("/items/{id}/sign-off/reopen")
    String reopen(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        return done(flash, () -> signOffs.reopen(id, reason, user), "signOff.reopened", null, id, "sign-off");
    }

    /** Runs the step and says how it went; a refusal's message stands on the page the form came from. */
    private static String done(RedirectAttributes flash, Runnable step, String message, String back, long itemId, String section) {
        try {
            step.run();
            flash.addFlashAttribute("message", message);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
        }
        return "approvals".equals(back) ? "redirect:/approvals" : "redirect:/items/" + itemId + "/lines#" + section;
    }
}
