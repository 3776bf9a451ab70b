package cn.workplan.document.web;

import java.io.IOException;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpSession;

import cn.workplan.account.CurrentUser;
import cn.workplan.document.DocumentImportException;
import cn.workplan.document.DraftedNode.SuggestionType;
import cn.workplan.document.ImportDraft;
import cn.workplan.document.PlanImportService;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Numbering;
import cn.workplan.plan.PlanService;
import cn.workplan.system.InvalidInputException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing an existing plan: paste or upload it, shape what was recognised on the preview, then save it as
 * a new draft. Every edit of the preview is a small POST that changes the import held in the session and
 * comes back to the preview; nothing reaches the database before the confirmation.
 */
@Controller
@RequestMapping("/plans/import")
class PlanImportController {

    private final PlanImportService imports;
    private final ImportDrafts drafts;

    PlanImportController(PlanImportService imports, ImportDrafts drafts) {
        this.imports = imports;
        this.drafts = drafts;
    }

    @GetMapping
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        PlanService.checkCanCreate(user);
        model.addAttribute("text", "");
        return "document/import";
    }

    @PostMapping
    String read(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String text,
            @RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "false") boolean toSimplified,
            HttpSession session, Model model) throws IOException {
        PlanService.checkCanCreate(user);
        boolean upload = file != null && !file.isEmpty();
        try {
            var draft = upload
                    ? imports.readFile(file.getOriginalFilename(), file.getBytes(), toSimplified, user)
                    : imports.readText(text == null ? "" : text, toSimplified, user);
            if (draft.plans().isEmpty()) {
                throw new DocumentImportException("document.import.error.noPlan");
            }
            return "redirect:/plans/import/" + drafts.hold(session, draft);
        } catch (DocumentImportException e) {
            model.addAttribute("importError", e);
            model.addAttribute("errorField", upload ? "file" : "text");
            model.addAttribute("text", text == null ? "" : text);
            model.addAttribute("toSimplified", toSimplified);
            return "document/import";
        }
    }

    @GetMapping("/{token}")
    String preview(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, HttpSession session,
            Model model, RedirectAttributes flash) {
        PlanService.checkCanCreate(user);
        var draft = drafts.find(session, token);
        if (draft.isEmpty()) {
            return expired(flash);
        }
        synchronized (draft.get()) {
            model.addAttribute("draft", draft.get());
            model.addAttribute("token", token);
            model.addAttribute("kinds", NodeKind.values());
            model.addAttribute("numberings", Numbering.values());
            return "document/preview";
        }
    }

    @PostMapping("/{token}/plans/{plan}")
    String editHeader(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, @PathVariable int plan,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String documentNumber,
            @RequestParam(defaultValue = "0") int year, @RequestParam(required = false) Numbering numbering,
            HttpSession session, RedirectAttributes flash) {
        return edit(user, token, session, flash, "plan-" + plan,
                draft -> draft.editHeader(plan, title, documentNumber, year, numbering));
    }

    @PostMapping("/{token}/plans/{plan}/accept-all")
    String acceptAll(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, @PathVariable int plan,
            HttpSession session, RedirectAttributes flash) {
        return edit(user, token, session, flash, "plan-" + plan, draft -> draft.acceptAll(plan));
    }

    @PostMapping("/{token}/nodes/{node}/kind")
    String changeKind(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, @PathVariable int node,
            @RequestParam NodeKind kind, HttpSession session, RedirectAttributes flash) {
        return edit(user, token, session, flash, "node-" + node, draft -> draft.changeKind(node, kind));
    }

    @PostMapping("/{token}/nodes/{node}/merge")
    String merge(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, @PathVariable int node,
            HttpSession session, RedirectAttributes flash) {
        return edit(user, token, session, flash, null, draft -> draft.mergeIntoPrevious(node));
    }

    @PostMapping("/{token}/nodes/{node}/split")
    String split(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, @PathVariable int node,
            @RequestParam int at, HttpSession session, RedirectAttributes flash) {
        return edit(user, token, session, flash, "node-" + node, draft -> draft.split(node, at));
    }

    @PostMapping("/{token}/nodes/{node}/drop")
    String drop(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, @PathVariable int node,
            HttpSession session, RedirectAttributes flash) {
        return edit(user, token, session, flash, null, draft -> draft.drop(node));
    }

    @PostMapping("/{token}/nodes/{node}/suggestions")
    String answer(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, @PathVariable int node,
            @RequestParam SuggestionType type, @RequestParam int index, @RequestParam boolean accepted,
            HttpSession session, RedirectAttributes flash) {
        return edit(user, token, session, flash, "node-" + node, draft -> draft.answer(node, type, index, accepted));
    }

    @PostMapping("/{token}/residue/{line}")
    String residue(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, @PathVariable int line,
            @RequestParam boolean keep, HttpSession session, RedirectAttributes flash) {
        return edit(user, token, session, flash, "residue", draft -> draft.keepResidue(line, keep));
    }

    @PostMapping("/confirm")
    String confirm(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "0") int plan, HttpSession session, RedirectAttributes flash) {
        PlanService.checkCanCreate(user);
        var held = drafts.find(session, token);
        if (held.isEmpty()) {
            return expired(flash);
        }
        var draft = held.get();
        synchronized (draft) {
            try {
                var drafted = draft.plan(plan);
                var saved = imports.save(drafted, user);
                draft.markSaved(plan, saved.planId());
                if (draft.allSaved()) {
                    drafts.drop(session, token);
                }
                flash.addFlashAttribute("message", "document.import.saved");
                flash.addFlashAttribute("messageArgs", new Object[] {saved.items()});
                return "redirect:/plans/" + saved.planId();
            } catch (InvalidInputException e) {
                flash.addFlashAttribute("importError", e);
                return "redirect:/plans/import/" + token + "#plan-" + plan;
            }
        }
    }

    private String edit(CurrentUser user, String token, HttpSession session, RedirectAttributes flash, String anchor,
            Consumer<ImportDraft> change) {
        PlanService.checkCanCreate(user);
        var draft = drafts.find(session, token);
        if (draft.isEmpty()) {
            return expired(flash);
        }
        synchronized (draft.get()) {
            try {
                change.accept(draft.get());
            } catch (InvalidInputException e) {
                flash.addFlashAttribute("importError", e);
            }
        }
        return "redirect:/plans/import/" + token + (anchor == null ? "" : "#" + anchor);
    }

    private static String expired(RedirectAttributes flash) {
        flash.addFlashAttribute("error", "document.import.error.expired");
        return "redirect:/plans/import";
    }
}
