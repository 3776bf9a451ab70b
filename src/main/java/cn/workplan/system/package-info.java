/**
 * Infrastructure every feature stands on: the quick-start database, the page layout, locale and date
 * formatting, error pages. Holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.workplan.system;
