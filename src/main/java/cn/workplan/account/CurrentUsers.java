package cn.workplan.account;

import java.util.Optional;

/**
 * A person as the application sees them when they are signed in (role, office, school, whether they head their office),
 * for work done for them without a request of theirs: a daily digest of what waits for them.
 */
public interface CurrentUsers {

    /** The account with the id as a signed-in person; empty when there is none or it is deactivated. */
    Optional<CurrentUser> active(long accountId);
}
