package cn.workplan.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A task item with everything its page shows: details, names of offices and schools, comments.
 *
 * @param baselineDeadline the deadline before the first approved extension moved it, {@code null} while it never moved
 * @param signedOffAt      when a leader confirmed the item done (办结), {@code null} while it is open
 */
public record ItemView(
        long id,
        long planId,
        Long parentId,
        String label,
        String headline,
        String body,
        Long leadOfficeId,
        String leadOffice,
        List<Long> cooperatingOfficeIds,
        List<String> cooperatingOffices,
        List<Long> schoolIds,
        List<String> schools,
        List<Target> targets,
        DeadlineKind deadlineKind,
        LocalDate deadline,
        LocalDate baselineDeadline,
        List<String> quarters,
        boolean keyItem,
        List<String> tags,
        Long carriedFromId,
        Long carriedFromPlanId,
        String carriedFromPlanTitle,
        long version,
        Instant signedOffAt,
        boolean editable,
        List<OutlineNode> points,
        List<Comment> comments) {

    /**
     * A review comment and its answer.
     *
     * @param answer     the general office's (or lead office's) answer, {@code null} while the comment is open
     * @param answerable whether the viewer may answer it now
     */
    public record Comment(long id, String author, Instant createdAt, String body, String answer, String answeredBy,
            Instant answeredAt, boolean answerable) {

        public boolean open() {
            return answer == null;
        }
    }

    public boolean signedOff() {
        return signedOffAt != null;
    }

    /** The item as its edit form starts. */
    public ItemData toData() {
        return new ItemData(headline, body, leadOfficeId, cooperatingOfficeIds, schoolIds,
                ItemData.blankTargets(targets.stream().map(TargetData::of).toList()), deadlineKind,
                deadlineKind == DeadlineKind.DATE ? deadline : null,
                deadlineKind == DeadlineKind.MONTH_END ? deadline.getMonthValue() : null,
                deadlineKind == DeadlineKind.QUARTER_END ? (deadline.getMonthValue() + 2) / 3 : null,
                quarters.get(0), quarters.get(1), quarters.get(2), quarters.get(3), keyItem,
                String.join("，", tags), "", version);
    }
}
