package cn.workplan.account;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.workplan.org.PersonDirectory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the directory about people: names, leaders, office staff, principals. */
@Component
@Transactional(readOnly = true)
class AccountPersonDirectory implements PersonDirectory {

    private final UserAccountRepository users;

    AccountPersonDirectory(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    public Map<Long, String> names(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return users.findAllByIdIn(userIds).stream()
                .collect(Collectors.toMap(UserAccount::getId, UserAccount::getDisplayName));
    }

    @Override
    public List<Person> leaders() {
        return users.findAllByRoleAndActiveTrueOrderByDisplayName(Role.LEADER).stream().map(AccountPersonDirectory::person).toList();
    }

    @Override
    public List<Person> staffOf(long officeId) {
        return users.findAllByRoleAndOfficeIdAndActiveTrueOrderByDisplayName(Role.OFFICE_STAFF, officeId).stream()
                .map(AccountPersonDirectory::person).toList();
    }

    @Override
    public Map<Long, List<String>> principalsBySchool() {
        return users.findAllByRoleAndActiveTrueAndSchoolIdNotNullOrderByDisplayName(Role.PRINCIPAL).stream()
                .collect(Collectors.groupingBy(UserAccount::getSchoolId,
                        Collectors.mapping(UserAccount::getDisplayName, Collectors.toList())));
    }

    private static Person person(UserAccount user) {
        return new Person(user.getId(), user.getDisplayName());
    }
}
