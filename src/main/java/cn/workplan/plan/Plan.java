package cn.workplan.plan;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** A plan: its header, preamble and where it stands in the workflow. The outline is in {@link PlanNode}. */
@Entity
@Table(name = "plan")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Plan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int year;

    private String title;

    @Enumerated(EnumType.STRING)
    private PlanKind kind;

    private String preamble;

    @Enumerated(EnumType.STRING)
    private Numbering numbering;

    @Enumerated(EnumType.STRING)
    private PlanStatus status;

    private String documentNumber;

    private LocalDate issueDate;

    private Long originPlanId;

    /** The number of the first chapter and of the first item, as an imported excerpt printed them; else 1. */
    private int firstChapter = 1;

    private int firstItem = 1;

    private Instant publishedAt;

    private Instant closedAt;

    private String createdBy;

    @Version
    private long version;

    @CreationTimestamp
    private Instant createdAt;

    @UpdateTimestamp
    private Instant updatedAt;

    Plan(PlanData data, String createdBy, Long originPlanId) {
        apply(data);
        this.status = PlanStatus.DRAFT;
        this.createdBy = createdBy;
        this.originPlanId = originPlanId;
    }

    void apply(PlanData data) {
        this.year = data.year();
        this.title = data.title().strip();
        this.kind = data.kind();
        this.preamble = data.preamble() == null ? "" : data.preamble().strip();
        this.numbering = data.numbering();
    }

    void moveTo(PlanStatus status, Instant now) {
        this.status = status;
        if (status == PlanStatus.PUBLISHED) {
            this.publishedAt = now;
        } else if (status == PlanStatus.CLOSED) {
            this.closedAt = now;
        }
    }

    /** Keeps the document number and issue date of the document a draft was read from; either may be {@code null}. */
    void readFrom(String documentNumber, LocalDate issueDate) {
        this.documentNumber = documentNumber == null || documentNumber.isBlank() ? null : documentNumber.strip();
        this.issueDate = issueDate;
    }

    /** Numbers the outline from chapter {@code chapter} and item {@code item}, as the excerpt it was read from. */
    void startAt(int chapter, int item) {
        this.firstChapter = Math.max(1, Math.min(chapter, 99));
        this.firstItem = Math.max(1, Math.min(item, 999));
    }

    void publishAs(String documentNumber, LocalDate issueDate) {
        this.documentNumber = documentNumber.strip();
        this.issueDate = issueDate;
    }
}
