package cn.workplan.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.workplan.account.CurrentUser;
import cn.workplan.execution.PlanStandings;
import cn.workplan.execution.ReportState;
import cn.workplan.execution.ReportingPeriod;
import cn.workplan.org.OfficeService;
import cn.workplan.org.SchoolService;
import cn.workplan.org.SchoolView;
import cn.workplan.plan.PlanQueries;
import cn.workplan.system.WorkplanProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drill-down from a dashboard figure to its items or lines, and the dashboards of an office and of a school.
 * A constant number of statements whatever the plan's size; an office or a school sees only its own.
 */
@Service
@Transactional(readOnly = true)
public class DrilldownQueries {

    /** How many rows a page shows; the Excel download has them all. */
    public static final int MAX_ROWS = 500;

    private final DashboardQueries dashboards;
    private final PlanQueries plans;
    private final PlanStandings standings;
    private final SchoolService schools;
    private final OfficeService offices;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    DrilldownQueries(DashboardQueries dashboards, PlanQueries plans, PlanStandings standings, SchoolService schools,
            OfficeService offices, JdbcClient jdbc, WorkplanProperties properties) {
        this.dashboards = dashboards;
        this.plans = plans;
        this.standings = standings;
        this.schools = schools;
        this.offices = offices;
        this.jdbc = jdbc;
        this.zone = properties.timeZone();
    }

    /** The rows the filter names, as the viewer may see them; {@code all} leaves out the page's cap (downloads). */
    public Drilldown drilldown(DrilldownFilter asked, boolean all, CurrentUser user) {
        var choices = dashboards.plans();
        var plan = dashboards.choose(choices, asked.plan());
        var filter = DashboardScope.of(user).narrow(asked.withPlan(plan.id()));
        var view = DashboardQueries.PlanView.of(plans.skeleton(plan.id(), user));
        var reporting = standings.reporting(plan.id());
        var today = standings.today();
        var items = standings.items(reporting, today);
        var rows = new ArrayList<Drilldown.Row>();
        if (filter.lines()) {
            var lines = filter.school() != null ? standings.lines(reporting, today, filter.school(), null)
                    : standings.linesOfTownship(reporting, today, filter.township());
            var schoolsById = schoolsById();
            for (var line : lines) {
                var node = view.node(line.itemId());
                if (node == null || !matches(filter, view, node.leadOfficeId(), line.itemId())) {
                    continue;
                }
                var status = Status.of(line.done() || line.percent() >= 100, line.light());
                if ((filter.status() == null || filter.status() == status) && (!filter.onlyUnreported() || !line.reportedNow())) {
                    var school = schoolsById.get(line.schoolId());
                    rows.add(lineRow(view, node.label(), node.headline(), line, status, school));
                }
            }
        } else {
            for (var item : items.values()) {
                var node = view.node(item.itemId());
                if (node == null || !matches(filter, view, node.leadOfficeId(), item.itemId())) {
                    continue;
                }
                var status = Status.of(item.finished(), item.light());
                if ((filter.status() == null || filter.status() == status) && (!filter.onlyUnreported() || item.reported() < item.allLines())) {
                    rows.add(itemRow(view, item, status));
                }
            }
        }
        var chapters = view.chapters().stream().map(chapter -> new Drilldown.Option(chapter.id(), chapter.label() + chapter.headline())).toList();
        var leadOffices = new java.util.TreeMap<String, Long>();
        view.nodes().values().stream().filter(node -> node.isItem() && node.leadOfficeId() != null)
                .forEach(node -> leadOffices.put(node.leadOffice(), node.leadOfficeId()));
        var officeOptions = leadOffices.entrySet().stream().map(entry -> new Drilldown.Option(entry.getValue(), entry.getKey())).toList();
        return new Drilldown(plan, choices, reporting.period(), filter, filter.lines(),
                all ? rows : rows.subList(0, Math.min(MAX_ROWS, rows.size())), rows.size(), chapters, officeOptions,
                caption(filter, chapters, officeOptions));
    }

    /** An office's or a school's own dashboard for a plan (the current one when {@code planId} is null). */
    public MyDashboard mine(Long planId, CurrentUser user) {
        var scope = DashboardScope.of(user);
        var choices = dashboards.plans();
        var plan = dashboards.choose(choices, planId);
        var view = DashboardQueries.PlanView.of(plans.skeleton(plan.id(), user));
        var reporting = standings.reporting(plan.id());
        var today = standings.today();
        boolean office = scope.officeId() != null;
        var lines = standings.lines(reporting, today, scope.schoolId(), office ? scope.officeId() : null);
        var counts = new int[Status.values().length];
        var rows = new ArrayList<Drilldown.Row>();
        for (var line : lines) {
            var node = view.node(line.itemId());
            if (node == null) {
                continue;
            }
            var status = Status.of(line.done() || line.percent() >= 100, line.light());
            counts[status.ordinal()]++;
            rows.add(lineRow(view, node.label(), node.headline(), line, status, null));
        }
        var led = new ArrayList<Drilldown.Row>();
        if (office) {
            var items = standings.items(reporting, today);
            for (var item : items.values()) {
                var node = view.node(item.itemId());
                if (node != null && Objects.equals(node.leadOfficeId(), scope.officeId())) {
                    led.add(itemRow(view, item, Status.of(item.finished(), item.light())));
                }
            }
        }
        String party = office ? offices.get(scope.officeId()).name() : schools.get(scope.schoolId()).name();
        return new MyDashboard(plan, choices, reporting.period(), party, office, counts, rows, led,
                record(reporting, lines.size(), office ? "a.office_id" : "a.school_id", office ? scope.officeId() : scope.schoolId()));
    }

