package cn.workplan.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
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
                   a.office_id, a.school_id, n.lead_office_id, p.in_force as published
            from extension_request e join assignment a on a.id = e.assignment_id join plan_node_view n on n.id = e.item_id
            join plan_view p on p.id = n.plan_id left join office_view o on o.id = a.office_id left join school_view s on s.id = a.school_id
            join person_view rq on rq.id = e.requested_by left join person_view dc on dc.id = e.decided_by
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
                where e.state = 'PENDING' and p.in_force and (:leader or a.kind <> 'LEAD' and n.lead_office_id = :office)
                order by e.requested_at, e.id""")
                .param("leader", leader).param("office", head ? user.officeId() : null, Types.BIGINT)
                .query((row, number) -> extension(row, user))
                .list();
        List<Approvals.Proposal> signOffs = !leader ? List.of() : jdbc.sql("""
                select n.id as item_id, n.headline, p.title as plan_title, lo.name as lead_office, so.note,
                       u.display_name as proposed_by, so.proposed_at, so.version
                from sign_off so join plan_node_view n on n.id = so.item_id join plan_view p on p.id = n.plan_id
                left join office_view lo on lo.id = n.lead_office_id join person_view u on u.id = so.proposed_by
                where so.state = 'PROPOSED' and p.in_force
                order by so.proposed_at, n.id""")
                .query(Approvals.Proposal.class)
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
                select e.action, u.display_name as actor, e.note, e.occurred_at as at
                from sign_off_event e join person_view u on u.id = e.actor_id
                where e.item_id = :item order by e.occurred_at, e.id""")
                .param("item", item.id())
                .query(SignOff.Step.class)
                .list();
        var current = jdbc.sql("""
                select so.state, so.note, u.display_name as proposed_by, so.proposed_at, so.version
                from sign_off so join person_view u on u.id = so.proposed_by where so.item_id = :item""")
                .param("item", item.id())
                .query(Proposed.class)
                .optional().orElse(new Proposed(null, null, null, null, 0));
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
        return jdbc.sql("""
                select case when :leader then leader_user_id else head_user_id end as person_id from office_view where id = :office""")
                .param("leader", leader).param("office", leadOfficeId, Types.BIGINT)
                .query(Long.class).list().stream().filter(Objects::nonNull).toList();
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

    /** An item's sign-off as it stands ({@code state} null: never proposed). */
    private record Proposed(SignOffState state, String note, String proposedBy, Instant proposedAt, long version) {

        boolean proposed() {
            return state == SignOffState.PROPOSED;
        }
    }
}
