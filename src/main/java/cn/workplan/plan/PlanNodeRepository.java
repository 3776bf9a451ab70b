package cn.workplan.plan;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PlanNodeRepository extends JpaRepository<PlanNode, Long> {

    List<PlanNode> findByPlanIdAndParentIdOrderByPositionAscIdAsc(long planId, long parentId);

    List<PlanNode> findByPlanIdAndParentIdIsNullOrderByPositionAscIdAsc(long planId);

    List<PlanNode> findByPlanId(long planId);

    long countByPlanIdAndKind(long planId, NodeKind kind);

    default List<PlanNode> children(long planId, Long parentId) {
        return parentId == null ? findByPlanIdAndParentIdIsNullOrderByPositionAscIdAsc(planId)
                : findByPlanIdAndParentIdOrderByPositionAscIdAsc(planId, parentId);
    }

    /** Places a node without touching its version: moving an item does not conflict with editing its text. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update PlanNode n set n.parentId = :parentId, n.position = :position where n.id = :id")
    void place(long id, Long parentId, int position);

    /** Deletes a node; the database deletes its descendants, offices, schools, targets and comments with it. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from PlanNode n where n.id = :id")
    void deleteNode(long id);
}
