package cn.workplan.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.workplan.account.CurrentUser;
import cn.workplan.execution.Progress;
import cn.workplan.execution.ProgressReports;
import cn.workplan.execution.ReportData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Sends and reviews a line's report of a period through {@link ProgressReports}, with the report's current version. */
@Component
public class TestReports {

    private final JdbcClient jdbc;
    private final ProgressReports reports;

    TestReports(JdbcClient jdbc, ProgressReports reports) {
        this.jdbc = jdbc;
        this.reports = reports;
    }

    /** Sends the line's report of the period (a new one, or the draft or returned one there is). */
    public void send(long line, LocalDate period, Progress progress, int percent, String narrative, Map<Long, BigDecimal> actuals,
            CurrentUser user) {
        var version = jdbc.sql("select version from progress_report where assignment_id = :line and period_start = :period")
                .param("line", line).param("period", period).query(Long.class).optional().orElse(null);
        reports.save(line, period, new ReportData(progress, percent, narrative, actuals, version), List.of(), true, user);
    }

    /** Approves the line's sent report of the period, or returns it with the comment. */
    public void review(long line, LocalDate period, boolean approve, String comment, CurrentUser user) {
        var report = jdbc.sql("select id, version from progress_report where assignment_id = :line and period_start = :period")
                .param("line", line).param("period", period).query((row, n) -> new long[] {row.getLong(1), row.getLong(2)}).single();
        reports.review(report[0], approve, approve ? null : comment, report[1], user);
    }
}
