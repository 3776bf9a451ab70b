package cn.workplan.org;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SchoolRepository extends JpaRepository<School, Long> {

    List<School> findAllByOrderByTownshipAscNameAsc();

    @Query("select new cn.workplan.org.OrgOption(s.id, s.name) from School s where s.active = true order by s.township, s.name")
    List<OrgOption> activeOptions();

    @Query("select distinct s.township from School s order by s.township")
    List<String> townships();

    @Query("select s.name from School s where s.name in :names")
    List<String> existingNames(Collection<String> names);

    @Query("select new cn.workplan.org.OrgOption(s.id, s.name) from School s")
    List<OrgOption> allOptions();

    boolean existsByNameAndIdNot(String name, long id);

    boolean existsByName(String name);

    long countByActiveTrue();
}
