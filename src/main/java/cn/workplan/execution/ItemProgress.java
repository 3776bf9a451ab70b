package cn.workplan.execution;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How far an item has come. Its consolidated progress is the lead office's latest approved consolidated report;
 * until the lead office writes one, the mean of the other lines' latest approved progress (a line with no
 * approved report counts as 0 %).
 *
 * @param lines        each line's progress, by line id
 * @param percent      the item's consolidated progress
 * @param consolidated whether it comes from the lead office's report rather than from the lines
 */
public record ItemProgress(Map<Long, LineProgress> lines, int percent, boolean consolidated) {

    /**
     * One line's progress.
     *
     * @param current  the state of its report for the current period, {@code null} when none was saved
     * @param latest   its latest sent or approved progress, in percent
     * @param done     whether that latest report says the work is done
     * @param approved its latest approved progress, {@code null} when none was approved yet
     */
    public record LineProgress(long lineId, String kind, ReportState current, int latest, boolean done, Integer approved) {
    }

    static ItemProgress of(List<LineProgress> lines) {
        var byId = lines.stream().collect(Collectors.toMap(LineProgress::lineId, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
        var lead = lines.stream().filter(line -> "LEAD".equals(line.kind()) && line.approved() != null).findFirst();
        if (lead.isPresent()) {
            return new ItemProgress(byId, lead.get().approved(), true);
        }
        var mean = lines.stream().filter(line -> !"LEAD".equals(line.kind()))
                .mapToInt(line -> line.approved() == null ? 0 : line.approved()).average();
        return new ItemProgress(byId, (int) Math.round(mean.orElse(0)), false);
    }

    public LineProgress line(long lineId) {
        return lines.get(lineId);
    }
}
