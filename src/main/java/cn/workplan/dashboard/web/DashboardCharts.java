package cn.workplan.dashboard.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.workplan.dashboard.Dashboard;
import cn.workplan.dashboard.DrilldownFilter;
import cn.workplan.dashboard.Status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The dashboard's charts as data for ECharts (static/js/dashboard.js draws them): names, values, colours, and for
 * every bar or cell the address of the drill-down it stands for.
 */
@Component
class DashboardCharts {

    private static final Map<Status, String> COLOURS = Map.of(Status.FINISHED, "#0d6efd", Status.ON_SCHEDULE, "#198754",
            Status.BEHIND, "#ffc107", Status.OVERDUE, "#dc3545", Status.NOT_STARTED, "#adb5bd");

    private final ObjectMapper json;
    private final MessageSource messages;

    DashboardCharts(ObjectMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    /** Each chart's data, by the id of its element. */
    Map<String, String> of(Dashboard dashboard) {
        var base = DrilldownFilter.ofPlan(dashboard.plan().id());
        var charts = new LinkedHashMap<String, String>();
        charts.put("chart-chapters", write(statusBars(dashboard.chapters(), group -> base.withChapter(group.id()), false)));
        charts.put("chart-offices", write(statusBars(dashboard.offices(), group -> base.withOffice(group.id()), true)));
        charts.put("chart-townships", write(grid(dashboard)));
        charts.put("chart-months", write(months(dashboard)));
        if (dashboard.target() != null) {
            charts.put("chart-target", write(target(dashboard)));
        }
        return charts;
    }

    /** Stacked bars of items by status, one bar per chapter or office; horizontal for the offices' ranking. */
    private Map<String, Object> statusBars(List<Dashboard.Group> groups, Function<Dashboard.Group, DrilldownFilter> drill, boolean ranking) {
        var series = new ArrayList<Map<String, Object>>();
        for (var status : Status.values()) {
            var values = new ArrayList<Map<String, Object>>();
            for (var group : groups) {
                // a chapter's segment opens the chapter's items of that status; an office's bar, all the office's items
                var filter = ranking ? drill.apply(group) : drill.apply(group).withStatus(status);
                values.add(Map.of("value", count(group, status), "url", "/dashboard/items" + filter.query()));
            }
            series.add(Map.of("name", text(status.messageKey()), "color", COLOURS.get(status), "data", values));
        }
        return Map.of("type", ranking ? "ranking" : "stack",
                "categories", groups.stream().map(Dashboard.Group::name).toList(),
                "urls", groups.stream().map(group -> "/dashboard/items" + drill.apply(group).query()).toList(),
                "rates", groups.stream().map(Dashboard.Group::finishedRate).toList(),
                "series", series);
    }

    private static int count(Dashboard.Group group, Status status) {
        return switch (status) {
            case FINISHED -> group.finished();
            case ON_SCHEDULE -> group.onSchedule();
            case BEHIND -> group.behind();
            case OVERDUE -> group.overdue();
            case NOT_STARTED -> group.notStarted();
        };
    }

    /** Townships × chapters: the mean progress of the schools' lines in each cell. */
    private Map<String, Object> grid(Dashboard dashboard) {
        var cells = new ArrayList<Map<String, Object>>();
        var townships = dashboard.townships();
        for (int row = 0; row < townships.size(); row++) {
            var township = townships.get(row);
            for (int column = 0; column < dashboard.gridChapters().size(); column++) {
                var cell = township.cells().get(column);
                if (!cell.isEmpty()) {
                    var filter = DrilldownFilter.ofPlan(dashboard.plan().id()).withTownship(township.name())
                            .withChapter(dashboard.gridChapters().get(column).id());
                    cells.add(Map.of("value", List.of(column, row, cell.meanPercent()), "lines", cell.lines(), "overdue", cell.overdue(),
                            "url", "/dashboard/items" + filter.query(),
                            "notStarted", cell.notStartedUnder(dashboard.gridChapters().get(column))));
                }
            }
        }
        return Map.of("type", "heatmap",
                "columns", dashboard.gridChapters().stream().map(chapter -> chapter.label() + chapter.name()).toList(),
                "rows", townships.stream().map(Dashboard.GridRow::name).toList(),
                "rowUrls", townships.stream().map(row -> org.springframework.web.util.UriComponentsBuilder.fromPath("/dashboard")
                        .queryParam("plan", dashboard.plan().id()).queryParam("township", row.name()).fragment("grid")
                        .encode().build().toUriString()).toList(),
                "cells", cells,
                "label", text("dashboard.grid.percent"), "linesLabel", text("dashboard.grid.lines"),
                "overdueLabel", text("dashboard.status.OVERDUE"), "notStartedLabel", text("dashboard.status.NOT_STARTED"),
                "notStartedColor", COLOURS.get(Status.NOT_STARTED));
    }

    /** Reports sent per period (bars) and their mean progress (line). */
    private Map<String, Object> months(Dashboard dashboard) {
        var locale = LocaleContextHolder.getLocale();
        return Map.of("type", "months",
                "categories", dashboard.months().stream()
                        .map(month -> messages.getMessage(month.label(), new Object[] {month.start().getYear(), month.number()}, locale))
                        .toList(),
                "sent", dashboard.months().stream().map(Dashboard.Month::sent).toList(),
                "approved", dashboard.months().stream().map(Dashboard.Month::approved).toList(),
                "returned", dashboard.months().stream().map(Dashboard.Month::returned).toList(),
                "percent", dashboard.months().stream().map(Dashboard.Month::meanPercent).toList(),
                "names", List.of(text("dashboard.months.sent"), text("dashboard.months.approved"), text("dashboard.months.returned"),
                        text("dashboard.months.percent")));
    }

    /** One target: each school's latest value against the target's. */
    private Map<String, Object> target(Dashboard dashboard) {
        var target = dashboard.target();
        var schools = dashboard.targetSchools();
        return Map.of("type", "target",
                "categories", schools.stream().map(Dashboard.SchoolValue::name).toList(),
                "values", schools.stream().map(school -> Map.of("value", school.actual(), "met", school.met(),
                        "url", "/dashboard/items" + DrilldownFilter.ofPlan(dashboard.plan().id()).withSchool(school.id()).query())).toList(),
                "target", target.value(),
                "county", target.county() == null ? "" : target.county(),
                "name", target.indicator(), "unit", target.unit(),
                "targetLabel", text("dashboard.targets.target"), "countyLabel",
                text("dashboard.targets.county") + (target.basis() == null ? "" : text(target.basis().messageKey())));
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private String write(Object chart) {
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data", e);
        }
    }
}
