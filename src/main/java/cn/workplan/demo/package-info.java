/**
 * Demo data for the quick start: a plausible county (青山县) with its offices, schools and accounts, its published
 * work plan of the year, reported on from the first month up to the day it is loaded, with notices, extension
 * requests, a sign-off and a drafted report, and the city's work points the plan carries out; loaded only into an
 * empty quick-start database, or where {@code workplan.demo-data.enabled=true}; and,
 * when asked with {@code workplan.generate.*}, volume data for measurements: large generated plans and
 * more schools (see {@link cn.workplan.demo.VolumeDataGenerator}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package cn.workplan.demo;
