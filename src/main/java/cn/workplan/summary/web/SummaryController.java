package cn.workplan.summary.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import cn.workplan.account.CurrentUser;
import cn.workplan.alignment.UpperDocumentQueries;
import cn.workplan.alignment.UpperDocumentRow;
import cn.workplan.document.export.FileNames;
import cn.workplan.document.export.OfficialDocx;
import cn.workplan.execution.PlanStandings;
import cn.workplan.execution.ReportCycle;
import cn.workplan.summary.NewSummary;
import cn.workplan.summary.Summaries;
import cn.workplan.summary.SummaryForm;
import cn.workplan.summary.SummaryKind;
import cn.workplan.summary.SummaryQueries;
import cn.workplan.summary.SummaryReadings;
import cn.workplan.summary.SummaryView;
import cn.workplan.system.FormTokens;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.StaleEditException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Drafted reports (总结报告): a plan's list, the form that drafts one (kind and period), the report's page where the
 * general office edits it paragraph by paragraph, regenerates and locks it, and its Word and PDF files. The services
 * check every permission; a refused step comes back to the page with a message, and an edit that could not be saved
 * comes back in the form.
 */
@Controller
class SummaryController {

    private final SummaryQueries queries;
    private final Summaries summaries;
    private final PlanStandings standings;
    private final UpperDocumentQueries upperDocuments;
    private final SummaryDocx docx;
    private final SummaryPdf pdf;
    private final FormTokens tokens;
    private final SummaryReadings readings;

    SummaryController(SummaryQueries queries, Summaries summaries, PlanStandings standings, UpperDocumentQueries upperDocuments,
            SummaryDocx docx, SummaryPdf pdf, FormTokens tokens, SummaryReadings readings) {
        this.tokens = tokens;
        this.upperDocuments = upperDocuments;
        this.readings = readings;
        this.queries = queries;
        this.summaries = summaries;
        this.standings = standings;
        this.docx = docx;
        this.pdf = pdf;
    }

    @GetMapping("/plans/{planId}/summaries")
    String list(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId, Model model) {
        var list = queries.list(planId, user);
        model.addAttribute("plan", list.plan());
        model.addAttribute("summaries", list.summaries());
        model.addAttribute("mayDraft", list.mayDraft());
        return "summary/list";
    }

