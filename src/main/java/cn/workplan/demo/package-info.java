/**
 * Demo data for the quick start: a plausible county (青山县) with its offices, schools and accounts.
 * Loaded only into an empty quick-start database, or where {@code workplan.demo-data.enabled=true}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package cn.workplan.demo;
