package cn.workplan.todo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When something becomes a to-do ({@code workplan.todo.*}).
 *
 * @param closingDays    a period's reporting is "closing" from this many days before its due day to the period's end
 * @param lowRatePercent a closing period whose reporting rate is below this is the general office's to-do
 * @param decidedDays    an extension request's outcome stays on its requester's list for this many days
 */
@ConfigurationProperties("workplan.todo")
public record ToDoProperties(@DefaultValue("5") int closingDays, @DefaultValue("60") int lowRatePercent,
        @DefaultValue("7") int decidedDays) {
}