    /**
     * The form that drafts a report: the current period of the plan's cycle, or the kind and period the address names (a
     * to-do's link: {@code ?kind=MONTHLY&month=11}; what does not read is left as the default).
     */
    @GetMapping("/plans/{planId}/summaries/new")
    String newForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String month, @RequestParam(required = false) String quarter, Model model,
            RedirectAttributes flash) {
        var list = queries.list(planId, user);
        if (!list.mayDraft()) {
            return refuse(list, flash);
        }
        var today = standings.today();
        var reporting = standings.reporting(planId);
        var cycleKind = reporting.cycle() == ReportCycle.MONTHLY ? SummaryKind.MONTHLY : SummaryKind.QUARTERLY;
        var last = today.getYear() > list.plan().year() ? LocalDate.of(list.plan().year(), 12, 31) : today;
        var chosen = java.util.Arrays.stream(SummaryKind.values()).filter(each -> each.name().equals(kind)).findFirst().orElse(cycleKind);
        var uppers = upperDocuments.forPlan(planId, list.plan().year());
        return form(model, list, new NewSummary(chosen, number(month, 12, last.getMonthValue()),
                number(quarter, 4, (last.getMonthValue() - 1) / 3 + 1), uppers.isEmpty() ? null : uppers.get(0).id(),
                last.getMonthValue() <= 6 ? 1 : 2), reporting.cycle(), uppers, null);
    }

    /** A month or quarter from the address, if it is one. */
    private static int number(String given, int last, int otherwise) {
        if (given != null && given.matches("\\d{1,2}")) {
            int number = Integer.parseInt(given);
            if (number >= 1 && number <= last) {
                return number;
            }
        }
        return otherwise;
    }

    @PostMapping("/plans/{planId}/summaries")
    String create(@AuthenticationPrincipal CurrentUser user, @PathVariable long planId, @ModelAttribute("request") NewSummary request,
            @RequestParam(name = FormTokens.PARAMETER, required = false) String formToken, Model model, RedirectAttributes flash) {
        var list = queries.list(planId, user);
        if (!list.mayDraft()) {
            return refuse(list, flash);
        }
        try {
            var existed = new java.util.concurrent.atomic.AtomicBoolean();
            return tokens.once(formToken, "/plans/" + planId + "/summaries", () -> {
                var drafted = summaries.create(planId, request, user);
                existed.set(drafted.existed());
                return "/summaries/" + drafted.id();
            }).redirect(flash, existed.get() ? "summary.existed" : "summary.created");
        } catch (InvalidInputException e) {
            return form(model, list, request, standings.reporting(planId).cycle(), upperDocuments.forPlan(planId, list.plan().year()), e);
        }
    }

    @GetMapping("/summaries/{id}")
    String summary(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        var summary = queries.summary(id, user);
        model.addAttribute("summary", summary);
        model.addAttribute("form", SummaryForm.of(summary));
        return "summary/summary";
    }

    @PostMapping("/summaries/{id}")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @ModelAttribute("form") SummaryForm form, Model model,
            RedirectAttributes flash) {
        try {
            summaries.save(id, form, user);
            flash.addFlashAttribute("message", "summary.saved");
            return "redirect:/summaries/" + id;
        } catch (StaleEditException e) {
            // saved by someone else (or regenerated) since the page was opened: what the person typed stays, beside what is saved now
            var current = queries.summary(id, user);
            model.addAttribute("summary", current);
            model.addAttribute("conflict", conflicts(current, form));
            model.addAttribute("form", sameShape(current, form)
                    ? new SummaryForm(current.version(), form.title(), form.blocks()) : SummaryForm.of(current));
            model.addAttribute("error", current.locked() ? "summary.error.locked" : "summary.error.stale");
            return "summary/summary";
        } catch (InvalidInputException e) {
            var current = queries.summary(id, user);
            model.addAttribute("summary", current);
            if (current.can().edit() && current.version() == (form.version() == null ? -1 : form.version()) && sameShape(current, form)) {
                model.addAttribute("form", form);
            } else {
                model.addAttribute("form", SummaryForm.of(current));
            }
            model.addAttribute("error", e.code());
            model.addAttribute("errorArgs", e.arguments());
            model.addAttribute("errorField", e.field());
            return "summary/summary";
        }
    }

    @PostMapping("/summaries/{id}/regenerate")
    String regenerate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
            RedirectAttributes flash) {
        return step(id, flash, "summary.regenerated", () -> summaries.regenerate(id, version, user));
    }

    @PostMapping("/summaries/{id}/lock")
    String lock(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
            RedirectAttributes flash) {
        return step(id, flash, "summary.lockedNow", () -> summaries.lock(id, version, user));
    }

    @PostMapping("/summaries/{id}/unlock")
    String unlock(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return step(id, flash, "summary.unlocked", () -> summaries.unlock(id, version, reason, user));
    }

    /** The general office sends the report to the leaders to read (送阅). */
    @PostMapping("/summaries/{id}/readers")
    String askReading(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
        try {
            int asked = readings.ask(id, user);
            flash.addFlashAttribute("message", "summary.reading.asked");
            flash.addFlashAttribute("messageArgs", new Object[] {asked});
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
        }
        return "redirect:/summaries/" + id;
    }

    /** A leader has read the report sent to them (已阅). */
    @PostMapping("/summaries/{id}/read")
    String read(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
        return step(id, flash, "summary.reading.done", () -> readings.read(id, user));
    }

    @GetMapping("/summaries/{id}.docx")
    ResponseEntity<byte[]> word(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        var summary = queries.summary(id, user);
        return download(FileNames.safe(summary.title()) + ".docx", MediaType.parseMediaType(OfficialDocx.CONTENT_TYPE), docx.write(summary));
    }

    @GetMapping("/summaries/{id}.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        var summary = queries.summary(id, user);
        if (!pdf.available()) {
            throw new PdfUnavailableException(id);
        }
        return download(FileNames.safe(summary.title()) + ".pdf", MediaType.APPLICATION_PDF, pdf.render(summary));
    }

    /** 503 with the page the plan's PDF link answers: the server lacks a Chinese font. */
    @ExceptionHandler(PdfUnavailableException.class)
    ModelAndView unavailable(PdfUnavailableException e) {
        return new ModelAndView("document/pdf-unavailable", Map.of("back", "/summaries/" + e.summaryId, "backLabel", "summary.back"),
                HttpStatus.SERVICE_UNAVAILABLE);
    }

    private static String form(Model model, SummaryQueries.PlanSummaries list, NewSummary request, ReportCycle cycle,
            List<UpperDocumentRow> uppers, InvalidInputException error) {
        model.addAttribute("plan", list.plan());
        model.addAttribute("request", request);
        var kinds = new ArrayList<>(cycle == ReportCycle.QUARTERLY
                ? List.of(SummaryKind.QUARTERLY, SummaryKind.MID_YEAR, SummaryKind.YEAR_END)
                : List.of(SummaryKind.MONTHLY, SummaryKind.QUARTERLY, SummaryKind.MID_YEAR, SummaryKind.YEAR_END));
        // the upward report follows an upper-level document: offered when the plan has one to follow
        if (!uppers.isEmpty()) {
            kinds.add(SummaryKind.UPWARD);
        }
        model.addAttribute("kinds", kinds);
        model.addAttribute("uppers", uppers);
        model.addAttribute("monthly", cycle == ReportCycle.MONTHLY);
        model.addAttribute("months", IntStream.rangeClosed(1, 12).boxed().toList());
        model.addAttribute("quarters", IntStream.rangeClosed(1, 4).boxed().toList());
        model.addAttribute("existing", list.summaries());
        if (error != null) {
            model.addAttribute("error", error.code());
            model.addAttribute("errorField", error.field());
        }
        return "summary/new";
    }

    /** The plan's list with a message: this plan takes no reports yet, or the person drafts none. */
    private static String refuse(SummaryQueries.PlanSummaries list, RedirectAttributes flash) {
        if (list.writes()) {
            flash.addFlashAttribute("error", "summary.error.notPublished");
            return "redirect:/plans/" + list.plan().id() + "/summaries";
        }
        throw new AccessDeniedException("not allowed: draft reports");
    }

    private static boolean sameShape(SummaryView current, SummaryForm form) {
        var blocks = current.blocks();
        if (blocks.size() != form.blocks().size()) {
            return false;
        }
        for (int i = 0; i < blocks.size(); i++) {
            var block = blocks.get(i);
            if (block.isTable() && form.blocks().get(i).cells().size() != block.rows().size() * block.header().size()) {
                return false;
            }
        }
        return true;
    }

    /** The person's texts that differ from what is saved now, to compare: the title and each block's text. */
    private static List<Unsaved> conflicts(SummaryView current, SummaryForm form) {
        var unsaved = new ArrayList<Unsaved>();
        if (form.title() != null && !form.title().strip().equals(current.title())) {
            unsaved.add(new Unsaved(-1, form.title().strip(), current.title()));
        }
        var blocks = current.numbered();
        for (int i = 0; i < form.blocks().size(); i++) {
            var typed = form.blocks().get(i).text().strip();
            var saved = i < blocks.size() ? blocks.get(i).text() : "";
            var isTable = i < blocks.size() && blocks.get(i).isTable();
            if (!isTable && !typed.equals(saved)) {
                unsaved.add(new Unsaved(i, typed, saved));
            }
        }
        return unsaved;
    }

    /** A text the person typed that is not what is saved now. */
    record Unsaved(int index, String typed, String saved) {
    }

    private static String step(long id, RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", done);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
        } catch (StaleEditException e) {
            flash.addFlashAttribute("error", "summary.error.stale");
        }
        return "redirect:/summaries/" + id;
    }

    private static ResponseEntity<byte[]> download(String fileName, MediaType type, byte[] content) {
        return ResponseEntity.ok()
                .contentType(type)
                .headers(headers -> headers.setContentDisposition(ContentDisposition.attachment().filename(fileName, UTF_8).build()))
                .body(content);
    }

    static final class PdfUnavailableException extends RuntimeException {

        final long summaryId;

        PdfUnavailableException(long summaryId) {
            super("no Chinese font for the PDF of drafted report " + summaryId);
            this.summaryId = summaryId;
        }
    }
}
