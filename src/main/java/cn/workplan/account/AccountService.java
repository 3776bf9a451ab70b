package cn.workplan.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.extern.slf4j.Slf4j;

import cn.workplan.system.SqlConditions;
import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditTrail;
import cn.workplan.org.OfficeService;
import cn.workplan.org.OrgOption;
import cn.workplan.org.SchoolService;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.NotFoundException;
import cn.workplan.system.StaleEditException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Keeps accounts: creation, changes, deactivation, passwords, the time of the last login. All changes are audited. A change
 * of what a person may do (deactivation, role, office, school, password) ends their open sessions on every instance
 * once it is committed ({@link AccessChanged}, {@link AccountSessions}).
 */
@Slf4j
@Service
@Transactional(readOnly = true)
public class AccountService {

    static final String AUDIT_TYPE = "USER";

    private final UserAccountRepository users;
    private final JdbcClient jdbc;
    private final OfficeService offices;
    private final SchoolService schools;
    private final PasswordEncoder passwordEncoder;
    private final SecurityProperties properties;
    private final AuditTrail audit;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountService(
            UserAccountRepository users, JdbcClient jdbc, OfficeService offices, SchoolService schools,
            PasswordEncoder passwordEncoder, SecurityProperties properties, AuditTrail audit, LoginThrottle throttle,
            ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.jdbc = jdbc;
        this.offices = offices;
        this.schools = schools;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.audit = audit;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    /** Accounts matching the filter, by role then name: four queries (accounts, office and school names, held logins). */
    public List<UserView> list(UserFilter filter) {
        var officeNames = offices.names();
        var schoolNames = schools.names();
        var held = throttle.heldLogins();
        var where = matching(filter);
        return jdbc.sql("""
                select id, username, display_name, role, office_id, school_id, email, phone, active, last_login_at, version
                from app_user""" + where.where() + " order by role, display_name, id")
                .params(where.parameters())
                .query(Listed.class).list().stream()
                .map(user -> user.view(officeNames, schoolNames, held))
                .toList();
    }

    /** An account as the list reads it: no password hash. */
    private record Listed(long id, String username, String displayName, Role role, Long officeId, Long schoolId,
            String email, String phone, boolean active, Instant lastLoginAt, long version) {

        UserView view(Map<Long, String> officeNames, Map<Long, String> schoolNames, Set<String> heldLogins) {
            return new UserView(id, username, displayName, role, officeId, officeNames.get(officeId), schoolId,
                    schoolNames.get(schoolId), email, phone, active, heldLogins.contains(username.toLowerCase(Locale.ROOT)),
                    lastLoginAt, version);
        }
    }

    public UserView get(long id) {
        return view(find(id), offices.names(), schools.names(), throttle.heldLogins());
    }

    /** All accounts, deactivated ones included. */
    public long countAll() {
        return users.count();
    }

    public long countActive() {
        return users.countByActiveTrue();
    }

    @Transactional
    public long create(UserData data) {
        return create(data, directory(), false);
    }

    private long create(UserData data, Directory directory, boolean passwordEncoded) {
        var username = data.username() == null ? "" : data.username().strip();
        if (username.isEmpty()) {
            throw new InvalidInputException("username", "user.error.usernameRequired");
        }
        if (users.existsByLogin(username)) {
            throw new InvalidInputException("username", "user.error.duplicateUsername");
        }
        String hash;
        if (passwordEncoded) {
            hash = encoded(data.password());
        } else {
            checkPassword("password", data.password(), username);
            hash = passwordEncoder.encode(data.password());
        }
        directory.checkScope(data);
        var user = users.save(new UserAccount(username, data, hash, Instant.now(clock)));
        audit.created(AUDIT_TYPE, user.getId(), label(user), directory.state(user));
        log.info("account {} created with role {}", username, data.role());
        return user.getId();
    }

    /**
     * The accounts with their initial passwords checked and replaced by their hashes, so that an import held until
     * its confirmation keeps no password in clear. Hashing is slow by design (a tenth of a second each); imports are
     * small.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<UserData> withEncodedPasswords(List<UserData> data) {
        return data.stream().map(user -> {
            checkPassword("password", user.password(), user.username());
            return new UserData(user.username(), passwordEncoder.encode(user.password()), user.displayName(), user.role(),
                    user.officeId(), user.schoolId(), user.email(), user.phone(), user.version());
        }).toList();
    }

    /** Creates all accounts or none; their passwords are hashes from {@link #withEncodedPasswords}. */
    @Transactional
    public int createAllEncoded(List<UserData> data) {
        var directory = directory();
        data.forEach(user -> create(user, directory, true));
        return data.size();
    }

    /** Logins among the given ones that are taken already, in lower case. */
    public List<String> existingLogins(List<String> usernames) {
        return usernames.isEmpty() ? List.of()
                : jdbc.sql("select lower(username) from app_user where lower(username) in (:usernames)")
                        .param("usernames", usernames.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList())
                        .query(String.class).list();
    }

    @Transactional
    public void update(long id, UserData data) {
        var user = find(id);
        StaleEditException.check(AUDIT_TYPE, id, data.version(), user.getVersion());
        var directory = directory();
        directory.checkScope(data);
        var before = directory.state(user);
        var role = user.getRole();
        var officeId = user.getOfficeId();
        var schoolId = user.getSchoolId();
        user.apply(data);
        audit.updated(AUDIT_TYPE, id, label(user), before, directory.state(user));
        if (role != user.getRole() || !Objects.equals(officeId, user.getOfficeId()) || !Objects.equals(schoolId, user.getSchoolId())) {
            events.publishEvent(new AccessChanged(user.getUsername(), "role, office or school changed", null));
        }
    }

    @Transactional
    public void setActive(long id, boolean active, CurrentUser actor) {
        var user = find(id);
        if (!active && actor.id() == id) {
            throw new InvalidInputException("active", "user.error.deactivateSelf");
        }
        if (user.isActive() == active) {
            return;
        }
        var directory = directory();
        var before = directory.state(user);
        user.setActive(active);
        audit.record(active ? AuditAction.ACTIVATE : AuditAction.DEACTIVATE, AUDIT_TYPE, id, label(user), before, directory.state(user));
        log.info("account {} {}", user.getUsername(), active ? "activated" : "deactivated");
        if (!active) {
            events.publishEvent(new AccessChanged(user.getUsername(), "deactivated", null));
        }
    }

    /** An administrator sets a new password. */
    @Transactional
    public void resetPassword(long id, String newPassword) {
        var user = find(id);
        checkPassword("newPassword", newPassword, user.getUsername());
        user.changePassword(passwordEncoder.encode(newPassword), Instant.now(clock));
        audit.record(AuditAction.RESET_PASSWORD, AUDIT_TYPE, id, label(user), Map.of(), Map.of());
        events.publishEvent(new AccessChanged(user.getUsername(), "password reset", null));
    }

    /**
     * A person changes their own password, proving they know the current one. Their other sessions end; the one they
     * did it in goes on.
     *
     * @param currentSession the id of the session the change was made in
     */
    @Transactional
    public void changeOwnPassword(long id, String currentPassword, String newPassword, String currentSession) {
        var user = find(id);
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", "password.error.currentWrong");
        }
        if (currentPassword.equals(newPassword)) {
            throw new InvalidInputException("newPassword", "password.error.same");
        }
        checkPassword("newPassword", newPassword, user.getUsername());
        user.changePassword(passwordEncoder.encode(newPassword), Instant.now(clock));
        audit.record(AuditAction.CHANGE_PASSWORD, AUDIT_TYPE, id, label(user), Map.of(), Map.of());
        events.publishEvent(new AccessChanged(user.getUsername(), "password changed", currentSession));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccessfulLogin(String username) {
        users.recordSuccess(username, Instant.now(clock));
    }

    /**
     * Most bytes of a password (UTF-8): BCrypt reads no more, and Spring Security's encoder refuses a longer one with an
     * exception (a 500 before), so 24 Chinese characters or 72 letters are the limit.
     */
    public static final int MAX_PASSWORD_BYTES = 72;

    /** Whether a password is longer than {@link #MAX_PASSWORD_BYTES} can hold. */
    public static boolean tooLong(String password) {
        return password != null && password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }

    private void checkPassword(String field, String password, String username) {
        if (password == null || password.length() < properties.minPasswordLength()) {
            throw new InvalidInputException(field, "password.error.tooShort", properties.minPasswordLength());
        }
        if (tooLong(password)) {
            throw new InvalidInputException(field, "password.error.tooLong", MAX_PASSWORD_BYTES);
        }
        if (password.equalsIgnoreCase(username)) {
            throw new InvalidInputException(field, "password.error.sameAsUsername");
        }
    }

    /** A hash as {@link #withEncodedPasswords} makes it ({bcrypt}…): never a password in clear by mistake. */
    private static String encoded(String hash) {
        if (hash == null || !hash.matches("\\{[a-z0-9]+}.{20,}")) {
            throw new IllegalArgumentException("not an encoded password");
        }
        return hash;
    }

    private Directory directory() {
        return new Directory(ids(offices.options()), ids(schools.options()), offices.names(), schools.names());
    }

    private static Set<Long> ids(List<OrgOption> options) {
        return options.stream().map(OrgOption::id).collect(Collectors.toSet());
    }

    /** The offices and schools accounts belong to, read once per change, or once for a whole import. */
    private record Directory(Set<Long> activeOffices, Set<Long> activeSchools, Map<Long, String> officeNames,
            Map<Long, String> schoolNames) {

        /** Office staff need an active office, principals an active school. */
        void checkScope(UserData data) {
            if (data.role() == Role.OFFICE_STAFF && (data.officeId() == null || !activeOffices.contains(data.officeId()))) {
                throw new InvalidInputException("officeId", "user.error.officeRequired");
            }
            if (data.role() == Role.PRINCIPAL && (data.schoolId() == null || !activeSchools.contains(data.schoolId()))) {
                throw new InvalidInputException("schoolId", "user.error.schoolRequired");
            }
        }

        Map<String, Object> state(UserAccount user) {
            return user.state(officeNames, schoolNames);
        }
    }

    private static String label(UserAccount user) {
        return user.getDisplayName() + " (" + user.getUsername() + ")";
    }

    private UserAccount find(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    private static UserView view(UserAccount user, Map<Long, String> officeNames, Map<Long, String> schoolNames, Set<String> heldLogins) {
        return new UserView(user.getId(), user.getUsername(), user.getDisplayName(), user.getRole(),
                user.getOfficeId(), officeNames.get(user.getOfficeId()),
                user.getSchoolId(), schoolNames.get(user.getSchoolId()),
                user.getEmail(), user.getPhone(), user.isActive(),
                heldLogins.contains(user.getUsername().toLowerCase(Locale.ROOT)), user.getLastLoginAt(),
                user.getVersion());
    }

    /**
     * The filter's conditions: only those the filter sets, each a constant piece of SQL with its value bound (nothing
     * typed in reaches the statement's text).
     */
    private static SqlConditions matching(UserFilter filter) {
        var where = new SqlConditions();
        if (StringUtils.hasText(filter.q())) {
            where.and("(lower(username) like :pattern escape '\\' or lower(display_name) like :pattern escape '\\')",
                    "pattern", "%" + filter.q().strip().toLowerCase(Locale.ROOT)
                            .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.role() != null) {
            where.and("role = :role", "role", filter.role().name());
        }
        if (filter.officeId() != null) {
            where.and("office_id = :office", "office", filter.officeId());
        }
        if (filter.schoolId() != null) {
            where.and("school_id = :school", "school", filter.schoolId());
        }
        return where;
    }
}
