package cn.workplan.org;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Entity;
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

/** An office (股室) of the bureau. The head and the deputy director in charge are accounts, kept by id. */
@Entity
@Table(name = "office")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Office {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String shortName;

    private Long headUserId;

    private Long leaderUserId;

    private int displayOrder;

    /** The general office (办公室), which arranges the bureau's plans. */
    private boolean coordinator;

    private boolean active = true;

    @Version
    private long version;

    @CreationTimestamp
    private Instant createdAt;

    @UpdateTimestamp
    private Instant updatedAt;

    Office(OfficeData data) {
        apply(data);
    }

    void apply(OfficeData data) {
        this.name = data.name().strip();
        this.shortName = data.shortName().strip();
        this.headUserId = data.headUserId();
        this.leaderUserId = data.leaderUserId();
        this.displayOrder = data.displayOrder() == null ? 0 : data.displayOrder();
        this.coordinator = data.isCoordinator();
    }

    void setActive(boolean active) {
        this.active = active;
    }

    /** The audited fields; people by id, resolved to names by the service. */
    Map<String, Object> state(Map<Long, String> names) {
        var state = new LinkedHashMap<String, Object>();
        state.put("name", name);
        state.put("shortName", shortName);
        state.put("head", headUserId == null ? null : names.getOrDefault(headUserId, "#" + headUserId));
        state.put("leader", leaderUserId == null ? null : names.getOrDefault(leaderUserId, "#" + leaderUserId));
        state.put("displayOrder", displayOrder);
        state.put("coordinator", coordinator);
        state.put("active", active);
        return state;
    }
}
