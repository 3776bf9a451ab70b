package cn.workplan.execution;

import java.time.LocalDate;
import java.util.List;

import cn.workplan.org.OrgOption;
import cn.workplan.plan.ItemView;

/**
 * A task item's lines of responsibility as the viewer may see them: all of them for leaders, inspectors,
 * administrators and the lead office; otherwise only the viewer's own office's or school's line.
 *
 * @param manageable whether the viewer may add and remove schools and set each line's deadline and milestone
 * @param schools    the active schools not yet on the item, for adding (empty unless manageable)
 */
public record ItemLines(ItemView item, boolean published, boolean manageable, List<Line> lines, List<OrgOption> schools,
        Reporting reporting) {

    /**
     * Where the item's reporting stands, while its plan is carried out ({@code null} before).
     *
     * @param period   the current reporting period, as its address names it (2026-03)
     * @param progress the item's consolidated progress and each line's
     * @param light    the item's light; {@code lights} has each line's
     */
    public record Reporting(String period, ItemProgress progress, Light light, java.util.Map<Long, Light> lights) {

        public ItemProgress.LineProgress line(long lineId) {
            return progress.line(lineId);
        }
    }

    /**
     * One line.
     *
     * @param kind      LEAD, COOPERATING or SCHOOL
     * @param party     the office's or school's name
     * @param deadline  the line's own deadline, or {@code null} when the item's applies
     * @param milestone what this office or school is to reach, in its words
     */
    public record Line(long id, long itemId, String kind, Long officeId, Long schoolId, String party, LocalDate deadline,
            String milestone, long version) {

        public boolean isSchool() {
            return "SCHOOL".equals(kind);
        }
    }
}
