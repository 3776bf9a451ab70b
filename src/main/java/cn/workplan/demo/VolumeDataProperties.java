package cn.workplan.demo;

import cn.workplan.plan.PlanStatus;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What {@link VolumeDataGenerator} generates at startup. Nothing unless asked: set {@code plans} or
 * {@code schools}, e.g. {@code --workplan.generate.plans=1 --workplan.generate.items=400}.
 *
 * @param plans     how many plans to add, one per year, the last one for {@code lastYear}; the earlier
 *                  ones closed, the last one in {@code status}
 * @param items     task items per plan
 * @param chapters  chapters per plan (fewer for very small plans)
 * @param schools   the number of active schools the county should have: schools are added (never
 *                  removed) until there are this many; 0 keeps the directory as it is
 * @param lastYear  the year of the newest plan; 0 for the current year
 * @param status    the status of the newest plan
 * @param seed      seed of the random choices: the same settings on the same directory give the same plans
 * @param principals whether to give every school without one a principal's account (login {@code p<school id>},
 *                  the demo principal's password), for load tests
 * @param reports   whether to give every line of the generated plans its monthly progress reports, up to the
 *                  current month (see {@code VolumeDataGenerator#generateReports})
 */
@ConfigurationProperties("workplan.generate")
public record VolumeDataProperties(
        @DefaultValue("0") int plans,
        @DefaultValue("400") int items,
        @DefaultValue("10") int chapters,
        @DefaultValue("0") int schools,
        @DefaultValue("0") int lastYear,
        @DefaultValue("PUBLISHED") PlanStatus status,
        @DefaultValue("1") long seed,
        @DefaultValue("false") boolean principals,
        @DefaultValue("false") boolean reports) {

    public VolumeDataProperties {
        if (plans < 0 || items < 1 || chapters < 1 || schools < 0) {
            throw new IllegalArgumentException(
                    "workplan.generate: plans and schools must be >= 0, items and chapters >= 1");
        }
    }

    /** Whether anything is to be generated. */
    public boolean requested() {
        return plans > 0 || schools > 0 || principals;
    }
}
