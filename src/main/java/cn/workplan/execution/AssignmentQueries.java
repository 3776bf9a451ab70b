package cn.workplan.execution;

import java.util.ArrayList;
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

    AssignmentQueries(JdbcClient jdbc, PlanQueries plans, ItemQueries items, SchoolService schools) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.items = items;
        this.schools = schools;
    }

    /**
     * An item's lines as the viewer may see them (see {@link ItemLines}); the item itself as its page shows it,
     * so whoever may not see the item gets its refusal. Three statements besides the item's own.
     */
    public ItemLines ofItem(long itemId, CurrentUser user) {
        var item = items.item(itemId, user);
        boolean published = "PUBLISHED".equals(jdbc.sql("select p.status from plan p where p.id = :plan")
                .param("plan", item.planId()).query(String.class).single());
        var all = jdbc.sql(LineRows.SELECT + """
                where a.item_id = :item
                order by case a.kind when 'LEAD' then 0 when 'COOPERATING' then 1 else 2 end, s.township, s.name, o.name""")
                .param("item", itemId)
                .query(LineRows::map)
                .list();
        boolean manageable = published && AssignmentPolicy.manages(user, item.leadOfficeId());
        var visible = AssignmentPolicy.seesAll(user, item.leadOfficeId()) ? all
                : all.stream().filter(line -> AssignmentPolicy.owns(user, line.officeId(), line.schoolId())).toList();
        var taken = all.stream().map(ItemLines.Line::schoolId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        var addable = manageable ? schools.options().stream().filter(school -> !taken.contains(school.id())).toList()
                : List.<cn.workplan.org.OrgOption>of();
        return new ItemLines(item, published, manageable, visible, addable);
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
                select a.plan_id, a.item_id from assignment a join plan p on p.id = a.plan_id
                where %s = :party and p.status = 'PUBLISHED'
                order by p.year desc, p.id desc""".formatted(party))
                .param("party", partyId)
                .query((row, number) -> new long[] {row.getLong(1), row.getLong(2)})
                .list()
                .forEach(pair -> itemsByPlan.computeIfAbsent(pair[0], plan -> new java.util.HashSet<>()).add(pair[1]));
        var result = new ArrayList<PlanLines>(itemsByPlan.size());
        itemsByPlan.forEach((planId, items) -> {
            var outline = plans.outline(planId, user);
            result.add(new PlanLines(outline.plan(),
                    outline.items().stream().filter(item -> items.contains(item.id())).collect(Collectors.toList())));
        });
        return result;
    }
}
