package cn.workplan.execution;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Works out the light of an item or a line from its schedule, not only from its deadline. In this order:
 * <ol>
 * <li>done (reported done, 100 %, or signed off): green;</li>
 * <li>past its deadline: red;</li>
 * <li>before its schedule starts (the first quarter with a milestone, or 1 January of the plan's year when
 * the item has none) and nothing reported yet: grey;</li>
 * <li>due within {@link LightProperties#dueSoonDays()} days: yellow;</li>
 * <li>progress lagging the schedule's expectation by more than {@link LightProperties#tolerancePercent()}
 * points: yellow. With quarter milestones the expectation is the share of milestone quarters already
 * over; without them, the share of the time from 1 January to the deadline (31 December when there is
 * none) already gone;</li>
 * <li>otherwise green.</li>
 * </ol>
 */
@Component
@EnableConfigurationProperties(LightProperties.class)
public class StatusLights {

    private final LightProperties rules;

    StatusLights(LightProperties rules) {
        this.rules = rules;
    }

    /** What the light is worked out from. */
    public record Schedule(int year, LocalDate deadline, List<String> quarters) {
    }

    public Light light(Schedule schedule, int percent, boolean done, LocalDate today) {
        if (done || percent >= 100) {
            return Light.GREEN;
        }
        var deadline = schedule.deadline();
        if (deadline != null && today.isAfter(deadline)) {
            return Light.RED;
        }
        if (today.isBefore(start(schedule)) && percent == 0) {
            return Light.GREY;
        }
        if (deadline != null && ChronoUnit.DAYS.between(today, deadline) <= rules.dueSoonDays()) {
            return Light.YELLOW;
        }
        return percent + rules.tolerancePercent() < expected(schedule, today) ? Light.YELLOW : Light.GREEN;
    }

    /** The progress, in percent, that the schedule expects by the given day. */
    public int expected(Schedule schedule, LocalDate today) {
        var quarters = schedule.quarters();
        int planned = 0;
        int over = 0;
        for (int quarter = 1; quarter <= 4; quarter++) {
            if (!quarters.get(quarter - 1).isBlank()) {
                planned++;
                if (today.isAfter(quarterEnd(schedule.year(), quarter))) {
                    over++;
                }
            }
        }
        if (planned > 0) {
            return over * 100 / planned;
        }
        var start = LocalDate.of(schedule.year(), 1, 1);
        var end = schedule.deadline() != null ? schedule.deadline() : LocalDate.of(schedule.year(), 12, 31);
        long span = ChronoUnit.DAYS.between(start, end) + 1;
        long gone = Math.max(0, Math.min(span, ChronoUnit.DAYS.between(start, today)));
        return span <= 0 ? 100 : (int) (gone * 100 / span);
    }

    private static LocalDate start(Schedule schedule) {
        for (int quarter = 1; quarter <= 4; quarter++) {
            if (!schedule.quarters().get(quarter - 1).isBlank()) {
                return LocalDate.of(schedule.year(), quarter * 3 - 2, 1);
            }
        }
        return LocalDate.of(schedule.year(), 1, 1);
    }

    private static LocalDate quarterEnd(int year, int quarter) {
        return LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
    }
}
