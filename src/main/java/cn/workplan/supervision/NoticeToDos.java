package cn.workplan.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.todo.ToDo;
import cn.workplan.todo.ToDoKind;
import cn.workplan.todo.ToDoSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What supervision notices have waiting: for their recipient office or school, the notices to sign for (签收) and to answer
 * (first or again after being sent back), due on the reply deadline; for their issuer (the leader, or the issuing office's
 * staff) the answers to close or send back; for a leader, the notices escalated to them and still unanswered. One
 * statement for every role.
 */
@Component
class NoticeToDos implements ToDoSource {

    private static final String COLUMNS = """
            select n.id, n.year, n.number, n.item_headline, n.reply_by, n.state, n.issued_at, n.replied_at, u.display_name as issuer,
                   coalesce(ro.name, rs.name) as recipient, %s as kind
            from notice n join app_user u on u.id = n.issued_by
            left join office ro on ro.id = n.office_id left join school rs on rs.id = n.school_id
            """;

    private final JdbcClient jdbc;
    private final SupervisionProperties properties;

    NoticeToDos(JdbcClient jdbc, SupervisionProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public List<ToDo> toDos(CurrentUser user, LocalDate today) {
        var waiting = List.of(NoticeState.ISSUED.name(), NoticeState.ACKNOWLEDGED.name(), NoticeState.RETURNED.name());
        var unanswered = List.of(NoticeState.ISSUED.name(), NoticeState.ACKNOWLEDGED.name());
        if (user.is(Role.PRINCIPAL) && user.schoolId() != null) {
            return jdbc.sql(COLUMNS.formatted("'RECIPIENT'") + "where n.school_id = :school and n.state in (:waiting)")
                    .param("school", user.schoolId()).param("waiting", waiting)
                    .query(this::toDo).list();
        }
        if (user.is(Role.OFFICE_STAFF) && user.officeId() != null) {
            return jdbc.sql(COLUMNS.formatted("'RECIPIENT'") + "where n.office_id = :office and n.state in (:waiting)\nunion all\n"
                            + COLUMNS.formatted("'ISSUER'") + "where n.issuer_office_id = :office and n.state = :replied")
                    .param("office", user.officeId()).param("waiting", waiting).param("replied", NoticeState.REPLIED.name())
                    .query(this::toDo).list();
        }
        if (user.is(Role.LEADER)) {
            return jdbc.sql(COLUMNS.formatted("'ISSUER'") + "where n.issued_by = :user and n.state = :replied\nunion all\n"
                            + COLUMNS.formatted("'ESCALATED'") + "where n.escalated_to = :user and n.state in (:unanswered)")
                    .param("user", user.id()).param("replied", NoticeState.REPLIED.name()).param("unanswered", unanswered)
                    .query(this::toDo).list();
        }
        return List.of();
    }

    private ToDo toDo(ResultSet row, int number) throws SQLException {
        var state = NoticeState.valueOf(row.getString("state"));
        var printed = properties.number(row.getInt("year"), row.getInt("number"));
        var link = "/notices/" + row.getLong("id");
        var issued = row.getObject("issued_at", OffsetDateTime.class).toInstant();
        var replyBy = row.getObject("reply_by", LocalDate.class);
        return switch (row.getString("kind")) {
            case "ISSUER" -> ToDo.of(ToDoKind.NOTICE_REPLY_REVIEW, List.of(printed, row.getString("item_headline")), link, null,
                    row.getObject("replied_at", OffsetDateTime.class).toInstant(), row.getString("recipient"));
            case "ESCALATED" -> ToDo.of(ToDoKind.NOTICE_ESCALATED,
                    List.of(printed, row.getString("item_headline"), row.getString("recipient")), link, replyBy, issued,
                    row.getString("issuer"));
            default -> ToDo.of(state == NoticeState.ISSUED ? ToDoKind.NOTICE_ACKNOWLEDGE : ToDoKind.NOTICE_REPLY,
                    List.of(printed, row.getString("item_headline")), link, replyBy, issued, row.getString("issuer"));
        };
    }
}
