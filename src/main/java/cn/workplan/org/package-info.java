/**
 * The bureau's directory: its offices (股室) and schools, their pages and the schools' import. Other modules refer to
 * offices and schools
 * by id and read them through {@link cn.workplan.org.OfficeService} and {@link cn.workplan.org.SchoolService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Offices and schools")
package cn.workplan.org;
