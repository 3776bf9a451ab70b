/**
 * Accounts and security: who may log in, with which role, for which office or school; logins slowed down against
 * guessing ({@link cn.workplan.account.LoginThrottle}); passwords; the sessions of an account ended when its access
 * changes; the security filter chains for pages and for the JSON API; the account pages and the accounts' import.
 * Other modules read the logged-in person as {@link cn.workplan.account.CurrentUser}; {@code org}'s
 * {@code PersonDirectory} is implemented here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts and security")
package cn.workplan.account;
