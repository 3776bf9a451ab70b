package cn.workplan.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** How lines of responsibility are read, with the name of their office or school: one query text, one mapping. */
final class LineRows {

    /** Followed by a {@code where} clause on {@code a} (the assignment). */
    static final String SELECT = """
            select a.id, a.item_id, a.kind, a.office_id, a.school_id, coalesce(o.name, s.name), a.deadline, a.milestone, a.version,
                   a.baseline_deadline
            from assignment a left join office o on o.id = a.office_id left join school s on s.id = a.school_id
            """;

    private LineRows() {
    }

    static ItemLines.Line map(ResultSet row, int number) throws SQLException {
        return new ItemLines.Line(row.getLong(1), row.getLong(2), row.getString(3), row.getObject(4, Long.class),
                row.getObject(5, Long.class), row.getString(6), row.getObject(7, LocalDate.class), row.getString(8), row.getLong(9),
                row.getObject(10, LocalDate.class));
    }
}
