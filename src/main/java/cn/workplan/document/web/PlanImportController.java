package cn.workplan.document.web;

import java.io.IOException;
import java.util.function.Consumer;

import cn.workplan.account.CurrentUser;
import cn.workplan.document.DocumentImportException;
import cn.workplan.document.DraftedNode.SuggestionType;
import cn.workplan.document.ImportDraft;
import cn.workplan.document.ImportPurpose;
import cn.workplan.document.PlanImportService;
import cn.workplan.document.UpperDocumentImports;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Numbering;
import cn.workplan.plan.PlanService;
import cn.workplan.system.InvalidInputException;

import org.springframework.beans.factory.ObjectProvider;
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
 * a new draft. Every edit of the preview is a small POST that changes the import held for the person
 * ({@link ImportDrafts}) and comes back to the preview; no plan is written before the confirmation.
 * An upper-level document (上级文件, {@code purpose=UPPER_DOCUMENT}) is read and shaped the same way and saved, with its
 * issuing body, by the module that keeps such documents ({@link UpperDocumentImports}).
 */
@Controller
@RequestMapping("/plans/import")
class PlanImportController {

    private final PlanImportService imports;
    private final ImportDrafts drafts;
    private final ObjectProvider<UpperDocumentImports> upperDocuments;

    PlanImportController(PlanImportService imports, ImportDrafts drafts, ObjectProvider<UpperDocumentImports> upperDocuments) {
        this.imports = imports;
        this.drafts = drafts;
        this.upperDocuments = upperDocuments;
    }

    @GetMapping
    String form(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String purpose, Model model) {
        PlanService.checkCanCreate(user);
        model.addAttribute("text", "");
        model.addAttribute("purpose", purpose(purpose));
        return "document/import";
    }

