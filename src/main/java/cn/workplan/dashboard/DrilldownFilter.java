package cn.workplan.dashboard;

import java.util.Optional;

import jakarta.validation.constraints.Size;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The drill-down's filters, all optional and all in the URL, so that every chart and number links to its own
 * list and a list can be shared. Without a school or township the list holds items; with one, the schools' lines.
 *
 * @param plan     the plan (the current one when absent)
 * @param chapter  items under this chapter
 * @param office   items this office leads
 * @param school   this school's lines
 * @param township the lines of this township's schools (no longer than a township's name can be)
 * @param status   items (or lines) that stand so
 * @param unreported only lines (or items with lines) whose report for the current period was not sent
 */
public record DrilldownFilter(Long plan, Long chapter, Long office, Long school, @Size(max = 40) String township, Status status,
        Boolean unreported) {

    public static DrilldownFilter ofPlan(long planId) {
        return new DrilldownFilter(planId, null, null, null, null, null, null);
    }

    /** Lists a school's or a township's lines rather than items. */
    public boolean lines() {
        return school != null || township != null && !township.isBlank();
    }

    public boolean onlyUnreported() {
        return Boolean.TRUE.equals(unreported);
    }

    public DrilldownFilter withPlan(Long value) {
        return new DrilldownFilter(value, chapter, office, school, township, status, unreported);
    }

    public DrilldownFilter withChapter(Long value) {
        return new DrilldownFilter(plan, value, office, school, township, status, unreported);
    }

    public DrilldownFilter withOffice(Long value) {
        return new DrilldownFilter(plan, chapter, value, school, township, status, unreported);
    }

    public DrilldownFilter withSchool(Long value) {
        return new DrilldownFilter(plan, chapter, office, value, township, status, unreported);
    }

    public DrilldownFilter withTownship(String value) {
        return new DrilldownFilter(plan, chapter, office, school, value, status, unreported);
    }

    public DrilldownFilter withStatus(Status value) {
        return new DrilldownFilter(plan, chapter, office, school, township, value, unreported);
    }

    /** The filters that are set, as a URL's query ("?plan=3&office=5"), or "" when none is. */
    public String query() {
        return UriComponentsBuilder.newInstance()
                .queryParamIfPresent("plan", Optional.ofNullable(plan))
                .queryParamIfPresent("chapter", Optional.ofNullable(chapter))
                .queryParamIfPresent("office", Optional.ofNullable(office))
                .queryParamIfPresent("school", Optional.ofNullable(school))
                .queryParamIfPresent("township", Optional.ofNullable(township).filter(value -> !value.isBlank()))
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParamIfPresent("unreported", Optional.ofNullable(onlyUnreported() ? Boolean.TRUE : null))
                .encode().build().toUriString();
    }
}
