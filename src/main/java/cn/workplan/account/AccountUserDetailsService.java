package cn.workplan.account;

import java.util.Optional;

import cn.workplan.org.OfficeService;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the account that is logging in, by login name in any case; and, for work done for a person without a request of
 * theirs (a daily digest of their to-do list), an active account by its id ({@link CurrentUsers}).
 */
@Service
class AccountUserDetailsService implements UserDetailsService, CurrentUsers {

    private final UserAccountRepository users;
    private final OfficeService offices;

    AccountUserDetailsService(UserAccountRepository users, OfficeService offices) {
        this.users = users;
        this.offices = offices;
    }

    @Override
    @Transactional(readOnly = true)
    public CurrentUser loadUserByUsername(String username) {
        var user = users.findByLogin(username == null ? "" : username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("no account " + username));
        return asCurrentUser(user);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CurrentUser> active(long accountId) {
        return users.findById(accountId).filter(UserAccount::isActive).map(this::asCurrentUser);
    }

    private CurrentUser asCurrentUser(UserAccount user) {
        boolean staff = user.getRole() == Role.OFFICE_STAFF && user.getOfficeId() != null;
        boolean head = staff && offices.isHead(user.getOfficeId(), user.getId());
        boolean coordinator = staff && offices.isCoordinator(user.getOfficeId());
        return new CurrentUser(user.getId(), user.getUsername(), user.getDisplayName(), user.getRole(),
                user.getOfficeId(), user.getSchoolId(), head, coordinator, user.isActive(),
                user.getPasswordChangedAt(), user.getPasswordHash());
    }
}
