package cn.workplan.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditTrail;
import cn.workplan.org.OfficeService;
import cn.workplan.org.SchoolService;

import org.springframework.stereotype.Component;

/**
 * What the audit log keeps of a change to a plan's outline, in the transaction of the change. The record's type is
 * the node's kind ({@code CHAPTER}, {@code SECTION}, {@code ITEM}, {@code POINT}), its label the headline; a task
 * item's offices and schools are written by name, as people read them. Empty fields are left out.
 */
@Component
class OutlineAudit {

    private final AuditTrail audit;
    private final OfficeService offices;
    private final SchoolService schools;

    OutlineAudit(AuditTrail audit, OfficeService offices, SchoolService schools) {
        this.audit = audit;
        this.offices = offices;
        this.schools = schools;
    }

    /** Where a node stands: under which heading (none at the top level), at which place (from 1). */
    record Place(String parent, int position) {

        static Place of(PlanNode parent, int index) {
            return new Place(parent == null ? null : parent.getHeadline(), index + 1);
        }

        Map<String, Object> state() {
            var state = new LinkedHashMap<String, Object>();
            state.put("parent", parent);
            state.put("position", position);
            return state;
        }
    }

    void added(Plan plan, PlanNode node, Place place) {
        var state = new LinkedHashMap<String, Object>();
        state.put("plan", plan.getTitle());
        state.putAll(place.state());
        state.putAll(state(node));
        audit.record(AuditAction.CREATE, type(node), node.getId(), node.getHeadline(), Map.of(), compact(state, true));
    }

    /** The node's text and, for a task item, its details: what {@link #changed} compares. */
    Map<String, Object> state(PlanNode node) {
        var state = new LinkedHashMap<String, Object>();
        state.put("headline", node.getHeadline());
        state.put("body", node.getBody());
        if (node.getKind() == NodeKind.ITEM) {
            // the names are read only when the item names someone (an imported item names no school)
            var officeNames = node.getLeadOfficeId() == null && node.getCooperatingOfficeIds().isEmpty() ? Map.<Long, String>of()
                    : offices.names();
            state.put("leadOffice", node.getLeadOfficeId() == null ? null : officeNames.get(node.getLeadOfficeId()));
            state.put("cooperatingOffices", names(node.getCooperatingOfficeIds(), officeNames));
            state.put("schools", node.getSchoolIds().isEmpty() ? null : names(node.getSchoolIds(), schools.names()));
            state.put("targets", String.join("；", node.getTargets().stream().map(Target::text).toList()));
            state.put("deadlineKind", node.getDeadlineKind());
            state.put("deadline", node.getDeadline());
            state.put("q1", node.getQ1());
            state.put("q2", node.getQ2());
            state.put("q3", node.getQ3());
            state.put("q4", node.getQ4());
            state.put("keyItem", node.isKeyItem());
            state.put("tags", String.join("、", node.getTags()));
        }
        return compact(state, false);
    }

    /**
     * A node's text or details changed: an update, or a revision of a published plan's item with its reason (recorded
     * even when the reason is all there is to it). An update that changed nothing records nothing.
     */
    void changed(PlanNode node, Map<String, Object> before, String reason) {
        var after = new LinkedHashMap<>(state(node));
        if (reason == null) {
            audit.updated(type(node), node.getId(), node.getHeadline(), before, after);
        } else {
            after.put("reason", reason.strip());
            audit.record(AuditAction.REVISE, type(node), node.getId(), node.getHeadline(), before, after);
        }
    }

    void moved(PlanNode node, Place from, Place to) {
        if (!from.equals(to)) {
            audit.record(AuditAction.MOVE, type(node), node.getId(), node.getHeadline(), from.state(), to.state());
        }
    }

    /** The node and everything under it, each with what it held, the node first. */
    void deleted(Plan plan, PlanNode node, Place place, List<PlanNode> descendants) {
        var state = new LinkedHashMap<String, Object>();
        state.put("plan", plan.getTitle());
        state.putAll(place.state());
        state.putAll(state(node));
        if (!descendants.isEmpty()) {
            state.put("descendants", descendants.size());
        }
        audit.record(AuditAction.DELETE, type(node), node.getId(), node.getHeadline(), compact(state, true), Map.of());
        for (var descendant : descendants) {
            audit.record(AuditAction.DELETE, type(descendant), descendant.getId(), descendant.getHeadline(),
                    compact(state(descendant), true), Map.of());
        }
    }

    void commented(PlanNode node, String comment) {
        audit.record(AuditAction.COMMENT, type(node), node.getId(), node.getHeadline(), Map.of(), Map.of("comment", comment));
    }

    void answered(PlanNode node, String answer) {
        audit.record(AuditAction.REPLY, type(node), node.getId(), node.getHeadline(), Map.of(), Map.of("answer", answer));
    }

    private static String type(PlanNode node) {
        return node.getKind().name();
    }

    private static String names(Collection<Long> ids, Map<Long, String> names) {
        var found = new ArrayList<String>();
        ids.stream().map(names::get).filter(Objects::nonNull).forEach(found::add);
        return String.join("、", found);
    }

    /**
     * Leaves out what is empty, and unset flags too for a node created or deleted, so that such an entry lists what the
     * node holds; a change keeps the flags, so that unsetting one reads 是 → 否.
     */
    private static Map<String, Object> compact(Map<String, Object> state, boolean dropUnsetFlags) {
        var compact = new LinkedHashMap<String, Object>();
        state.forEach((field, value) -> {
            if (value != null && !"".equals(value) && !(dropUnsetFlags && Boolean.FALSE.equals(value))) {
                compact.put(field, value);
            }
        });
        return compact;
    }
}
