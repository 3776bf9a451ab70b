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
 * @param extensions the extension requests of the lines shown, newest first
 * @param request    the viewer's own line, if they may ask for its extension now; {@code null} otherwise
 * @param signOff    where the item's sign-off stands
 */
public record ItemLines(ItemView item, boolean published, boolean manageable, List<Line> lines, List<OrgOption> schools,
        Reporting reporting, List<Extension> extensions, Request request, SignOff signOff) {

    /**
     * The line the viewer may ask an extension for.
     *
     * @param deadline the deadline the request would move: the item's for the lead office's line
     * @param earliest the earliest day it may ask for: after that deadline, and after today
     */
    public record Request(Line line, LocalDate deadline, LocalDate earliest) {
    }

    /** Whether a request on the line waits for a decision. */
    public boolean pending(long lineId) {
        return pending(extensions, lineId);
    }

    static boolean pending(List<Extension> extensions, long lineId) {
        return extensions.stream().anyMatch(extension -> extension.lineId() == lineId && extension.state() == ExtensionState.PENDING);
    }

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
     * @param baselineDeadline the deadline before the first approved extension of the line moved it, {@code null}
     *                  while none did (the lead office's extensions move the item's deadline, see the item)
     */
    public record Line(long id, long itemId, String kind, Long officeId, Long schoolId, String party, LocalDate deadline,
            String milestone, long version, LocalDate baselineDeadline) {

        public boolean isSchool() {
            return "SCHOOL".equals(kind);
        }
    }
}
