package cn.workplan.plan;

import java.time.Instant;
import java.time.LocalDate;
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
                    .query(InReview.class).list()
                    .forEach(plan -> entries.add(ToDo.of(ToDoKind.PLAN_REVIEW, List.of(plan.title()), "/plans/" + plan.id(), null,
                            plan.updatedAt(), null)));
        }
        if (user.is(Role.OFFICE_STAFF) && user.coordinator()) {
            jdbc.sql("""
                    select c.id, c.node_id, n.headline, p.title, u.display_name as author, c.created_at
                    from plan_comment c join plan p on p.id = c.plan_id join plan_node n on n.id = c.node_id
                    join person_view u on u.id = c.author_id
                    where c.answered_at is null and p.status in (:drafting)""")
                    .param("drafting", List.of(PlanStatus.DRAFT.name(), PlanStatus.IN_REVIEW.name()))
                    .query(Unanswered.class).list()
                    .forEach(comment -> entries.add(ToDo.of(ToDoKind.COMMENT_ANSWER, List.of(comment.headline(), comment.title()),
                            "/items/" + comment.nodeId() + "#comment-" + comment.id(), null, comment.createdAt(), comment.author())));
            jdbc.sql("""
                    select n.id, n.headline, p.title, n.created_at
                    from plan_node n join plan p on p.id = n.plan_id
                    where n.kind = :item and n.lead_office_id is null and p.status <> :closed""")
                    .param("item", NodeKind.ITEM.name()).param("closed", PlanStatus.CLOSED.name())
                    .query(Unassigned.class).list()
                    .forEach(item -> entries.add(ToDo.of(ToDoKind.ITEM_UNASSIGNED, List.of(item.headline(), item.title()),
                            "/items/" + item.id() + "/edit", null, item.createdAt(), null)));
        }
        return entries;
    }

    private record InReview(long id, String title, Instant updatedAt) {
    }

    private record Unanswered(long id, long nodeId, String headline, String title, String author, Instant createdAt) {
    }

    private record Unassigned(long id, String headline, String title, Instant createdAt) {
    }
}