    /** The party's reports of each period begun: sent by the due day, after it, or not at all. */
    private List<MyDashboard.RecordRow> record(PlanStandings.Reporting reporting, int lines, String column, long party) {
        if (reporting.period() == null) {
            return List.of();
        }
        var sent = new HashMap<LocalDate, Map<LocalDate, Integer>>();
        jdbc.sql("""
                select r.period_start, cast(r.submitted_at at time zone :zone as date) as sent_on, count(*) as reports
                from progress_report_view r join assignment_view a on a.id = r.assignment_id
                where a.plan_id = :plan and %s = :party and r.state in (:sent) and r.submitted_at is not null
                group by 1, 2""".formatted(column))
                .param("zone", zone.getId()).param("plan", reporting.planId()).param("party", party)
                .param("sent", Arrays.stream(ReportState.values()).filter(ReportState::counts).map(ReportState::name).toList())
                .query(SentRow.class)
                .list()
                .forEach(row -> sent.computeIfAbsent(row.periodStart(), day -> new HashMap<>()).put(row.sentOn(), row.reports()));
        var record = new ArrayList<MyDashboard.RecordRow>();
        var first = reporting.cycle().periodOf(LocalDate.of(reporting.year(), 1, 1));
        for (ReportingPeriod period = first; !period.start().isAfter(reporting.period().start()); period = period.next()) {
            var due = period.dueOn(reporting.dueDay());
            int onTime = 0;
            int late = 0;
            for (var entry : sent.getOrDefault(period.start(), Map.of()).entrySet()) {
                if (entry.getKey().isAfter(due)) {
                    late += entry.getValue();
                } else {
                    onTime += entry.getValue();
                }
            }
            record.add(new MyDashboard.RecordRow(period, due, lines, onTime, late));
        }
        java.util.Collections.reverse(record);
        return record;
    }

    /** How many of a party's reports of a period were sent on a day. */
    private record SentRow(LocalDate periodStart, LocalDate sentOn, int reports) {
    }

    private static boolean matches(DrilldownFilter filter, DashboardQueries.PlanView view, Long leadOfficeId, long itemId) {
        return (filter.chapter() == null || filter.chapter().equals(view.chapterOf(itemId)))
                && (filter.office() == null || filter.office().equals(leadOfficeId));
    }

    private static Drilldown.Row itemRow(DashboardQueries.PlanView view, PlanStandings.Item item, Status status) {
        var node = view.node(item.itemId());
        var chapter = view.chapterOf(item.itemId());
        return new Drilldown.Row(item.itemId(), null, node.label(), node.headline(), chapter == null ? "" : view.node(chapter).headline(),
                node.leadOffice(), null, item.deadline(), item.percent(), status, item.reported(), item.allLines());
    }

    private static Drilldown.Row lineRow(DashboardQueries.PlanView view, String label, String headline, PlanStandings.Line line,
            Status status, SchoolView school) {
        var chapter = view.chapterOf(line.itemId());
        return new Drilldown.Row(line.itemId(), line.lineId(), label, headline, chapter == null ? "" : view.node(chapter).headline(),
                school == null ? view.node(line.itemId()).leadOffice() : school.name(), school == null ? null : school.township(),
                line.deadline(), line.percent(), status, line.reportedNow() ? 1 : 0, 1);
    }

    private Map<Long, SchoolView> schoolsById() {
        var byId = new HashMap<Long, SchoolView>();
        schools.list().forEach(school -> byId.put(school.id(), school));
        return byId;
    }

    private List<String> caption(DrilldownFilter filter, List<Drilldown.Option> chapters, List<Drilldown.Option> leadOffices) {
        var caption = new ArrayList<String>();
        name(chapters, filter.chapter()).ifPresent(caption::add);
        name(leadOffices, filter.office()).ifPresent(caption::add);
        if (filter.school() != null) {
            caption.add(schools.get(filter.school()).name());
        }
        if (filter.township() != null && !filter.township().isBlank()) {
            caption.add(filter.township());
        }
        return caption;
    }

    private static java.util.Optional<String> name(List<Drilldown.Option> options, Long id) {
        return id == null ? java.util.Optional.empty()
                : options.stream().filter(option -> option.id() == id).map(Drilldown.Option::name).findFirst();
    }
}
