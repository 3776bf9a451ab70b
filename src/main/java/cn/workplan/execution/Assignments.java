package cn.workplan.execution;

import cn.workplan.plan.ItemRevised;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.PlanPublished;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the lines of responsibility of a plan when it is published, in the publishing transaction (a plan
 * is never published without its lines): one for each item's lead office, cooperating office and responsible
 * school. Three statements whatever the size of the plan; publishing again (never done today) adds nothing.
 */
@Component
class Assignments {

    private static final Logger log = LoggerFactory.getLogger(Assignments.class);

    private final JdbcClient jdbc;
    private final LineNotifications notifications;

    Assignments(JdbcClient jdbc, LineNotifications notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PlanPublished published) {
        var made = add("n.plan_id = :id", published.planId());
        log.info("Plan #{} published: {} lead, {} cooperating and {} school lines of responsibility", published.planId(),
                made[0], made[1], made[2]);
        if (published.announced()) {
            notifications.published(published.planId(), published.publishedBy());
        }
    }

    /**
     * Keeps an item's lines in step with its revision: the offices' lines take their kind from the item (a new
     * lead office's line becomes the consolidated one), an office taken off the item loses its line unless it
     * has reported on it already (the reports stay with it), and new offices and schools get lines. Schools
     * taken off the item keep their lines: the lead office removes them on the lines page, where it also
     * adds schools the plan does not name.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ItemRevised revised) {
        long item = revised.itemId();
        int removed = jdbc.sql("""
                delete from assignment a using plan_node_view n
                where n.id = a.item_id and a.item_id = :item and a.office_id is not null
                  and a.office_id is distinct from n.lead_office_id
                  and not exists (select 1 from plan_item_office_view o where o.node_id = n.id and o.office_id = a.office_id)
                  and not exists (select 1 from progress_report r where r.assignment_id = a.id)""").param("item", item).update();
        jdbc.sql("""
                update assignment a set kind = case when a.office_id = n.lead_office_id then 'LEAD' else 'COOPERATING' end
                from plan_node_view n where n.id = a.item_id and a.item_id = :item and a.office_id is not null
                  and a.kind <> case when a.office_id = n.lead_office_id then 'LEAD' else 'COOPERATING' end""")
                .param("item", item).update();
        var made = add("n.id = :id", item);
        if (removed + made[0] + made[1] + made[2] > 0) {
            log.info("Item #{} revised: {} office line(s) removed; {} lead, {} cooperating and {} school line(s) added", item,
                    removed, made[0], made[1], made[2]);
        }
        notifications.revised(item, revised.reason(), revised.revisedBy());
    }

    /** Adds the missing lines of the items the condition on {@code n} (with {@code :id}) selects: lead, cooperating, school. */
    private int[] add(String items, long id) {
        int lead = jdbc.sql("""
                insert into assignment (plan_id, item_id, kind, office_id)
                select n.plan_id, n.id, 'LEAD', n.lead_office_id from plan_node_view n
                where %s and n.kind = :kind and n.lead_office_id is not null
                on conflict do nothing""".formatted(items)).param("id", id).param("kind", NodeKind.ITEM.name()).update();
        int cooperating = jdbc.sql("""
                insert into assignment (plan_id, item_id, kind, office_id)
                select n.plan_id, n.id, 'COOPERATING', o.office_id from plan_node_view n
                join plan_item_office_view o on o.node_id = n.id
                where %s and n.kind = :kind and o.office_id is distinct from n.lead_office_id
                on conflict do nothing""".formatted(items)).param("id", id).param("kind", NodeKind.ITEM.name()).update();
        int schools = jdbc.sql("""
                insert into assignment (plan_id, item_id, kind, school_id)
                select n.plan_id, n.id, 'SCHOOL', s.school_id from plan_node_view n
                join plan_item_school_view s on s.node_id = n.id
                where %s and n.kind = :kind
                on conflict do nothing""".formatted(items)).param("id", id).param("kind", NodeKind.ITEM.name()).update();
        return new int[] {lead, cooperating, schools};
    }
}
