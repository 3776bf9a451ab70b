package cn.workplan.supervision.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.Valid;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.supervision.NoticeData;
import cn.workplan.supervision.NoticeFilter;
import cn.workplan.supervision.NoticePolicy;
import cn.workplan.supervision.NoticeQueries;
import cn.workplan.supervision.NoticeService;
import cn.workplan.supervision.NoticeState;
import cn.workplan.supervision.ReplyData;
import cn.workplan.supervision.ReviewData;
import cn.workplan.system.FormTokens;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;
import cn.workplan.system.StaleEditException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * Supervision notices (督办单): the list, a notice's page with what the viewer may do, the issue form, the print
 * view and the Word file. The services check every permission; a failed step returns to the notice's page with a
 * message, and a reply that could not be saved comes back in the form.
 */
@Controller
class NoticeController {

    /** The fields of the issue form; a refusal about anything else is shown above it. */
    private static final Set<String> FORM_FIELDS = Set.of("matter", "replyBy");

    private final NoticeQueries queries;
    private final NoticeService notices;
    private final NoticePolicy policy;
    private final NoticeDocx docx;
    private final Clock clock;
    private final FormTokens tokens;

    NoticeController(NoticeQueries queries, NoticeService notices, NoticePolicy policy, NoticeDocx docx, Clock clock,
            FormTokens tokens) {
        this.tokens = tokens;
        this.queries = queries;
        this.notices = notices;
        this.policy = policy;
        this.docx = docx;
        this.clock = clock;
    }

    @GetMapping("/notices")
    String list(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") NoticeFilter filter, Model model) {
        model.addAttribute("notices", queries.list(filter, user));
        model.addAttribute("states", NoticeState.values());
        model.addAttribute("leader", user.is(Role.LEADER));
        return "supervision/list";
    }

    @GetMapping("/notices/{id}")
    String notice(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("notice", queries.notice(id, user));
        return "supervision/notice";
    }

    /** The notice as an official form on A4 paper. */
    @GetMapping("/notices/{id}/print")
    String print(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("notice", queries.notice(id, user));
        return "supervision/print";
    }

    @GetMapping("/notices/{id}.docx")
    ResponseEntity<byte[]> word(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        var notice = queries.notice(id, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(NoticeDocx.CONTENT_TYPE))
                .headers(headers -> headers.setContentDisposition(
                        ContentDisposition.attachment().filename(NoticeDocx.fileName(notice), UTF_8).build()))
                .body(docx.write(notice));
    }

    @GetMapping("/notices/new")
    String issueForm(@AuthenticationPrincipal CurrentUser user, @RequestParam long itemId, @RequestParam(required = false) Long lineId,
            Model model, RedirectAttributes flash) {
        try {
            model.addAttribute("target", queries.target(itemId, lineId, user));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
            return "redirect:/items/" + itemId;
        }
        model.addAttribute("notice", NoticeData.blank(itemId, lineId, LocalDate.now(clock).plusDays(7)));
        return "supervision/form";
    }

    @PostMapping("/notices")
    String issue(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("notice") NoticeData data, BindingResult result,
            @RequestParam(name = FormTokens.PARAMETER, required = false) String formToken, Model model, RedirectAttributes flash) {
        if (!policy.mayIssue(user)) {
            throw new AccessDeniedException("not allowed: issue a supervision notice");
        }
        if (data.itemId() == null) {
            throw new NotFoundException("item", null);
        }
        try {
            model.addAttribute("target", queries.target(data.itemId(), data.lineId(), user));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
            return "redirect:/items/" + data.itemId();
        }
        if (!result.hasErrors()) {
            try {
                return tokens.once(formToken, "/notices", () -> "/notices/" + notices.issue(data, user)).redirect(flash, "notice.issued");
            } catch (InvalidInputException e) {
                if (FORM_FIELDS.contains(e.field())) {
                    result.rejectValue(e.field(), e.code(), e.arguments(), e.code());
                } else {
                    result.reject(e.code(), e.arguments(), e.code());
                }
            }
        }
        return "supervision/form";
    }

    @PostMapping("/notices/{id}/acknowledge")
    String acknowledge(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
        return step(id, flash, "notice.acknowledged", () -> notices.acknowledge(id, user));
    }

    @PostMapping("/notices/{id}/reply")
    String reply(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, ReplyData data, RedirectAttributes flash) {
        var view = step(id, flash, "notice.replied", () -> notices.reply(id, data, user));
        if (flash.getFlashAttributes().containsKey("error")) {
            // the reply was not saved: it comes back in the form, beside the one saved now
            flash.addFlashAttribute("replyDraft", data.reply());
        }
        return view;
    }

    @PostMapping("/notices/{id}/close")
    String close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, ReviewData data, RedirectAttributes flash) {
        return step(id, flash, "notice.closed", () -> notices.close(id, data, user));
    }

    @PostMapping("/notices/{id}/return")
    String sendBack(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, ReviewData data, RedirectAttributes flash) {
        return step(id, flash, "notice.returned", () -> notices.sendBack(id, data, user));
    }

    private static String step(long id, RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", done);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
        } catch (StaleEditException e) {
            flash.addFlashAttribute("error", "notice.error.stale");
        }
        return "redirect:/notices/" + id;
    }
}
