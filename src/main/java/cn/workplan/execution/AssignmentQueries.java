package cn.workplan.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.workplan.account.CurrentUser;
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

    AssignmentQueries(JdbcClient jdbc, PlanQueries plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    /**
     * The items the viewer's school answers for in the plans being carried out (published, not yet closed),
     * newest plan first; empty for anyone who is not tied to a school. One statement, then the outline of
     * each such plan (a county has one or two at a time).
     */
    public List<SchoolLines> ofMySchool(CurrentUser user) {
        if (user.schoolId() == null) {
            return List.of();
        }
        var itemsByPlan = new LinkedHashMap<Long, Set<Long>>();
        jdbc.sql("""
                select a.plan_id, a.item_id from assignment a join plan p on p.id = a.plan_id
                where a.school_id = :school and p.status = 'PUBLISHED'
                order by p.year desc, p.id desc""")
                .param("school", user.schoolId())
                .query((row, number) -> new long[] {row.getLong(1), row.getLong(2)})
                .list()
                .forEach(pair -> itemsByPlan.computeIfAbsent(pair[0], plan -> new java.util.HashSet<>()).add(pair[1]));
        var result = new ArrayList<SchoolLines>(itemsByPlan.size());
        itemsByPlan.forEach((planId, items) -> {
            var outline = plans.outline(planId, user);
            result.add(new SchoolLines(outline.plan(),
                    outline.items().stream().filter(item -> items.contains(item.id())).collect(Collectors.toList())));
        });
        return result;
    }
}
