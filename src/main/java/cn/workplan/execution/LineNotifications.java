package cn.workplan.execution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.workplan.account.Role;
import cn.workplan.notification.Notifications;
import cn.workplan.plan.PlanClosed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the people who answer for lines of responsibility what happened to them, in the transaction of the change:
 * a published plan's tasks (每个有任务的股室和学校：您单位承担2027年工作要点的 N 项任务), a revised item, a closed plan, a school
 * added to or taken off an item, a line's deadline or milestone set, an evidence file questioned. The people of a line
 * are its office's active staff or its school's active principals ({@link LinePeople}); nobody is told of their own change.
 */
@Component
class LineNotifications {

    private static final Logger log = LoggerFactory.getLogger(LineNotifications.class);

    private final Notifications notifications;
    private final JdbcClient jdbc;

    LineNotifications(Notifications notifications, JdbcClient jdbc) {
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    /** Every office and school with lines in the plan: their tasks in it, one note each with its own count. One statement to read. */
    void published(long planId, long publishedBy) {
        var notes = new ArrayList<Notifications.Note>();
        jdbc.sql("""
                select u.id as user_id, p.title, coalesce(o.name, s.name) as party, x.office_id, x.items
                from (select office_id, school_id, count(distinct item_id) as items from assignment where plan_id = :plan
                      group by office_id, school_id) x
                join plan_view p on p.id = :plan
                join person_view u on u.active and u.id <> :by
                  and (x.school_id is not null and u.role = :principal and u.school_id = x.school_id
                       or x.office_id is not null and u.role = :staff and u.office_id = x.office_id)
                left join office_view o on o.id = x.office_id left join school_view s on s.id = x.school_id
                order by u.id""")
                .param("plan", planId).param("by", publishedBy)
                .param("principal", Role.PRINCIPAL.name()).param("staff", Role.OFFICE_STAFF.name())
                .query((row, number) -> new Notifications.Note(row.getLong("user_id"), "notification.plan.published",
                        List.of(row.getString("title"), row.getString("party"), row.getInt("items")),
                        row.getObject("office_id") != null ? "/my-items?plan=" + planId : "/"))
                .list().forEach(notes::add);
        int sent = notifications.send(notes);
        log.info("Plan #{} published: {} people of its offices and schools told of their tasks", planId, sent);
    }

    /** The people of every line of a revised item, with the reason. */
    void revised(long itemId, String reason, long revisedBy) {
        var headline = headline(itemId);
        notifications.send(others(peopleOfItem(itemId), revisedBy), "notification.plan.revised", List.of(headline, reason),
                "/items/" + itemId + "/lines");
    }

    /** The people of every line of a plan closed at year end: their reporting on it ends. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PlanClosed closed) {
        var people = LinePeople.roles(jdbc.sql("select distinct u.id from assignment a " + LinePeople.JOIN + "where a.plan_id = :plan"))
                .param("plan", closed.planId()).query(Long.class).list();
        int sent = notifications.send(others(people, closed.closedBy()), "notification.plan.closed", List.of(closed.title()),
                "/plans/" + closed.planId());
        log.info("Plan #{} closed: {} people of its lines told", closed.planId(), sent);
    }

    /** A school made responsible for an item by its lead office: its principals. */
    void schoolAdded(long lineId, String leadOffice, String headline, long itemId) {
        notifications.send(peopleOfLine(lineId), "notification.line.added", List.of(leadOffice, headline), "/items/" + itemId + "/lines");
    }

    /** A school taken off an item (its line is gone: the people are read before). */
    void schoolRemoved(List<Long> people, String leadOffice, String headline, long itemId) {
        notifications.send(people, "notification.line.removed", List.of(leadOffice, headline), "/items/" + itemId);
    }

    /** A line's own deadline or milestone set by its lead office. */
    void lineChanged(long lineId, String leadOffice, String headline, long itemId, LocalDate deadline, String milestone, long by) {
        notifications.send(others(peopleOfLine(lineId), by), "notification.line.changed",
                List.of(leadOffice, headline, deadline == null ? Notifications.message("notification.line.itemDeadline") : deadline,
                        milestone.isBlank() ? "—" : milestone),
                "/items/" + itemId + "/lines");
    }

    /** An inspector questions a file: whoever wrote the report and whoever uploaded the file correct it. */
    void evidenceQuestioned(List<Long> people, String inspector, String fileName, String headline, String note, String reportPath) {
        notifications.send(people, "notification.report.evidenceQuestioned", List.of(inspector, fileName, headline, note), reportPath);
    }

    /** The active people of a line. */
    List<Long> peopleOfLine(long lineId) {
        return LinePeople.roles(jdbc.sql("select u.id from assignment a " + LinePeople.JOIN + "where a.id = :line order by u.id"))
                .param("line", lineId).query(Long.class).list();
    }

    private List<Long> peopleOfItem(long itemId) {
        return LinePeople.roles(jdbc.sql("select distinct u.id from assignment a " + LinePeople.JOIN + "where a.item_id = :item"))
                .param("item", itemId).query(Long.class).list();
    }

    private String headline(long itemId) {
        return jdbc.sql("select headline from plan_node_view where id = :id").param("id", itemId).query(String.class).single();
    }

    private static List<Long> others(List<Long> people, long by) {
        return people.stream().filter(id -> id != by).toList();
    }
}
