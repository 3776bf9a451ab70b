package cn.workplan.execution;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the bureau wants its status lights (see {@link StatusLights}); set under {@code workplan.lights}.
 *
 * @param dueSoonDays      an unfinished item or line turns yellow this many days before its deadline
 * @param tolerancePercent how many percentage points of progress may lag behind the schedule's expectation
 *                         before the light turns yellow
 */
@ConfigurationProperties("workplan.lights")
public record LightProperties(@DefaultValue("15") int dueSoonDays, @DefaultValue("10") int tolerancePercent) {

    public LightProperties {
        if (dueSoonDays < 0 || tolerancePercent < 0 || tolerancePercent > 100) {
            throw new IllegalArgumentException("workplan.lights: due-soon-days must not be negative, tolerance-percent 0 to 100");
        }
    }
}
