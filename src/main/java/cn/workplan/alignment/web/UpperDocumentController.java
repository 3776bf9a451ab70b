package cn.workplan.alignment.web;

import jakarta.validation.Valid;

import cn.workplan.account.CurrentUser;
import cn.workplan.alignment.AlignmentPolicy;
import cn.workplan.alignment.CoverageQueries;
import cn.workplan.alignment.PointStatus;
import cn.workplan.alignment.UpperDocumentData;
import cn.workplan.alignment.UpperDocumentQueries;
import cn.workplan.alignment.UpperDocuments;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.StaleEditException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Upper-level documents (上级文件): the list, one document as read (with the form that corrects its header, and deleting
 * it), and its coverage by a plan of the bureau (覆盖情况, progress by upper point). Importing one is the plan import's
 * preview with {@code purpose=UPPER_DOCUMENT}.
 */
@Controller
class UpperDocumentController {

    private final UpperDocumentQueries queries;
    private final UpperDocuments documents;
    private final CoverageQueries coverage;
    private final AlignmentPolicy policy;

    UpperDocumentController(UpperDocumentQueries queries, UpperDocuments documents, CoverageQueries coverage, AlignmentPolicy policy) {
        this.queries = queries;
        this.documents = documents;
        this.coverage = coverage;
        this.policy = policy;
    }

    @GetMapping("/upper-documents")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("documents", queries.list(user));
        model.addAttribute("writes", policy.writesDocuments(user));
        return "alignment/documents";
    }

    @GetMapping("/upper-documents/{id}")
    String document(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        var document = queries.document(id, user);
        model.addAttribute("document", document);
        model.addAttribute("form", document.header().toData());
        return "alignment/document";
    }

    @PostMapping("/upper-documents/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") UpperDocumentData form,
            BindingResult binding, Model model, RedirectAttributes flash) {
        if (!policy.writesDocuments(user)) {
            // refused before the form is looked at: a blank title must not show the form to someone who may not send it
            throw new AccessDeniedException("not allowed: correct an upper-level document");
        }
        var document = queries.document(id, user);
        if (!binding.hasErrors()) {
            try {
                documents.update(id, form, user);
                flash.addFlashAttribute("message", "upper.saved");
                return "redirect:/upper-documents/" + id;
            } catch (InvalidInputException e) {
                binding.rejectValue(e.field(), e.code(), e.arguments(), e.code());
            } catch (StaleEditException e) {
                binding.reject("upper.error.stale");
                document = queries.document(id, user);
            }
        }
        model.addAttribute("document", document);
        model.addAttribute("editing", true);
        return "alignment/document";
    }

    @PostMapping("/upper-documents/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
            RedirectAttributes flash) {
        try {
            documents.delete(id, version, user);
            flash.addFlashAttribute("message", "upper.deleted");
            return "redirect:/upper-documents";
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
        } catch (StaleEditException e) {
            flash.addFlashAttribute("error", "upper.error.stale");
        }
        return "redirect:/upper-documents/" + id;
    }

    @GetMapping("/upper-documents/{id}/coverage")
    String coverage(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long plan,
            Model model) {
        model.addAttribute("coverage", coverage.coverage(id, plan, user));
        model.addAttribute("statuses", PointStatus.values());
        return "alignment/coverage";
    }
}
