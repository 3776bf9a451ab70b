package cn.workplan.execution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.workplan.account.CurrentUser;
import cn.workplan.org.SchoolService;
import cn.workplan.plan.ItemQueries;
import cn.workplan.plan.PlanQueries;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the lines of responsibility show to the people who carry them out. */
@Service
@Transactional(readOnly = true)
public class AssignmentQueries {

    private final JdbcClient jdbc;
    private final PlanQueries plans;
    private final ItemQueries items;
    private final SchoolService schools;
    private final ReportQueries reports;
    private final StatusLights lights;
    private final ApprovalQueries approvals;
    private final Clock clock;

    AssignmentQueries(JdbcClient jdbc, PlanQueries plans, ItemQueries items, SchoolService schools, ReportQueries reports,
            StatusLights lights, ApprovalQueries approvals, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.items = items;
        this.schools = schools;
        this.reports = reports;
        this.lights = lights;
        this.approvals = approvals;
        this.clock = clock;
    }

    /** What the lines page needs to know of the item's plan and sign-off. */
    private record Standing(boolean published, int year, ReportCycle cycle, boolean signedOff) {
    }

    /** An item the viewer's school or office has a line on, in its plan. */
    private record PlanItem(long planId, long itemId) {
    }

    /**
     * An item's lines as the viewer may see them (see {@link ItemLines}), with their reporting while the plan is
     * carried out, their extension requests and the item's sign-off; the item itself as its page shows it, so
     * whoever may not see the item gets its refusal. Seven statements besides the item's own.
     */
    public ItemLines ofItem(long itemId, CurrentUser user) {
        var item = items.item(itemId, user);
        var standing = jdbc.sql("""
                select p.in_force as published, p.year, p.report_cycle as cycle, n.completed_at is not null as signed_off
                from plan_node_view n join plan_view p on p.id = n.plan_id where n.id = :item""")
                .param("item", itemId)
                .query(Standing.class)
                .single();
        var all = jdbc.sql(LineRows.SELECT + """
                where a.item_id = :item
                order by case a.kind when 'LEAD' then 0 when 'COOPERATING' then 1 else 2 end, s.township, s.name, o.name""")
                .param("item", itemId)
                .query(LineRows::map)
                .list();
        boolean manageable = standing.published() && AssignmentPolicy.manages(user, item.leadOfficeId());
        var visible = AssignmentPolicy.seesAll(user, item.leadOfficeId()) ? all
                : all.stream().filter(line -> AssignmentPolicy.owns(user, line.officeId(), line.schoolId())).toList();
        var taken = all.stream().map(ItemLines.Line::schoolId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        var addable = manageable ? schools.options().stream().filter(school -> !taken.contains(school.id())).toList()
                : List.<cn.workplan.org.OrgOption>of();
        var reporting = standing.published() ? reporting(item, standing, visible) : null;
        var extensions = approvals.ofItem(itemId, visible.stream().map(ItemLines.Line::id).collect(Collectors.toSet()), user);
        var signOff = approvals.signOff(item, standing.published(), reporting != null && SignOffs.ready(reporting.progress()), user);
        return new ItemLines(item, standing.published(), manageable, visible, addable, reporting, extensions,
                request(item, standing.published(), visible, extensions, LocalDate.now(clock), user), signOff);
    }

    /** The viewer's own line, if they may ask for its extension: the item is carried out and has a deadline, none waits. */
    private static ItemLines.Request request(cn.workplan.plan.ItemView item, boolean published, List<ItemLines.Line> lines,
            List<Extension> extensions, LocalDate today, CurrentUser user) {
        if (!published || item.signedOff()) {
            return null;
        }
        for (var line : lines) {
            var deadline = Extensions.deadlineMoved(line.kind(), line.deadline(), item.deadline());
            if (AssignmentPolicy.owns(user, line.officeId(), line.schoolId()) && deadline != null
                    && !ItemLines.pending(extensions, line.id())) {
                return new ItemLines.Request(line, deadline, (deadline.isAfter(today) ? deadline : today).plusDays(1));
            }
        }
        return null;
    }

    /** The item's and its lines' progress and lights today. */
    private ItemLines.Reporting reporting(cn.workplan.plan.ItemView item, Standing standing, List<ItemLines.Line> lines) {
        var today = LocalDate.now(clock);
        var progress = reports.progress(item.id(), today);
        var lineLights = new HashMap<Long, Light>();
        for (var line : lines) {
            var reported = progress.line(line.id());
            var deadline = line.deadline() != null ? line.deadline() : item.deadline();
            lineLights.put(line.id(), lights.light(new StatusLights.Schedule(standing.year(), deadline, item.quarters()),
                    reported.latest(), reported.done() || standing.signedOff(), today));
        }
        var itemLight = lights.light(new StatusLights.Schedule(standing.year(), item.deadline(), item.quarters()), progress.percent(),
                standing.signedOff(), today);
        String period = null;
        if (today.getYear() >= standing.year()) {
            period = standing.cycle().periodOf(today.getYear() > standing.year() ? LocalDate.of(standing.year(), 12, 31) : today)
                    .start().toString().substring(0, 7);
        }
        return new ItemLines.Reporting(period, progress, itemLight, lineLights);
    }

    /**
     * The items the viewer's school (a principal) or office (office staff) answers for in the plans being
     * carried out (published, not yet closed), newest plan first; empty for everyone else. One statement,
     * then the outline of each such plan (a county has one or two at a time).
     */
    public List<PlanLines> ofMine(CurrentUser user) {
        String party;
        Long partyId;
        if (user.schoolId() != null) {
            party = "a.school_id";
            partyId = user.schoolId();
        } else if (user.officeId() != null) {
            party = "a.office_id";
            partyId = user.officeId();
        } else {
            return List.of();
        }
        var itemsByPlan = new LinkedHashMap<Long, Set<Long>>();
        jdbc.sql("""
                select a.plan_id, a.item_id from assignment a join plan_view p on p.id = a.plan_id
                where %s = :party and p.in_force
                order by p.year desc, p.id desc""".formatted(party))
                .param("party", partyId)
                .query(PlanItem.class)
                .list()
                .forEach(line -> itemsByPlan.computeIfAbsent(line.planId(), plan -> new java.util.HashSet<>()).add(line.itemId()));
        var result = new ArrayList<PlanLines>(itemsByPlan.size());
        itemsByPlan.forEach((planId, items) -> {
            var outline = plans.skeleton(planId, user); // numbers, headlines, offices, deadlines: what the home page lists
            result.add(new PlanLines(outline.plan(),
                    outline.items().stream().filter(item -> items.contains(item.id())).collect(Collectors.toList())));
        });
        return result;
    }
}
