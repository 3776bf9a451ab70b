package cn.workplan.plan;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PlanRepository extends JpaRepository<Plan, Long> {

    /** The plan, locked until the transaction ends: outline changes of one plan happen one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Plan p where p.id = :id")
    Optional<Plan> lockById(long id);

    /** Whether another plan of the year has the title (titles are unique per year: {@code plan_year_title_key}). */
    @Query("select count(p) > 0 from Plan p where p.year = :year and p.title = :title and p.id <> :exceptId")
    boolean titleTaken(int year, String title, long exceptId);
}
