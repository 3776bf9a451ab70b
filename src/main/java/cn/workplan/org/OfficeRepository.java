package cn.workplan.org;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OfficeRepository extends JpaRepository<Office, Long> {

    List<Office> findAllByOrderByDisplayOrderAscIdAsc();

    boolean existsByNameAndIdNot(String name, long id);

    boolean existsByShortNameAndIdNot(String shortName, long id);

    boolean existsByName(String name);

    boolean existsByIdAndHeadUserId(long id, long headUserId);

    boolean existsByIdAndCoordinatorTrue(long id);

    boolean existsByShortName(String shortName);
}
