package cn.workplan.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** How lines of responsibility are read, with the name of their office or school: one query text, one mapping. */
final class LineRows {

    /** Followed by a {@code where} clause on {@code a} (the assignment); {@code o} and {@code s} may be ordered by. */
    static final String SELECT = """
            select a.id, a.item_id, a.kind, a.office_id, a.school_id, coalesce(o.name, s.name) as party, a.deadline, a.milestone,
                   a.version, a.baseline_deadline
            from assignment a left join office_view o on o.id = a.office_id left join school_view s on s.id = a.school_id
            """;

    private LineRows() {
    }

    static ItemLines.Line map(ResultSet row, int number) throws SQLException {
        return new ItemLines.Line(row.getLong("id"), row.getLong("item_id"), row.getString("kind"), row.getObject("office_id", Long.class),
                row.getObject("school_id", Long.class), row.getString("party"), row.getObject("deadline", LocalDate.class),
                row.getString("milestone"), row.getLong("version"), row.getObject("baseline_deadline", LocalDate.class));
    }
}
