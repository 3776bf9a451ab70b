package cn.workplan.org;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OfficeRepository extends JpaRepository<Office, Long> {

    List<Office> findAllByOrderByDisplayOrderAscIdAsc();

    @Query("select new cn.workplan.org.OrgOption(o.id, o.name) from Office o where o.active = true order by o.displayOrder, o.id")
    List<OrgOption> activeOptions();

    @Query("select new cn.workplan.org.OrgOption(o.id, o.name) from Office o")
    List<OrgOption> allOptions();

    @Query("select new cn.workplan.org.OrgOption(o.id, o.shortName) from Office o")
    List<OrgOption> allShortNames();

    boolean existsByNameAndIdNot(String name, long id);

    boolean existsByShortNameAndIdNot(String shortName, long id);

    boolean existsByName(String name);

    boolean existsByIdAndHeadUserId(long id, long headUserId);

    boolean existsByIdAndCoordinatorTrue(long id);

    boolean existsByShortName(String shortName);
}
