package cn.workplan.execution;

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

    Assignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PlanPublished published) {
        long plan = published.planId();
        int lead = jdbc.sql("""
                insert into assignment (plan_id, item_id, kind, office_id)
                select n.plan_id, n.id, 'LEAD', n.lead_office_id from plan_node n
                where n.plan_id = :plan and n.kind = 'ITEM' and n.lead_office_id is not null
                on conflict do nothing""").param("plan", plan).update();
        int cooperating = jdbc.sql("""
                insert into assignment (plan_id, item_id, kind, office_id)
                select n.plan_id, n.id, 'COOPERATING', o.office_id from plan_node n join plan_item_office o on o.node_id = n.id
                where n.plan_id = :plan and n.kind = 'ITEM' and o.office_id is distinct from n.lead_office_id
                on conflict do nothing""").param("plan", plan).update();
        int schools = jdbc.sql("""
                insert into assignment (plan_id, item_id, kind, school_id)
                select n.plan_id, n.id, 'SCHOOL', s.school_id from plan_node n join plan_item_school s on s.node_id = n.id
                where n.plan_id = :plan and n.kind = 'ITEM'
                on conflict do nothing""").param("plan", plan).update();
        log.info("Plan #{} published: {} lead, {} cooperating and {} school lines of responsibility", plan, lead,
                cooperating, schools);
    }
}
