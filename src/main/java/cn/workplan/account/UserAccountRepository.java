package cn.workplan.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @Query("select u from UserAccount u where lower(u.username) = lower(:username)")
    Optional<UserAccount> findByLogin(String username);

    @Query("select count(u) > 0 from UserAccount u where lower(u.username) = lower(:username)")
    boolean existsByLogin(String username);

    List<UserAccount> findAllByIdIn(Collection<Long> ids);

    List<UserAccount> findAllByRoleAndActiveTrueOrderByDisplayName(Role role);

    List<UserAccount> findAllByRoleAndOfficeIdAndActiveTrueOrderByDisplayName(Role role, Long officeId);

    List<UserAccount> findAllByRoleAndActiveTrueAndSchoolIdNotNullOrderByDisplayName(Role role);

    long countByActiveTrue();

    @Modifying
    @Query("update UserAccount u set u.lastLoginAt = :now where lower(u.username) = lower(:username)")
    int recordSuccess(String username, Instant now);
}
