package cn.workplan.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.plan.ItemView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What extension requests and sign-offs show: the approvals waiting for someone, an item's requests and sign-off. */
@Service
@Transactional(readOnly = true)
public class ApprovalQueries {

    /** Extension requests with their line, item and people; followed by a {@code where} clause on {@code e}. */
    private static final String EXTENSIONS = """
            select e.id, e.assignment_id, e.item_id, a.kind, coalesce(o.name, s.name) as party, n.headline, p.title,
                   e.current_deadline, e.proposed_deadline, e.reason, e.state, rq.display_name as requester, e.requested_at,
                   dc.display_name as decider, e.decided_at, e.decision_comment, e.version,
                   a.office_id, a.school_id, n.lead_office_id, p.status = 'PUBLISHED' as published
            from extension_request e join assignment a on a.id = e.assignment_id join plan_node n on n.id = e.item_id
            join plan p on p.id = n.plan_id left join office o on o.id = a.office_id left join school s on s.id = a.school_id
            join app_user rq on rq.id = e.requested_by left join app_user dc on dc.id = e.decided_by
            """;

    private final JdbcClient jdbc;

    ApprovalQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What waits for the viewer's decision, oldest first: for a leader every extension request and every proposed
     * sign-off; for the head of an office the extension requests on the lines of the items the office leads (its
     * own line's go to a leader). Empty for everyone else. Two statements at most.
     */
    public Approvals pending(CurrentUser user) {
        boolean leader = user.is(Role.LEADER);
        boolean head = user.is(Role.OFFICE_STAFF) && user.officeHead() && user.officeId() != null;
        if (!leader && !head) {
            return new Approvals(List.of(), List.of());
        }
        var extensions = jdbc.sql(EXTENSIONS + """
                where e.state = 'PENDING' and p.status = 'PUBLISHED' and (:leader or a.kind <> 'LEAD' and n.lead_office_id = :office)
                order by e.requested_at, e.id""")
                .param("leader", leader).param("office", head ? user.officeId() : null, Types.BIGINT)
                .query((row, number) -> extension(row, user))
                .list();
        List<Approvals.Proposal> signOffs = !leader ? List.of() : jdbc.sql("""
                select n.id, n.headline, p.title, lo.name, so.note, u.display_name, so.proposed_at, so.version
                from sign_off so join plan_node n on n.id = so.item_id join plan p on p.id = n.plan_id
                left join office lo on lo.id = n.lead_office_id join app_user u on u.id = so.proposed_by
                where so.state = 'PROPOSED' and p.status = 'PUBLISHED'
                order by so.proposed_at, n.id""")
                .query((row, number) -> new Approvals.Proposal(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getObject(7, OffsetDateTime.class).toInstant(), row.getLong(8)))
                .list();
        return new Approvals(extensions, signOffs);
    }

    /** The item's extension requests on the given lines (those the viewer sees), newest first. One statement. */
    List<Extension> ofItem(long itemId, Set<Long> lineIds, CurrentUser user) {
        return jdbc.sql(EXTENSIONS + "where e.item_id = :item order by e.requested_at desc, e.id desc")
                .param("item", itemId)
                .query((row, number) -> extension(row, user))
                .list().stream().filter(extension -> lineIds.contains(extension.lineId())).toList();
    }

    /**
     * The item's sign-off as the viewer may act on it, with its history. Two statements.
     *
     * @param ready whether the lead office's latest consolidated report says done (see {@link SignOffs#ready})
     */
    SignOff signOff(ItemView item, boolean published, boolean ready, CurrentUser user) {
        var history = jdbc.sql("""
                select e.action, u.display_name, e.note, e.occurred_at from sign_off_event e join app_user u on u.id = e.actor_id
                where e.item_id = :item order by e.occurred_at, e.id""")
                .param("item", item.id())
                .query((row, number) -> new SignOff.Step(SignOffState.valueOf(row.getString(1)), row.getString(2), row.getString(3),
                        row.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
        var current = jdbc.sql("""
                select so.state, so.note, u.display_name, so.proposed_at, so.version
                from sign_off so join app_user u on u.id = so.proposed_by where so.item_id = :item""")
                .param("item", item.id())
                .query((row, number) -> new SignOff(SignOffState.valueOf(row.getString(1)), row.getString(2), row.getString(3),
                        row.getObject(4, OffsetDateTime.class).toInstant(), row.getLong(5), history, false, false, false, false, false))
                .optional().orElse(new SignOff(null, null, null, null, 0, history, false, false, false, false, false));
        boolean signedOff = item.signedOff();
        boolean open = published && !signedOff;
        return new SignOff(current.state(), current.note(), current.proposedBy(), current.proposedAt(), current.version(), history,
                signedOff, open && !current.proposed() && AssignmentPolicy.proposesSignOff(user, item.leadOfficeId()), ready,
                open && current.proposed() && AssignmentPolicy.decidesSignOff(user),
                published && signedOff && AssignmentPolicy.decidesSignOff(user));
    }

    /**
     * Who is told of a request or proposal on the item the office leads: its head, or for the item's own deadline
     * and its sign-off the leader in charge of the office (whoever is named; every leader may decide).
     */
    List<Long> inCharge(Long leadOfficeId, boolean leader) {
        return jdbc.sql("select case when :leader then leader_user_id else head_user_id end from office where id = :office")
                .param("leader", leader).param("office", leadOfficeId, Types.BIGINT)
                .query((row, number) -> row.getObject(1, Long.class)).list().stream().filter(Objects::nonNull).toList();
    }

    private static Extension extension(ResultSet row, CurrentUser user) throws SQLException {
        var state = ExtensionState.valueOf(row.getString("state"));
        var kind = row.getString("kind");
        boolean pending = state == ExtensionState.PENDING && row.getBoolean("published");
        var decided = row.getObject("decided_at", OffsetDateTime.class);
        return new Extension(row.getLong("id"), row.getLong("assignment_id"), row.getLong("item_id"), kind, row.getString("party"),
                row.getString("headline"), row.getString("title"), row.getObject("current_deadline", LocalDate.class),
                row.getObject("proposed_deadline", LocalDate.class), row.getString("reason"), state, row.getString("requester"),
                row.getObject("requested_at", OffsetDateTime.class).toInstant(), row.getString("decider"),
                decided == null ? null : decided.toInstant(), row.getString("decision_comment"), row.getLong("version"),
                pending && AssignmentPolicy.decidesExtension(user, kind, row.getObject("lead_office_id", Long.class)),
                pending && AssignmentPolicy.owns(user, row.getObject("office_id", Long.class), row.getObject("school_id", Long.class)));
    }
}
