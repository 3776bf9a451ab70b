package cn.workplan.execution;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the rows the report triggers append to {@code report_tally} (see {@code V10__line_standing.sql}) into one
 * per plan, period and state, so that reading a plan's tally stays a sum over a few rows; and drops the rows of
 * {@code item_tally} that count nothing any more (periods every line of an item has reported past, see
 * {@code V12__dashboard_tallies.sql}). Every night, and after reports are written in bulk. Rows appended while it
 * runs are left for the next time.
 */
@Component
public class ReportTally {

    private static final Logger log = LoggerFactory.getLogger(ReportTally.class);

    private final JdbcClient jdbc;

    ReportTally(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(cron = "${workplan.report-tally.cron:0 30 2 * * *}", zone = "${workplan.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "report-tally")
    public void compactNightly() {
        compact();
    }

    /** Folds the tally; returns how many rows there were before. */
    @Transactional
    public int compact() {
        int before = jdbc.sql("select count(*) from report_tally").query(Integer.class).single();
        jdbc.sql("""
                with gone as (delete from report_tally returning *)
                insert into report_tally (plan_id, period_start, state, reports, percent_sum)
                select plan_id, period_start, state, sum(reports), sum(percent_sum) from gone
                group by plan_id, period_start, state
                having sum(reports) <> 0 or sum(percent_sum) <> 0""").update();
        int empty = jdbc.sql("delete from item_tally where lines = 0 and approved_sum = 0 and all_lines = 0").update();
        log.info("Report tally folded from {} rows; {} empty item tally rows dropped", before, empty);
        return before;
    }
}
