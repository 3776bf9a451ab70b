package cn.workplan.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.workplan.account.CurrentUser;
import cn.workplan.plan.ItemQueries;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices as the viewer may see them (see {@link NoticePolicy}): the list, one notice with its history, and what a
 * new notice would be about. A notice the viewer may not see is "not found", whatever id they try.
 */
@Service
@Transactional(readOnly = true)
public class NoticeQueries {

    private final JdbcClient jdbc;
    private final NoticePolicy policy;
    private final ItemQueries items;
    private final SupervisionProperties properties;
    private final Clock clock;

    NoticeQueries(JdbcClient jdbc, NoticePolicy policy, ItemQueries items, SupervisionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.items = items;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The notices the viewer may see, filtered: first those escalated to the viewer and still open, then the open
     * ones by reply deadline, then the closed ones, newest first. One statement (two for office staff).
     */
    public List<NoticeRow> list(NoticeFilter filter, CurrentUser user) {
        var viewer = policy.viewer(user);
        return jdbc.sql("""
                select n.id, n.year, n.number, p.title, n.item_label, n.item_headline, coalesce(o.name, s.name), n.reply_by,
                       n.state, n.issued_at, n.escalated_at is not null, coalesce(n.escalated_to = :me, false),
                       n.replied_at is null and n.state <> 'CLOSED' and n.reply_by < :today
                from notice n join plan p on p.id = n.plan_id
                left join office o on o.id = n.office_id left join school s on s.id = n.school_id
                where (:all or n.office_id = :office or n.issuer_office_id = :office or n.school_id = :school)
                  and (cast(:state as varchar) is null or n.state = cast(:state as varchar))
                  and (not :escalated or n.escalated_at is not null)
                  and (not :toMe or n.escalated_to = :me)
                order by coalesce(n.escalated_to = :me and n.state <> 'CLOSED', false) desc, n.state = 'CLOSED',
                         case when n.state = 'CLOSED' then null else n.reply_by end, n.id desc""")
                .param("me", user.id())
                .param("today", LocalDate.now(clock))
                .param("all", viewer.seesAll())
                .param("office", user.officeId())
                .param("school", user.schoolId())
                .param("state", filter.state() == null ? null : filter.state().name())
                .param("escalated", filter.escalated())
                .param("toMe", filter.toMe())
                .query((row, n) -> new NoticeRow(row.getLong(1), properties.number(row.getInt(2), row.getInt(3)), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getObject(8, LocalDate.class),
                        NoticeState.valueOf(row.getString(9)), instant(row, 10), row.getBoolean(11), row.getBoolean(12),
                        row.getBoolean(13)))
                .list();
    }

    /**
     * A plan's open notices (not closed) for the dashboard: unanswered past their deadline first, then by reply
     * deadline. One statement; the caller checks that the viewer sees the whole bureau.
     */
    public List<OpenNotice> openOfPlan(long planId) {
        return jdbc.sql("""
                select n.id, n.year, n.number, n.item_id, n.item_headline, coalesce(o.name, s.name), n.reply_by, n.state,
                       n.replied_at is null and n.reply_by < :today
                from notice n left join office o on o.id = n.office_id left join school s on s.id = n.school_id
                where n.plan_id = :plan and n.state <> 'CLOSED'
                order by n.replied_at is null and n.reply_by < :today desc, n.reply_by, n.id""")
                .param("plan", planId).param("today", LocalDate.now(clock))
                .query((row, n) -> new OpenNotice(row.getLong(1), properties.number(row.getInt(2), row.getInt(3)), row.getLong(4),
                        row.getString(5), row.getString(6), row.getObject(7, LocalDate.class), NoticeState.valueOf(row.getString(8)),
                        row.getBoolean(9)))
                .list();
    }

    /**
     * An open notice.
     *
     * @param overdue not answered, and its reply deadline has passed
     */
    public record OpenNotice(long id, String number, long itemId, String itemHeadline, String recipient, LocalDate replyBy,
            NoticeState state, boolean overdue) {
    }

    /** One notice with its history and what the viewer may do with it; three statements (four for office staff). */
    public NoticeView notice(long id, CurrentUser user) {
        var viewer = policy.viewer(user);
        var found = jdbc.sql("""
                select n.id, n.year, n.number, n.plan_id, p.title, n.item_id, n.item_label, n.item_headline, n.assignment_id,
                       coalesce(o.name, s.name), n.school_id is not null, n.matter, n.reply_by, n.state,
                       iu.display_name, io.name, n.issued_at, au.display_name, n.acknowledged_at, n.reply, ru.display_name,
                       n.replied_at, cu.display_name, n.closed_at, n.escalated_at, eu.display_name, n.version,
                       n.office_id, n.school_id, n.issued_by, n.issuer_office_id
                from notice n join plan p on p.id = n.plan_id
                left join office o on o.id = n.office_id left join school s on s.id = n.school_id
                join app_user iu on iu.id = n.issued_by left join office io on io.id = n.issuer_office_id
                left join app_user au on au.id = n.acknowledged_by left join app_user ru on ru.id = n.replied_by
                left join app_user cu on cu.id = n.closed_by left join app_user eu on eu.id = n.escalated_to
                where n.id = :id""")
                .param("id", id)
                .query((row, n) -> Found.map(row, properties, LocalDate.now(clock)))
                .optional()
                .filter(notice -> viewer.sees(notice.parties()))
                .orElseThrow(() -> new NotFoundException("notice", id));
        var history = jdbc.sql("""
                select e.action, u.display_name, e.text, e.occurred_at
                from notice_event e left join app_user u on u.id = e.actor_id
                where e.notice_id = :id order by e.occurred_at, e.id""")
                .param("id", id)
                .query((row, n) -> new NoticeView.Step(row.getString(1), row.getString(2), row.getString(3), instant(row, 4)))
                .list();
        var state = found.view().state();
        var parties = found.parties();
        return found.view().with(history, new NoticeView.Actions(viewer.receives(parties) && state == NoticeState.ISSUED,
                viewer.receives(parties) && state.acceptsReply(), viewer.reviews(parties) && state == NoticeState.REPLIED));
    }

    /** A notice's row before the viewer's checks: the view without history and actions, and who it concerns. */
    private record Found(NoticeView view, NoticePolicy.Parties parties) {

        static Found map(ResultSet row, SupervisionProperties properties, LocalDate today) throws SQLException {
            var state = NoticeState.valueOf(row.getString(14));
            var replyBy = row.getObject(13, LocalDate.class);
            var repliedAt = instant(row, 22);
            var view = new NoticeView(row.getLong(1), properties.number(row.getInt(2), row.getInt(3)), row.getLong(4),
                    row.getString(5), row.getLong(6), row.getString(7), row.getString(8), row.getObject(9, Long.class),
                    row.getString(10), row.getBoolean(11), row.getString(12), replyBy, state, row.getString(15),
                    row.getString(16), instant(row, 17), row.getString(18), instant(row, 19), row.getString(20),
                    row.getString(21), repliedAt, row.getString(23), instant(row, 24), instant(row, 25), row.getString(26),
                    row.getLong(27), repliedAt == null && state.open() && replyBy.isBefore(today), List.of(),
                    new NoticeView.Actions(false, false, false));
            return new Found(view, new NoticePolicy.Parties(row.getObject(28, Long.class), row.getObject(29, Long.class),
                    row.getLong(30), row.getObject(31, Long.class)));
        }
    }

    /**
     * What a new notice on the item (and the line, if given) would be about and who would receive it, for someone
     * who may issue notices, with the item's other lines to choose from. The item must belong to a published plan,
     * the line to the item; without a line the item's lead office receives it. Three statements besides the item's.
     */
    public NoticeTarget target(long itemId, Long lineId, CurrentUser user) {
        policy.viewer(user).checkMayIssue();
        var item = items.item(itemId, user);
        var plan = jdbc.sql("select status, title from plan where id = :plan").param("plan", item.planId())
                .query((row, n) -> new String[] {row.getString(1), row.getString(2)}).single();
        if (!"PUBLISHED".equals(plan[0])) {
            throw new InvalidInputException("itemId", "notice.error.notPublished");
        }
        var lines = jdbc.sql("""
                select a.id, a.kind, a.office_id, a.school_id, coalesce(o.name, s.name)
                from assignment a left join office o on o.id = a.office_id left join school s on s.id = a.school_id
                where a.item_id = :item
                order by case a.kind when 'LEAD' then 0 when 'COOPERATING' then 1 else 2 end, s.township, s.name, o.name""")
                .param("item", itemId)
                .query((row, n) -> new Recipient(new NoticeTarget.Line(row.getLong(1), row.getString(2), row.getString(5)),
                        row.getObject(3, Long.class), row.getObject(4, Long.class)))
                .list();
        var choices = lines.stream().map(Recipient::line).filter(line -> !"LEAD".equals(line.kind())).toList();
        if (lineId == null) {
            if (item.leadOfficeId() == null) {
                throw new InvalidInputException("itemId", "notice.error.noLeadOffice");
            }
            return new NoticeTarget(itemId, null, item.planId(), plan[1], item.label(), item.headline(), item.leadOfficeId(),
                    null, item.leadOffice(), item.leadOffice(), choices);
        }
        var chosen = lines.stream().filter(line -> line.line().id() == lineId).findFirst()
                .orElseThrow(() -> new NotFoundException("line", lineId));
        return new NoticeTarget(itemId, lineId, item.planId(), plan[1], item.label(), item.headline(), chosen.officeId(),
                chosen.schoolId(), chosen.line().party(), item.leadOffice(), choices);
    }

    /** A line of the item with the office or school it names. */
    private record Recipient(NoticeTarget.Line line, Long officeId, Long schoolId) {
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        var value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
