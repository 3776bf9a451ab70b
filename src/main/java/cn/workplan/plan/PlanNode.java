package cn.workplan.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;

/**
 * One node of a plan's outline: a chapter, a section, a task item or a sub-point. Its number is never
 * stored: it follows from {@link #position} among its siblings (see {@link OutlineNumbering}). Task
 * items carry the lead office, cooperating offices, responsible schools, targets, deadline and the
 * schedule by quarter.
 */
@Entity
@Table(name = "plan_node")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class PlanNode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long planId;

    private Long parentId;

    @Enumerated(EnumType.STRING)
    private NodeKind kind;

    private int position;

    private String headline;

    private String body;

    private Long leadOfficeId;

    private boolean keyItem;

    @Enumerated(EnumType.STRING)
    private DeadlineKind deadlineKind;

    private LocalDate deadline;

    /** The deadline before the first approved extension moved it; {@code null} while it never moved. */
    private LocalDate baselineDeadline;

    private String q1 = "";

    private String q2 = "";

    private String q3 = "";

    private String q4 = "";

    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> tags = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "plan_item_office", joinColumns = @JoinColumn(name = "node_id"))
    @Column(name = "office_id")
    private Set<Long> cooperatingOfficeIds = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "plan_item_school", joinColumns = @JoinColumn(name = "node_id"))
    @Column(name = "school_id")
    private Set<Long> schoolIds = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "plan_item_target", joinColumns = @JoinColumn(name = "node_id"))
    @OrderColumn(name = "position")
    private List<Target> targets = new ArrayList<>();

    private Long carriedFromId;

    private Instant completedAt;

    @Version
    private long version;

    @CreationTimestamp
    private Instant createdAt;

    @UpdateTimestamp
    private Instant updatedAt;

    PlanNode(long planId, Long parentId, NodeKind kind, int position, String headline, String body) {
        this.planId = planId;
        this.parentId = parentId;
        this.kind = kind;
        this.position = position;
        this.headline = headline.strip();
        this.body = body == null ? "" : body.strip();
    }

    void rename(String headline, String body) {
        this.headline = headline.strip();
        this.body = body == null ? "" : body.strip();
    }

    /** Applies an item's details. The caller has checked them against the plan and the directory. */
    void applyItem(ItemData data, LocalDate deadline, List<Target> targets) {
        rename(data.headline(), data.body());
        this.leadOfficeId = data.leadOfficeId();
        this.keyItem = data.isKey();
        this.deadlineKind = data.deadlineKind();
        this.deadline = deadline;
        this.q1 = trim(data.q1());
        this.q2 = trim(data.q2());
        this.q3 = trim(data.q3());
        this.q4 = trim(data.q4());
        this.tags = new ArrayList<>(data.tagList());
        this.cooperatingOfficeIds = new TreeSet<>(data.cooperatingOfficeIds());
        if (data.leadOfficeId() != null) {
            // a TreeSet refuses to look up null: an item without a lead office has nothing to remove
            this.cooperatingOfficeIds.remove(data.leadOfficeId());
        }
        this.schoolIds = new TreeSet<>(data.schoolIds());
        this.targets = new ArrayList<>(targets);
    }

    /**
     * Moves the deadline to a later day, as an approved extension does: the deadline becomes a day (kind DATE), and
     * the deadline before the first extension stays as the baseline.
     */
    void extendDeadline(LocalDate later) {
        if (baselineDeadline == null) {
            baselineDeadline = deadline;
        }
        deadlineKind = DeadlineKind.DATE;
        deadline = later;
    }

    /** Signed off (办结) at the given time, or reopened with {@code null}. */
    void complete(Instant at) {
        completedAt = at;
    }

    /** Takes over another item's details, as next year's copy of it. */
    void copyDetailsFrom(PlanNode item, LocalDate deadline) {
        this.leadOfficeId = item.leadOfficeId;
        this.keyItem = item.keyItem;
        this.deadlineKind = item.deadlineKind;
        this.deadline = deadline;
        this.q1 = item.q1;
        this.q2 = item.q2;
        this.q3 = item.q3;
        this.q4 = item.q4;
        this.tags = new ArrayList<>(item.tags);
        this.cooperatingOfficeIds = new TreeSet<>(item.cooperatingOfficeIds);
        this.schoolIds = new TreeSet<>(item.schoolIds);
        this.targets = new ArrayList<>(item.targets);
    }

    void carriedFrom(long originId) {
        this.carriedFromId = originId;
    }

    /** What the history keeps of each saved version: everything a reader of the plan sees. */
    Map<String, Object> snapshot() {
        var snapshot = new LinkedHashMap<String, Object>();
        snapshot.put("headline", headline);
        snapshot.put("body", body);
        snapshot.put("leadOfficeId", leadOfficeId);
        snapshot.put("cooperatingOfficeIds", List.copyOf(cooperatingOfficeIds));
        snapshot.put("schoolIds", List.copyOf(schoolIds));
        snapshot.put("targets", targets.stream().map(Target::text).toList());
        snapshot.put("deadlineKind", deadlineKind == null ? null : deadlineKind.name());
        snapshot.put("deadline", deadline == null ? null : deadline.toString());
        snapshot.put("q1", q1);
        snapshot.put("q2", q2);
        snapshot.put("q3", q3);
        snapshot.put("q4", q4);
        snapshot.put("keyItem", keyItem);
        snapshot.put("tags", List.copyOf(tags));
        snapshot.put("signedOff", completedAt == null ? null : completedAt.toString());
        return snapshot;
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }
}
