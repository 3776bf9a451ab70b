package cn.workplan.account;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in person, as every module sees it: their role and the office or school that scopes
 * what they may read and change. Obtain it with {@code @AuthenticationPrincipal CurrentUser user}.
 * Kept in the session (serialised into the database): a change of its fields keeps {@code serialVersionUID}
 * compatible, or every open session reads as logged out after the upgrade.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private final Role role;
    private final Long officeId;
    private final Long schoolId;
    private final boolean officeHead;
    private final boolean coordinator;
    private final boolean active;
    private final Instant passwordChangedAt;
    private String password;

    CurrentUser(long id, String username, String displayName, Role role, Long officeId, Long schoolId,
            boolean officeHead, boolean coordinator, boolean active, Instant passwordChangedAt, String password) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.officeId = officeId;
        this.schoolId = schoolId;
        this.officeHead = officeHead;
        this.coordinator = coordinator;
        this.active = active;
        this.passwordChangedAt = passwordChangedAt;
        this.password = password;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    /** The office of office staff; {@code null} for everyone else. */
    public Long officeId() {
        return officeId;
    }

    /** The school of a principal; {@code null} for everyone else. */
    public Long schoolId() {
        return schoolId;
    }

    /** Whether this person heads their office and may approve for it. */
    public boolean officeHead() {
        return officeHead;
    }

    /** Whether this person is staff of the general office, which arranges the bureau's plans. */
    public boolean coordinator() {
        return coordinator;
    }

    /** When the password this person logged in with was set: a later change ends the login. */
    Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public boolean is(Role role) {
        return this.role == role;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        password = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurrentUser user && user.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return username + " (" + role + ")";
    }
}