    @PostMapping
    String read(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String text,
            @RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "false") boolean toSimplified,
            @RequestParam(required = false) String purpose, Model model) throws IOException {
        PlanService.checkCanCreate(user);
        boolean upload = file != null && !file.isEmpty();
        var readFor = purpose(purpose);
        model.addAttribute("purpose", readFor);
        try {
            var draft = upload
                    ? imports.readFile(file.getOriginalFilename(), file.getBytes(), toSimplified, readFor, user)
                    : imports.readText(text == null ? "" : text, toSimplified, readFor, user);
            if (draft.plans().isEmpty()) {
                throw new DocumentImportException("document.import.error.noPlan");
            }
            return "redirect:/plans/import/" + drafts.hold(user, draft);
        } catch (DocumentImportException e) {
            model.addAttribute("importError", e);
            model.addAttribute("errorField", upload ? "file" : "text");
            model.addAttribute("text", text == null ? "" : text);
            model.addAttribute("toSimplified", toSimplified);
            return "document/import";
        }
    }

    @GetMapping("/{token}")
    String preview(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, Model model,
            RedirectAttributes flash) {
        PlanService.checkCanCreate(user);
        var draft = drafts.find(user, token);
        if (draft.isEmpty()) {
            return expired(flash);
        }
        model.addAttribute("draft", draft.get());
        model.addAttribute("token", token);
        if (draft.get().purpose() == ImportPurpose.UPPER_DOCUMENT) {
            var upper = upperDocuments.getIfAvailable();
            model.addAttribute("issuers", draft.get().plans().stream()
                    .map(plan -> upper == null ? "" : upper.issuerOf(plan)).toList());
        }
        model.addAttribute("kinds", NodeKind.values());
        model.addAttribute("numberings", Numbering.values());
        return "document/preview";
    }

    @PostMapping("/{token}/plans/{plan}")
    String editHeader(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, @PathVariable int plan,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String documentNumber,
            @RequestParam(defaultValue = "0") int year, @RequestParam(required = false) Numbering numbering,
            RedirectAttributes flash) {
        return edit(user, token, flash, "plan-" + plan,
                draft -> draft.editHeader(plan, title, documentNumber, year, numbering));
    }

    @PostMapping("/{token}/plans/{plan}/accept-all")
    String acceptAll(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, @PathVariable int plan,
            RedirectAttributes flash) {
        return edit(user, token, flash, "plan-" + plan, draft -> draft.acceptAll(plan));
    }

    @PostMapping("/{token}/nodes/{node}/kind")
    String changeKind(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, @PathVariable int node,
            @RequestParam NodeKind kind, RedirectAttributes flash) {
        return edit(user, token, flash, "node-" + node, draft -> draft.changeKind(node, kind));
    }

    @PostMapping("/{token}/nodes/{node}/merge")
    String merge(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, @PathVariable int node,
            RedirectAttributes flash) {
        return edit(user, token, flash, null, draft -> draft.mergeIntoPrevious(node));
    }

    @PostMapping("/{token}/nodes/{node}/split")
    String split(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, @PathVariable int node,
            @RequestParam int at, RedirectAttributes flash) {
        return edit(user, token, flash, "node-" + node, draft -> draft.split(node, at));
    }

    @PostMapping("/{token}/nodes/{node}/drop")
    String drop(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, @PathVariable int node,
            RedirectAttributes flash) {
        return edit(user, token, flash, null, draft -> draft.drop(node));
    }

    @PostMapping("/{token}/nodes/{node}/suggestions")
    String answer(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, @PathVariable int node,
            @RequestParam SuggestionType type, @RequestParam int index, @RequestParam boolean accepted,
            RedirectAttributes flash) {
        return edit(user, token, flash, "node-" + node, draft -> draft.answer(node, type, index, accepted));
    }

    @PostMapping("/{token}/residue/{line}")
    String residue(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, @PathVariable int line,
            @RequestParam boolean keep, RedirectAttributes flash) {
        return edit(user, token, flash, "residue", draft -> draft.keepResidue(line, keep));
    }

    @PostMapping("/confirm")
    String confirm(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "0") int plan, @RequestParam(defaultValue = "") String issuer, RedirectAttributes flash) {
        PlanService.checkCanCreate(user);
        try {
            // saved in the draft's transaction: a second click waits for the first and finds the plan saved
            var saved = drafts.work(user, token, draft -> {
                if (draft.purpose() == ImportPurpose.UPPER_DOCUMENT) {
                    var upper = upperDocuments.getIfAvailable();
                    if (upper == null) {
                        throw new InvalidInputException("purpose", "document.import.error.noUpperDocuments");
                    }
                    var result = upper.save(draft.plan(plan), issuer, draft.source(), user);
                    draft.markSaved(plan, result.id());
                    return new Confirmed(result.path(), "document.import.savedUpper", result.points());
                }
                var result = imports.save(draft.plan(plan), user);
                draft.markSaved(plan, result.planId());
                return new Confirmed("/plans/" + result.planId(), "document.import.saved", result.items());
            });
            if (saved.isEmpty()) {
                return expired(flash);
            }
            flash.addFlashAttribute("message", saved.get().message());
            flash.addFlashAttribute("messageArgs", new Object[] {saved.get().count()});
            return "redirect:" + saved.get().path();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("importError", ImportProblem.of(e));
            return "redirect:/plans/import/" + token + "#plan-" + plan;
        }
    }

    /** Where a confirmed import went, and the message that says how much it held. */
    private record Confirmed(String path, String message, int count) {
    }

    private static ImportPurpose purpose(String value) {
        return ImportPurpose.parse(value);
    }

    private String edit(CurrentUser user, String token, RedirectAttributes flash, String anchor,
            Consumer<ImportDraft> change) {
        PlanService.checkCanCreate(user);
        try {
            if (drafts.edit(user, token, change).isEmpty()) {
                return expired(flash);
            }
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("importError", ImportProblem.of(e));
        }
        return "redirect:/plans/import/" + token + (anchor == null ? "" : "#" + anchor);
    }

    private static String expired(RedirectAttributes flash) {
        flash.addFlashAttribute("error", "document.import.error.expired");
        return "redirect:/plans/import";
    }
}
