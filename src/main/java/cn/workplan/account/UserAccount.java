package cn.workplan.account;

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

/** A person who logs in. Never deleted: history keeps its authors; an account is deactivated instead. */
@Entity
@Table(name = "app_user")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String displayName;

    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private Long officeId;

    private Long schoolId;

    private String email;

    private String phone;

    private boolean active = true;

    private Instant lastLoginAt;

    private Instant passwordChangedAt;

    @Version
    private long version;

    @CreationTimestamp
    private Instant createdAt;

    @UpdateTimestamp
    private Instant updatedAt;

    UserAccount(String username, UserData data, String passwordHash, Instant now) {
        this.username = username.strip();
        apply(data);
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
    }

    /** Applies the editable fields; an account only keeps the office or school its role calls for. */
    void apply(UserData data) {
        this.displayName = data.displayName().strip();
        this.role = data.role();
        this.officeId = data.role() == Role.OFFICE_STAFF ? data.officeId() : null;
        this.schoolId = data.role() == Role.PRINCIPAL ? data.schoolId() : null;
        this.email = blankToNull(data.email());
        this.phone = blankToNull(data.phone());
    }

    void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    Map<String, Object> state(Map<Long, String> officeNames, Map<Long, String> schoolNames) {
        var state = new LinkedHashMap<String, Object>();
        state.put("username", username);
        state.put("displayName", displayName);
        state.put("role", role);
        state.put("office", officeId == null ? null : officeNames.getOrDefault(officeId, "#" + officeId));
        state.put("school", schoolId == null ? null : schoolNames.getOrDefault(schoolId, "#" + schoolId));
        state.put("email", email);
        state.put("phone", phone);
        state.put("active", active);
        return state;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
