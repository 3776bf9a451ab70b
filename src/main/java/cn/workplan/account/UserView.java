package cn.workplan.account;

import java.time.Instant;

/**
 * An account as screens show it: never its password hash. {@code loginHeld}: logins to it wait right now after
 * repeated failures (see {@link SecurityProperties}).
 */
public record UserView(
        long id,
        String username,
        String displayName,
        Role role,
        Long officeId,
        String officeName,
        Long schoolId,
        String schoolName,
        String email,
        String phone,
        boolean active,
        boolean loginHeld,
        Instant lastLoginAt,
        long version) {

    public UserData toData() {
        return new UserData(username, "", displayName, role, officeId, schoolId, email, phone, version);
    }
}
