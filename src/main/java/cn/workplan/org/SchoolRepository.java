package cn.workplan.org;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SchoolRepository extends JpaRepository<School, Long> {

    List<School> findAllByOrderByTownshipAscNameAsc();

    boolean existsByNameAndIdNot(String name, long id);

    boolean existsByName(String name);

    long countByActiveTrue();
}
