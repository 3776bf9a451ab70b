package cn.workplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ClassUtils;

/**
 * Every scheduled job runs under a ShedLock lock, so that two instances never run it at once, and its locked method
 * returns nothing: ShedLock's proxy throws on a locked method that returns a value, so such a job would fail every
 * night without anyone calling it noticing (the outbox's cleanup did).
 */
class ScheduledJobsTest {

    @Test
    void everyJobIsLockedAndItsLockedMethodReturnsNothing() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        var jobs = new ArrayList<Method>();
        for (var candidate : scanner.findCandidateComponents("cn.workplan")) {
            var type = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
            for (var method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Scheduled.class) || method.isAnnotationPresent(SchedulerLock.class)) {
                    jobs.add(method);
                }
            }
        }
        assertThat(jobs).as("scheduled jobs found").hasSizeGreaterThanOrEqualTo(9);
        List<String> unlocked = jobs.stream().filter(m -> !m.isAnnotationPresent(SchedulerLock.class)
                && !m.getDeclaringClass().getSimpleName().equals("DeliveryWorker")).map(Method::toString).toList();
        List<String> returning = jobs.stream().filter(m -> m.isAnnotationPresent(SchedulerLock.class)
                && m.getReturnType() != void.class).map(Method::toString).toList();
        assertThat(unlocked).as("jobs without a ShedLock lock (the outbox worker claims rows with skip locked instead)")
                .isEmpty();
        assertThat(returning).as("locked jobs that return a value").isEmpty();
    }
}
