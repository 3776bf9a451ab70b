package cn.workplan.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import cn.workplan.system.WorkplanProperties;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the real time until a test sets a day ({@link #today(LocalDate)}) or an instant, which
 * it must {@link #reset()} afterwards, since the tests share one application context.
 */
public final class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Instant fixed;

    TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** From now on it is this day, at ten in the morning in the bureau's time zone. */
    public void today(LocalDate day) {
        fixed = day.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant();
    }

    /** From now on it is this instant. */
    public void at(Instant instant) {
        fixed = instant;
    }

    /** Moves the clock on; a clock that showed the real time stays fixed from now on. */
    public void advance(Duration duration) {
        fixed = instant().plus(duration);
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : Clock.fixed(instant(), other);
    }

    @Override
    public Instant instant() {
        var instant = fixed;
        return instant != null ? instant : Instant.now();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock(WorkplanProperties properties) {
            return new TestClock(properties.timeZone());
        }
    }
}
