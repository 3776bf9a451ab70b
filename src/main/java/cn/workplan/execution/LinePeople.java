package cn.workplan.execution;

import cn.workplan.account.Role;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * Who answers for a line of responsibility, and so is reminded of it: the active principals of its school (a
 * school's line), the active staff of its office (the lead office's and a cooperating office's line).
 */
final class LinePeople {

    /**
     * Joins the people {@code u} (account's {@code person_view}) of each line {@code a} (assignment); the roles are
     * account's words, bound by {@link #roles}.
     */
    static final String JOIN = """
            join person_view u on u.active
              and (a.kind = 'SCHOOL' and u.role = :principal and u.school_id = a.school_id
                   or a.kind <> 'SCHOOL' and u.role = :staff and u.office_id = a.office_id)
            """;

    private LinePeople() {
    }

    /** Binds the roles {@link #JOIN} names. */
    static StatementSpec roles(StatementSpec statement) {
        return statement.param("principal", Role.PRINCIPAL.name()).param("staff", Role.OFFICE_STAFF.name());
    }
}
