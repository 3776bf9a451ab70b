package cn.workplan.org;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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

/** A school, kindergarten or teaching point overseen by the bureau, grouped by township. */
@Entity
@Table(name = "school")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class School {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private SchoolKind kind;

    private String township;

    private Integer enrolment;

    private boolean active = true;

    @Version
    private long version;

    @CreationTimestamp
    private Instant createdAt;

    @UpdateTimestamp
    private Instant updatedAt;

    School(SchoolData data) {
        apply(data);
    }

    void apply(SchoolData data) {
        this.name = data.name().strip();
        this.kind = data.kind();
        this.township = data.township().strip();
        this.enrolment = data.enrolment();
    }

    void setActive(boolean active) {
        this.active = active;
    }

    Map<String, Object> state() {
        var state = new LinkedHashMap<String, Object>();
        state.put("name", name);
        state.put("kind", kind.chineseName());
        state.put("township", township);
        if (enrolment != null) {
            state.put("enrolment", enrolment);
        }
        state.put("active", active);
        return state;
    }
}
