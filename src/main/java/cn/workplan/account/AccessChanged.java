package cn.workplan.account;

/**
 * What a person may do changed (deactivated, another role, office or school, a new password): their open sessions
 * end once the change is committed ({@link AccountSessions}).
 *
 * @param username    the account's login, as sessions are indexed by it
 * @param reason      for the log: deactivated, role, office or school changed, password reset or changed
 * @param keepSession the session the person changed their own password in, which goes on; {@code null}: none
 */
record AccessChanged(String username, String reason, String keepSession) {
}
