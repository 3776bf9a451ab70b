package cn.workplan.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.todo.ToDo;
import cn.workplan.todo.ToDoKind;
import cn.workplan.todo.ToDoSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What plans have waiting: for leaders the plans sent for review; for the general office the leaders' comments to answer
 * and the items still without a lead office. One statement for a leader, two for the general office, none for others.
 */
@Component
class PlanToDos implements ToDoSource {

    private final JdbcClient jdbc;

    PlanToDos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ToDo> toDos(CurrentUser user, LocalDate today) {
        var entries = new ArrayList<ToDo>();
        if (user.is(Role.LEADER)) {
            jdbc.sql("select id, title, updated_at from plan where status = :review order by updated_at, id")
                    .param("review", PlanStatus.IN_REVIEW.name())
                    .query((row, number) -> ToDo.of(ToDoKind.PLAN_REVIEW, List.of(row.getString("title")), "/plans/" + row.getLong("id"),
                            null, row.getObject("updated_at", OffsetDateTime.class).toInstant(), null))
                    .list().forEach(entries::add);
        }
        if (user.is(Role.OFFICE_STAFF) && user.coordinator()) {
            jdbc.sql("""
                    select c.id, c.node_id, n.headline, p.title, u.display_name, c.created_at
                    from plan_comment c join plan p on p.id = c.plan_id join plan_node n on n.id = c.node_id
                    join app_user u on u.id = c.author_id
                    where c.answered_at is null and p.status in (:drafting)""")
                    .param("drafting", List.of(PlanStatus.DRAFT.name(), PlanStatus.IN_REVIEW.name()))
                    .query((row, number) -> ToDo.of(ToDoKind.COMMENT_ANSWER, List.of(row.getString("headline"), row.getString("title")),
                            "/items/" + row.getLong("node_id") + "#comment-" + row.getLong("id"), null,
                            row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getString("display_name")))
                    .list().forEach(entries::add);
            jdbc.sql("""
                    select n.id, n.headline, p.title, n.created_at
                    from plan_node n join plan p on p.id = n.plan_id
                    where n.kind = :item and n.lead_office_id is null and p.status <> :closed""")
                    .param("item", NodeKind.ITEM.name()).param("closed", PlanStatus.CLOSED.name())
                    .query((row, number) -> ToDo.of(ToDoKind.ITEM_UNASSIGNED, List.of(row.getString("headline"), row.getString("title")),
                            "/items/" + row.getLong("id") + "/edit", null, row.getObject("created_at", OffsetDateTime.class).toInstant(), null))
                    .list().forEach(entries::add);
        }
        return entries;
    }
}
