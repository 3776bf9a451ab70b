package cn.workplan.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The light rules at their boundaries, with the default settings: yellow 15 days before the deadline, 10 points' tolerance. */
class StatusLightsTest {

    final StatusLights lights = new StatusLights(new LightProperties(15, 10));

    static final List<String> NO_MILESTONES = List.of("", "", "", "");
    /** Milestones in the second and third quarters: the work starts on 1 April. */
    static final List<String> Q2_Q3 = List.of("", "完成方案", "全面实施", "");

    static LocalDate day(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    Light light(LocalDate deadline, List<String> quarters, int percent, LocalDate today) {
        return lights.light(new StatusLights.Schedule(2026, deadline, quarters), percent, false, today);
    }

    @Test
    void redTheDayAfterTheDeadlineUnlessDone() {
        assertThat(light(day(6, 30), NO_MILESTONES, 90, day(6, 30))).isEqualTo(Light.YELLOW);
        assertThat(light(day(6, 30), NO_MILESTONES, 90, day(7, 1))).isEqualTo(Light.RED);
        assertThat(light(day(6, 30), NO_MILESTONES, 100, day(7, 1))).isEqualTo(Light.GREEN);
        assertThat(lights.light(new StatusLights.Schedule(2026, day(6, 30), NO_MILESTONES), 40, true, day(7, 1)))
                .as("reported done or signed off").isEqualTo(Light.GREEN);
    }

    @Test
    void yellowFromFifteenDaysBeforeTheDeadline() {
        assertThat(light(day(6, 30), NO_MILESTONES, 95, day(6, 14))).isEqualTo(Light.GREEN);
        assertThat(light(day(6, 30), NO_MILESTONES, 95, day(6, 15))).isEqualTo(Light.YELLOW);
    }

    @Test
    void greyBeforeTheFirstMilestoneQuarterWhileNothingIsReported() {
        assertThat(light(day(9, 30), Q2_Q3, 0, day(3, 31))).isEqualTo(Light.GREY);
        assertThat(light(day(9, 30), Q2_Q3, 5, day(3, 31))).as("started early").isEqualTo(Light.GREEN);
        assertThat(light(day(9, 30), Q2_Q3, 0, day(4, 1))).isEqualTo(Light.GREEN);
    }

    @Test
    void yellowWhenProgressLagsTheMilestonesBeyondTheTolerance() {
        // the second quarter's milestone is over on 1 July: half the milestones, 50 % expected
        assertThat(lights.expected(new StatusLights.Schedule(2026, day(12, 31), Q2_Q3), day(6, 30))).isZero();
        assertThat(lights.expected(new StatusLights.Schedule(2026, day(12, 31), Q2_Q3), day(7, 1))).isEqualTo(50);
        assertThat(light(day(12, 31), Q2_Q3, 40, day(7, 1))).isEqualTo(Light.GREEN);
        assertThat(light(day(12, 31), Q2_Q3, 39, day(7, 1))).isEqualTo(Light.YELLOW);
        assertThat(light(day(12, 31), Q2_Q3, 10, day(6, 30))).as("nothing expected yet").isEqualTo(Light.GREEN);
    }

    @Test
    void withoutMilestonesTheExpectationGrowsWithTimeTowardsTheDeadline() {
        // 1 January to 30 April: 120 days; on 1 March 59 of them are gone, 49 % expected
        assertThat(lights.expected(new StatusLights.Schedule(2026, day(4, 30), NO_MILESTONES), day(3, 1))).isEqualTo(49);
        assertThat(light(day(4, 30), NO_MILESTONES, 39, day(3, 1))).isEqualTo(Light.GREEN);
        assertThat(light(day(4, 30), NO_MILESTONES, 38, day(3, 1))).isEqualTo(Light.YELLOW);
        assertThat(lights.expected(new StatusLights.Schedule(2026, null, NO_MILESTONES), day(7, 2)))
                .as("no deadline: the year").isEqualTo(49);
    }

    @Test
    void theSettingsMoveTheBoundaries() {
        var strict = new StatusLights(new LightProperties(30, 0));
        assertThat(strict.light(new StatusLights.Schedule(2026, day(6, 30), NO_MILESTONES), 95, false, day(5, 31))).isEqualTo(Light.YELLOW);
        assertThat(strict.light(new StatusLights.Schedule(2026, day(12, 31), Q2_Q3), 49, false, day(7, 1))).isEqualTo(Light.YELLOW);
    }
}
