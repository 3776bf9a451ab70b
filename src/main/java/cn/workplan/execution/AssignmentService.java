package cn.workplan.execution;

import java.util.HashMap;
import java.util.Map;

import cn.workplan.account.CurrentUser;
import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditTrail;
import cn.workplan.plan.NodeKind;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;
import cn.workplan.system.StaleEditException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead office shapes an item's lines of responsibility while its plan is carried out: adds and removes
 * responsible schools, and sets a line's own deadline and milestone. Administrators may do the same. Every
 * change is audited; two people changing one line never overwrite each other (the line's version).
 */
@Service
@Transactional
public class AssignmentService {

    static final String AUDIT_TYPE = "ASSIGNMENT";
    private static final Logger log = LoggerFactory.getLogger(AssignmentService.class);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final LineNotifications notifications;

    AssignmentService(JdbcClient jdbc, AuditTrail audit, LineNotifications notifications) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.notifications = notifications;
    }

    private record Item(long id, long planId, Long leadOfficeId, boolean inForce, String headline, String leadOffice) {
    }

    /** A line with the item it belongs to, which the viewer manages. */
    private record ManagedLine(ItemLines.Line line, Item item) {

        String label() {
            return line.party() + " · " + item.headline();
        }
    }

    /** Makes the school responsible for the item too; nothing happens when it already is. */
    public void addSchool(long itemId, long schoolId, CurrentUser user) {
        var item = managedItem(itemId, user);
        var id = jdbc.sql("""
                insert into assignment (plan_id, item_id, kind, school_id)
                select :plan, :item, 'SCHOOL', s.id from school_view s where s.id = :school and s.active
                on conflict do nothing returning id""")
                .param("plan", item.planId()).param("item", itemId).param("school", schoolId)
                .query(Long.class).optional();
        if (id.isPresent()) {
            var name = jdbc.sql("select name from school_view where id = :id").param("id", schoolId).query(String.class).single();
            audit.created(AUDIT_TYPE, id.get(), name + " · " + item.headline(), Map.of("item", item.headline(), "school", name));
            notifications.schoolAdded(id.get(), item.leadOffice(), item.headline(), itemId);
            log.info("{} made school #{} responsible for item #{}", user.getUsername(), schoolId, itemId);
        }
    }

    /** Removes a school's line; the lead office's and the cooperating offices' lines follow the item and stay. */
    public void remove(long lineId, CurrentUser user) {
        var managed = managedLine(lineId, user);
        var line = managed.line();
        if (!line.isSchool()) {
            throw new InvalidInputException("line", "assignment.error.notSchool");
        }
        var people = notifications.peopleOfLine(lineId);
        jdbc.sql("delete from assignment where id = :id").param("id", lineId).update();
        notifications.schoolRemoved(people, managed.item().leadOffice(), managed.item().headline(), line.itemId());
        audit.record(AuditAction.DELETE, AUDIT_TYPE, lineId, managed.label(), Map.of("item", managed.item().headline(), "school", line.party()),
                Map.of());
        log.info("{} removed school #{} from item #{}", user.getUsername(), line.schoolId(), line.itemId());
    }

    /** Sets the line's own deadline (none: the item's applies) and milestone. */
    public void update(long lineId, LineData data, CurrentUser user) {
        var managed = managedLine(lineId, user);
        var line = managed.line();
        StaleEditException.check(AUDIT_TYPE, lineId, data.version(), line.version());
        int updated = jdbc.sql("""
                update assignment set deadline = :deadline, milestone = :milestone, version = version + 1
                where id = :id and version = :version""")
                .param("deadline", data.deadline()).param("milestone", data.milestoneText())
                .param("id", lineId).param("version", data.version())
                .update();
        if (updated == 0) {
            throw new StaleEditException(AUDIT_TYPE, lineId);
        }
        audit.updated(AUDIT_TYPE, lineId, managed.label(), state(line.deadline(), line.milestone()),
                state(data.deadline(), data.milestoneText()));
        if (!java.util.Objects.equals(line.deadline(), data.deadline()) || !line.milestone().equals(data.milestoneText())) {
            notifications.lineChanged(lineId, managed.item().leadOffice(), managed.item().headline(), line.itemId(), data.deadline(),
                    data.milestoneText(), user.id());
        }
    }

    private static Map<String, Object> state(java.time.LocalDate deadline, String milestone) {
        var state = new HashMap<String, Object>();
        state.put("deadline", deadline == null ? "" : deadline.toString());
        state.put("milestone", milestone);
        return state;
    }

    private Item managedItem(long itemId, CurrentUser user) {
        var item = jdbc.sql("""
                select n.id, n.plan_id, n.lead_office_id, p.in_force, n.headline, coalesce(lo.name, '') as lead_office
                from plan_node_view n join plan_view p on p.id = n.plan_id left join office_view lo on lo.id = n.lead_office_id
                where n.id = :item and n.kind = :kind""")
                .param("item", itemId).param("kind", NodeKind.ITEM.name())
                .query(Item.class)
                .optional().orElseThrow(() -> new NotFoundException("item", itemId));
        AssignmentPolicy.checkManages(user, item.leadOfficeId());
        if (!item.inForce()) {
            throw new InvalidInputException("line", "assignment.error.notPublished");
        }
        return item;
    }

    private ManagedLine managedLine(long lineId, CurrentUser user) {
        var line = jdbc.sql(LineRows.SELECT + "where a.id = :id").param("id", lineId).query(LineRows::map)
                .optional().orElseThrow(() -> new NotFoundException("line", lineId));
        return new ManagedLine(line, managedItem(line.itemId(), user));
    }
}
