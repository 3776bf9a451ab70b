package cn.workplan.execution.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.workplan.account.CurrentUser;
import cn.workplan.execution.ApprovalQueries;
import cn.workplan.execution.ProgressReports;
import cn.workplan.execution.ReportData;
import cn.workplan.execution.ReportPage;
import cn.workplan.execution.ReportQueries;
import cn.workplan.execution.Upload;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;
import cn.workplan.system.StaleEditException;

import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Progress reports (进度填报): a principal's or office's reporting page, one line's report for one period
 * (written by the line's office or school, reviewed by the item's lead office, its evidence checked by
 * inspectors), and the evidence files.
 */
@Controller
class ReportsController {

    /** The fields of the report's form that a refusal can name; a refused file is shown beside the file chooser. */
    private static final java.util.Set<String> FORM_FIELDS = java.util.Set.of("progress", "percent", "narrative", "actuals");

    private final ReportQueries queries;
    private final ProgressReports reports;
    private final ApprovalQueries approvals;

    ReportsController(ReportQueries queries, ProgressReports reports, ApprovalQueries approvals) {
        this.queries = queries;
        this.reports = reports;
        this.approvals = approvals;
    }

    @GetMapping("/reports")
    String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("mine", queries.mine(user));
        model.addAttribute("reviews", queries.pendingReviews(user));
        model.addAttribute("extensions", user.officeHead() ? approvals.pending(user).extensions().size() : 0);
        model.addAttribute("today", queries.today());
        return "execution/reports";
    }

    @GetMapping("/lines/{line}/reports/{period}")
    String report(@AuthenticationPrincipal CurrentUser user, @PathVariable long line, @PathVariable String period, Model model) {
        var page = queries.page(line, start(period), user);
        model.addAttribute("page", page);
        model.addAttribute("form", form(page));
        return "execution/report";
    }

    @PostMapping("/lines/{line}/reports/{period}")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long line, @PathVariable String period,
            @Valid @ModelAttribute("form") ReportData form, BindingResult binding,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(defaultValue = "draft") String action, Model model, RedirectAttributes flash) {
        var start = start(period);
        boolean send = "send".equals(action);
        if (!binding.hasErrors()) {
            try {
                reports.save(line, start, form, uploads(files), send, user);
                flash.addFlashAttribute("message", send ? "report.sent" : "report.saved");
                return "redirect:/lines/" + line + "/reports/" + period;
            } catch (InvalidInputException e) {
                if (FORM_FIELDS.contains(e.field())) {
                    binding.rejectValue(e.field(), e.code(), e.arguments(), e.code());
                } else if ("files".equals(e.field())) {
                    model.addAttribute("fileError", e);
                } else {
                    binding.reject(e.code(), e.arguments(), e.code());
                }
            } catch (StaleEditException e) {
                binding.reject("error.staleEdit");
                model.addAttribute("stale", true);
            }
        }
        var page = queries.page(line, start, user);
        model.addAttribute("page", page);
        // after a clash, the next save, made knowingly after seeing what was saved meanwhile, goes through
        model.addAttribute("version", page.report() == null ? null : page.report().version());
        return "execution/report";
    }

    @PostMapping("/reports/{id}/review")
    String review(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long line,
            @RequestParam String period, @RequestParam String decision, @RequestParam(required = false) String comment,
            @RequestParam(required = false) Long version, RedirectAttributes flash) {
        boolean approve = "approve".equals(decision);
        // the way back first: an address that cannot be read is refused before anything is changed
        var back = back(line, period);
        try {
            reports.review(id, approve, comment, version, user);
            flash.addFlashAttribute("message", approve ? "report.approved" : "report.returned");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
            flash.addFlashAttribute("reviewComment", comment);
        } catch (StaleEditException e) {
            flash.addFlashAttribute("error", "error.staleEdit");
        }
        return back;
    }

    @GetMapping("/evidence/{id}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        var file = reports.download(id, user);
        var type = MediaType.parseMediaType(file.contentType());
        boolean inline = file.contentType().startsWith("image/");
        var disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .eTag('"' + file.sha256() + '"')
                .body(file.content());
    }

    @PostMapping("/evidence/{id}/delete")
    String removeEvidence(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long line,
            @RequestParam String period, RedirectAttributes flash) {
        var back = back(line, period);
        reports.removeEvidence(id, user);
        flash.addFlashAttribute("message", "evidence.removed");
        return back;
    }

    @PostMapping("/evidence/{id}/verification")
    String verify(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long line,
            @RequestParam String period, @RequestParam String verdict, @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        var back = back(line, period);
        try {
            reports.verify(id, "VERIFIED".equals(verdict), note, user);
            flash.addFlashAttribute("message", "evidence.checked");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.code());
        }
        return back;
    }

    /** The report page of a line and period given by a form, which must be one (else "not found"). */
    private static String back(long line, String period) {
        return "redirect:/lines/" + line + "/reports/" + start(period).toString().substring(0, 7);
    }

    /**
     * The form as the page opens: the saved report, or a new one starting from the line's last approved progress (a
     * hurried author should not report a drop by leaving it at 0), else, for the lead office's first consolidated
     * report, from its lines' mean.
     */
    private static ReportData form(ReportPage page) {
        var report = page.report();
        if (report == null) {
            var blank = ReportData.blank();
            var start = page.line().approvedPercent() != null ? page.line().approvedPercent() : page.suggested();
            return start == null ? blank : new ReportData(blank.progress(), start, blank.narrative(), blank.actuals(), null);
        }
        var actuals = new java.util.LinkedHashMap<Long, java.math.BigDecimal>();
        page.targets().stream().filter(target -> target.actual() != null).forEach(target -> actuals.put(target.id(), target.actual()));
        return new ReportData(report.progress(), report.percent(), report.narrative(), actuals, report.version());
    }

    private static List<Upload> uploads(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().filter(file -> !file.isEmpty()).map(file -> {
            try {
                return new Upload(file.getOriginalFilename(), file.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** A period in the address, 2026-03, as its first day. */
    private static LocalDate start(String period) {
        try {
            return YearMonth.parse(period).atDay(1);
        } catch (DateTimeParseException e) {
            throw new NotFoundException("period", period);
        }
    }
}
