package cn.workplan.dashboard.web;

import java.nio.charset.StandardCharsets;

import cn.workplan.account.CurrentUser;
import cn.workplan.dashboard.DashboardQueries;
import cn.workplan.dashboard.DashboardScope;
import cn.workplan.dashboard.DrilldownFilter;
import cn.workplan.dashboard.DrilldownQueries;
import cn.workplan.dashboard.Status;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboards: the bureau's (局领导驾驶舱) for leaders, inspectors, administrators and the general office; an
 * office's or a school's own for everyone else; the drill-down behind every figure; and each as an Excel workbook.
 */
@Controller
class DashboardController {

    private final DashboardQueries dashboards;
    private final DrilldownQueries drilldowns;
    private final DashboardCharts charts;
    private final DashboardWorkbook workbooks;
    private final MessageSource messages;

    DashboardController(DashboardQueries dashboards, DrilldownQueries drilldowns, DashboardCharts charts, DashboardWorkbook workbooks,
            MessageSource messages) {
        this.dashboards = dashboards;
        this.drilldowns = drilldowns;
        this.charts = charts;
        this.workbooks = workbooks;
        this.messages = messages;
    }

    @GetMapping("/dashboard")
    String leaders(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long plan,
            @RequestParam(required = false) String township, @RequestParam(required = false) Long target, Model model) {
        if (!DashboardScope.of(user).bureau()) {
            return "redirect:/dashboard/mine" + (plan == null ? "" : "?plan=" + plan);
        }
        var dashboard = dashboards.leaders(plan, township, target, user);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("charts", charts.of(dashboard));
        var base = DrilldownFilter.ofPlan(dashboard.plan().id());
        model.addAttribute("base", base);
        model.addAttribute("overdueItems", "/dashboard/items" + base.withStatus(Status.OVERDUE).query());
        model.addAttribute("statuses", Status.values());
        return "dashboard/leaders";
    }

    @GetMapping("/dashboard/export.xlsx")
    ResponseEntity<byte[]> leadersWorkbook(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long plan,
            @RequestParam(required = false) String township, @RequestParam(required = false) Long target) {
        var dashboard = dashboards.leaders(plan, township, target, user);
        return download(workbooks.leaders(dashboard), text("dashboard.fileName", dashboard.plan().title()));
    }

    @GetMapping("/dashboard/items")
    String items(@AuthenticationPrincipal CurrentUser user, @Valid DrilldownFilter filter, Model model) {
        var drilldown = drilldowns.drilldown(filter, false, user);
        model.addAttribute("view", drilldown);
        model.addAttribute("statuses", Status.values());
        model.addAttribute("bureau", DashboardScope.of(user).bureau());
        return "dashboard/items";
    }

    @GetMapping("/dashboard/items.xlsx")
    ResponseEntity<byte[]> itemsWorkbook(@AuthenticationPrincipal CurrentUser user, @Valid DrilldownFilter filter) {
        var drilldown = drilldowns.drilldown(filter, true, user);
        return download(workbooks.drilldown(drilldown), text("dashboard.items.fileName", drilldown.plan().title()));
    }

    @GetMapping("/dashboard/mine")
    String mine(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long plan, Model model) {
        if (DashboardScope.of(user).bureau()) {
            return "redirect:/dashboard" + (plan == null ? "" : "?plan=" + plan);
        }
        model.addAttribute("view", drilldowns.mine(plan, user));
        model.addAttribute("statuses", Status.values());
        return "dashboard/mine";
    }

    @GetMapping("/dashboard/mine.xlsx")
    ResponseEntity<byte[]> mineWorkbook(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long plan) {
        if (DashboardScope.of(user).bureau()) {
            throw new org.springframework.security.access.AccessDeniedException("the bureau has no dashboard of its own lines");
        }
        var mine = drilldowns.mine(plan, user);
        return download(workbooks.mine(mine), text("dashboard.mine.fileName", mine.party(), mine.plan().title()));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static ResponseEntity<byte[]> download(byte[] content, String name) {
        return ResponseEntity.ok()
                .headers(headers -> headers.setContentDisposition(
                        ContentDisposition.attachment().filename(name + ".xlsx", StandardCharsets.UTF_8).build()))
                .contentType(MediaType.parseMediaType(DashboardWorkbook.CONTENT_TYPE))
                .body(content);
    }
}
