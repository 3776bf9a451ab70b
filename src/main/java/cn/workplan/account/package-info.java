/**
 * Accounts and security: who may log in, with which role, for which office or school; login lockout;
 * password changes; the security filter chains for pages and for the JSON API.
 * Other modules read the logged-in person as {@link cn.workplan.account.CurrentUser}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts and security")
package cn.workplan.account;
