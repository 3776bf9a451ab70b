/**
 * Each person's start page after login, chosen by role, with the person's to-do list first: the administrator's
 * directory overview, the leader's offices in charge and the newest drafted reports, an office's own page, a
 * principal's school, the inspector's schools.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home pages")
package cn.workplan.home;
