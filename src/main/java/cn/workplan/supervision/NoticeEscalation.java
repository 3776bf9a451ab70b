package cn.workplan.supervision;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The job that escalates unanswered notices ({@link NoticeService#escalateOverdue}), by default every hour from 8:00 to
 * 18:00 in the bureau's time zone ({@code workplan.supervision.escalation-cron}); one instance at a time runs it
 * (ShedLock's {@code notice-escalation} lock), and a notice is escalated once whoever runs it.
 */
@Component
class NoticeEscalation {

    private static final Logger log = LoggerFactory.getLogger(NoticeEscalation.class);

    private final NoticeService notices;
    private final Clock clock;

    NoticeEscalation(NoticeService notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    @Scheduled(cron = "${workplan.supervision.escalation-cron:0 0 8-18 * * *}", zone = "${workplan.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "notice-escalation")
    public void run() {
        int escalated = notices.escalateOverdue(LocalDate.now(clock));
        if (escalated > 0) {
            log.info("Escalated {} unanswered supervision notices", escalated);
        }
    }
}
