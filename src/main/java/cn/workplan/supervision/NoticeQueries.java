package cn.workplan.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * The kinds of execution's lines of responsibility (assignment_view.kind), bound rather than spelled in the SQL:
     * the item's lead office, and the offices cooperating on it; the rest are its schools.
     */
    private static final String LEAD_LINE = "LEAD";
    private static final String COOPERATING_LINE = "COOPERATING";

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
                select n.id, n.year, n.number, p.title as plan_title, n.item_label, n.item_headline,
                       coalesce(o.name, s.name) as recipient, n.reply_by, n.state, n.issued_at,
                       n.escalated_at is not null as escalated, coalesce(n.escalated_to = :me, false) as escalated_to_viewer,
                       n.replied_at is null and n.state <> 'CLOSED' and n.reply_by < :today as overdue
                from notice n join plan_view p on p.id = n.plan_id
                left join office_view o on o.id = n.office_id left join school_view s on s.id = n.school_id
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
                .query(ListedRow.class).list().stream()
                .map(row -> new NoticeRow(row.id(), properties.number(row.year(), row.number()), row.planTitle(),
                        row.itemLabel(), row.itemHeadline(), row.recipient(), row.replyBy(), row.state(), row.issuedAt(),
                        row.escalated(), row.escalatedToViewer(), row.overdue()))
                .toList();
    }

    private record ListedRow(long id, int year, int number, String planTitle, String itemLabel, String itemHeadline,
            String recipient, LocalDate replyBy, NoticeState state, Instant issuedAt, boolean escalated,
            boolean escalatedToViewer, boolean overdue) {
    }

    /**
     * A plan's open notices (not closed) for the dashboard: unanswered past their deadline first, then by reply
     * deadline. One statement; the caller checks that the viewer sees the whole bureau.
     */
    public List<OpenNotice> openOfPlan(long planId) {
        return jdbc.sql("""
                select n.id, n.year, n.number, n.item_id, n.item_headline, coalesce(o.name, s.name) as recipient, n.reply_by,
                       n.state, n.replied_at is null and n.reply_by < :today as overdue
                from notice n left join office_view o on o.id = n.office_id left join school_view s on s.id = n.school_id
                where n.plan_id = :plan and n.state <> 'CLOSED'
                order by n.replied_at is null and n.reply_by < :today desc, n.reply_by, n.id""")
                .param("plan", planId).param("today", LocalDate.now(clock))
                .query(OpenRow.class).list().stream()
                .map(row -> new OpenNotice(row.id(), properties.number(row.year(), row.number()), row.itemId(),
                        row.itemHeadline(), row.recipient(), row.replyBy(), row.state(), row.overdue()))
                .toList();
    }

    private record OpenRow(long id, int year, int number, long itemId, String itemHeadline, String recipient,
            LocalDate replyBy, NoticeState state, boolean overdue) {
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
                select n.id, n.year, n.number, n.plan_id, p.title as plan_title, n.item_id, n.item_label, n.item_headline,
                       n.assignment_id as line_id, coalesce(o.name, s.name) as recipient, n.school_id is not null as to_school,
                       n.matter, n.reply_by, n.state, iu.display_name as issuer, io.name as issuer_office, n.issued_at,
                       au.display_name as acknowledged_by, n.acknowledged_at, n.reply, ru.display_name as replied_by,
                       n.replied_at, cu.display_name as closed_by, n.closed_at, n.escalated_at, eu.display_name as escalated_to,
                       n.version, n.office_id, n.school_id, n.issued_by, n.issuer_office_id
                from notice n join plan_view p on p.id = n.plan_id
                left join office_view o on o.id = n.office_id left join school_view s on s.id = n.school_id
                join person_view iu on iu.id = n.issued_by left join office_view io on io.id = n.issuer_office_id
                left join person_view au on au.id = n.acknowledged_by left join person_view ru on ru.id = n.replied_by
                left join person_view cu on cu.id = n.closed_by left join person_view eu on eu.id = n.escalated_to
                where n.id = :id""")
                .param("id", id)
                .query(Found.class)
                .optional()
                .filter(notice -> viewer.sees(notice.parties()))
                .orElseThrow(() -> new NotFoundException("notice", id));
        var history = jdbc.sql("""
                select e.action, u.display_name as actor, e.text, e.occurred_at as at
                from notice_event e left join person_view u on u.id = e.actor_id
                where e.notice_id = :id order by e.occurred_at, e.id""")
                .param("id", id)
                .query(NoticeView.Step.class)
                .list();
        var state = found.state();
        var parties = found.parties();
        return found.view(properties, LocalDate.now(clock)).with(history, new NoticeView.Actions(
                viewer.receives(parties) && state == NoticeState.ISSUED, viewer.receives(parties) && state.acceptsReply(),
                viewer.reviews(parties) && state == NoticeState.REPLIED));
    }

    /** A notice's row before the viewer's checks: names as shown, and who it concerns. */
    private record Found(long id, int year, int number, long planId, String planTitle, long itemId, String itemLabel,
            String itemHeadline, Long lineId, String recipient, boolean toSchool, String matter, LocalDate replyBy,
            NoticeState state, String issuer, String issuerOffice, Instant issuedAt, String acknowledgedBy,
            Instant acknowledgedAt, String reply, String repliedBy, Instant repliedAt, String closedBy, Instant closedAt,
            Instant escalatedAt, String escalatedTo, long version, Long officeId, Long schoolId, long issuedBy,
            Long issuerOfficeId) {

        NoticePolicy.Parties parties() {
            return new NoticePolicy.Parties(officeId, schoolId, issuedBy, issuerOfficeId);
        }

        /** The notice as shown, without its history and before the viewer's actions are known. */
        NoticeView view(SupervisionProperties properties, LocalDate today) {
            return new NoticeView(id, properties.number(year, number), planId, planTitle, itemId, itemLabel, itemHeadline,
                    lineId, recipient, toSchool, matter, replyBy, state, issuer, issuerOffice, issuedAt, acknowledgedBy,
                    acknowledgedAt, reply, repliedBy, repliedAt, closedBy, closedAt, escalatedAt, escalatedTo, version,
                    repliedAt == null && state.open() && replyBy.isBefore(today), List.of(),
                    new NoticeView.Actions(false, false, false));
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
        var plan = jdbc.sql("select in_force, title from plan_view where id = :plan").param("plan", item.planId())
                .query(PlanRow.class).single();
        if (!plan.inForce()) {
            throw new InvalidInputException("itemId", "notice.error.notPublished");
        }
        var lines = jdbc.sql("""
                select a.id, a.kind, coalesce(o.name, s.name) as party, a.office_id, a.school_id
                from assignment_view a left join office_view o on o.id = a.office_id left join school_view s on s.id = a.school_id
                where a.item_id = :item
                order by case a.kind when :lead then 0 when :cooperating then 1 else 2 end, s.township, s.name, o.name""")
                .param("item", itemId).param("lead", LEAD_LINE).param("cooperating", COOPERATING_LINE)
                .query(Recipient.class)
                .list();
        var choices = lines.stream().filter(line -> !LEAD_LINE.equals(line.kind())).map(Recipient::line).toList();
        if (lineId == null) {
            if (item.leadOfficeId() == null) {
                throw new InvalidInputException("itemId", "notice.error.noLeadOffice");
            }
            return new NoticeTarget(itemId, null, item.planId(), plan.title(), item.label(), item.headline(), item.leadOfficeId(),
                    null, item.leadOffice(), item.leadOffice(), choices);
        }
        var chosen = lines.stream().filter(line -> line.id() == lineId).findFirst()
                .orElseThrow(() -> new NotFoundException("line", lineId));
        return new NoticeTarget(itemId, lineId, item.planId(), plan.title(), item.label(), item.headline(), chosen.officeId(),
                chosen.schoolId(), chosen.party(), item.leadOffice(), choices);
    }

    private record PlanRow(boolean inForce, String title) {
    }

    /** A line of the item with the office or school it names. */
    private record Recipient(long id, String kind, String party, Long officeId, Long schoolId) {

        NoticeTarget.Line line() {
            return new NoticeTarget.Line(id, kind, party);
        }
    }
}
