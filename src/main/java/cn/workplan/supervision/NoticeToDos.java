package cn.workplan.supervision;

import java.time.Instant;
import java.time.LocalDate;
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
            from notice n join person_view u on u.id = n.issued_by
            left join office_view ro on ro.id = n.office_id left join school_view rs on rs.id = n.school_id
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
                    .query(Waiting.class).list().stream().map(this::toDo).toList();
        }
        if (user.is(Role.OFFICE_STAFF) && user.officeId() != null) {
            return jdbc.sql(COLUMNS.formatted("'RECIPIENT'") + "where n.office_id = :office and n.state in (:waiting)\nunion all\n"
                            + COLUMNS.formatted("'ISSUER'") + "where n.issuer_office_id = :office and n.state = :replied")
                    .param("office", user.officeId()).param("waiting", waiting).param("replied", NoticeState.REPLIED.name())
                    .query(Waiting.class).list().stream().map(this::toDo).toList();
        }
        if (user.is(Role.LEADER)) {
            return jdbc.sql(COLUMNS.formatted("'ISSUER'") + "where n.issued_by = :user and n.state = :replied\nunion all\n"
                            + COLUMNS.formatted("'ESCALATED'") + "where n.escalated_to = :user and n.state in (:unanswered)")
                    .param("user", user.id()).param("replied", NoticeState.REPLIED.name()).param("unanswered", unanswered)
                    .query(Waiting.class).list().stream().map(this::toDo).toList();
        }
        return List.of();
    }

    /** A notice waiting for the person, and why: as its recipient, its issuer, or the leader it was escalated to. */
    private record Waiting(long id, int year, int number, String itemHeadline, LocalDate replyBy, NoticeState state,
            Instant issuedAt, Instant repliedAt, String issuer, String recipient, String kind) {
    }

    private ToDo toDo(Waiting row) {
        var printed = properties.number(row.year(), row.number());
        var link = "/notices/" + row.id();
        return switch (row.kind()) {
            case "ISSUER" -> ToDo.of(ToDoKind.NOTICE_REPLY_REVIEW, List.of(printed, row.itemHeadline()), link, null,
                    row.repliedAt(), row.recipient());
            case "ESCALATED" -> ToDo.of(ToDoKind.NOTICE_ESCALATED, List.of(printed, row.itemHeadline(), row.recipient()), link,
                    row.replyBy(), row.issuedAt(), row.issuer());
            default -> ToDo.of(row.state() == NoticeState.ISSUED ? ToDoKind.NOTICE_ACKNOWLEDGE : ToDoKind.NOTICE_REPLY,
                    List.of(printed, row.itemHeadline()), link, row.replyBy(), row.issuedAt(), row.issuer());
        };
    }
}
