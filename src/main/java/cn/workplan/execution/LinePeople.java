package cn.workplan.execution;

/**
 * Who answers for a line of responsibility, and so is reminded of it: the active principals of its school (a
 * school's line), the active staff of its office (the lead office's and a cooperating office's line).
 */
final class LinePeople {

    /** Joins the people {@code u} (app_user) of each line {@code a} (assignment). */
    static final String JOIN = """
            join app_user u on u.active
              and (a.kind = 'SCHOOL' and u.role = 'PRINCIPAL' and u.school_id = a.school_id
                   or a.kind <> 'SCHOOL' and u.role = 'OFFICE_STAFF' and u.office_id = a.office_id)
            """;

    private LinePeople() {
    }
}
