package cn.workplan.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.EntityManager;
import lombok.extern.slf4j.Slf4j;

import cn.workplan.system.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What carrying out a published plan changes on its items: an approved extension moves an item's deadline, a
 * leader signs an item off (办结) or reopens it. Each change is a revision of the item with its reason, so the
 * item's history shows it. The caller (the execution module) has decided who may do this; here the plan row is
 * locked first, as for every outline change, so these changes and item edits happen one after another, and
 * each method answers whether the item was in the state the change needs.
 */
@Slf4j
@Service
@Transactional
public class ItemExecution {

    private final PlanRepository plans;
    private final PlanNodeRepository nodes;
    private final ItemRevisions revisions;
    private final Clock clock;
    private final EntityManager entities;

    ItemExecution(
            PlanRepository plans, PlanNodeRepository nodes, ItemRevisions revisions, Clock clock,
            EntityManager entities) {
        this.plans = plans;
        this.nodes = nodes;
        this.revisions = revisions;
        this.clock = clock;
        this.entities = entities;
    }

    /**
     * Moves the item's deadline to a later day (as a day, kind DATE); the deadline before the first extension
     * stays as the baseline. The revision's reason is "延期：" and the given reason. Returns {@code false}, changing
     * nothing, when the item has no deadline or the day is not later than its deadline.
     */
    public boolean extendDeadline(long itemId, LocalDate later, String reason, String actor) {
        var item = published(itemId);
        if (item.getDeadline() == null || !later.isAfter(item.getDeadline())) {
            return false;
        }
        var before = item.getDeadline();
        item.extendDeadline(later);
        save(item, actor, "延期：" + reason);
        log.info("{} moved the deadline of item #{} from {} to {} (baseline {})", actor, itemId, before, later,
                item.getBaselineDeadline());
        return true;
    }

    /** Signs the item off now. Returns {@code false}, changing nothing, when it is signed off already. */
    public boolean signOff(long itemId, String note, String actor) {
        var item = published(itemId);
        if (item.getCompletedAt() != null) {
            return false;
        }
        item.complete(Instant.now(clock));
        save(item, actor, "办结：" + note);
        return true;
    }

    /** Reopens a signed-off item. Returns {@code false}, changing nothing, when it is not signed off. */
    public boolean reopen(long itemId, String reason, String actor) {
        var item = published(itemId);
        if (item.getCompletedAt() == null) {
            return false;
        }
        item.complete(null);
        save(item, actor, "重新打开：" + reason);
        return true;
    }

    private void save(PlanNode item, String actor, String reason) {
        nodes.saveAndFlush(item);
        revisions.record(item, actor, reason);
    }

    /** The task item of a published plan, its plan locked until the transaction ends. */
    private PlanNode published(long itemId) {
        var item = nodes.findById(itemId).filter(node -> node.getKind() == NodeKind.ITEM)
                .orElseThrow(() -> new NotFoundException("item", itemId));
        var plan = plans.lockById(item.getPlanId()).orElseThrow(() -> new NotFoundException("plan", item.getPlanId()));
        if (plan.getStatus() != PlanStatus.PUBLISHED) {
            throw new IllegalStateException("plan #" + plan.getId() + " is not being carried out");
        }
        // read again under the lock: what another transaction committed while this one waited for it counts
        entities.refresh(item);
        return item;
    }
}
