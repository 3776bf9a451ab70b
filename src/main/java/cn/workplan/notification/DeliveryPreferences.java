package cn.workplan.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's choice of what reaches them where ({@link Preferences}); whoever chose nothing has the defaults of
 * {@link NotificationCategory#defaultChoice()}. Kept in {@code notification_preference}, a row per category.
 */
@Service
@Transactional(readOnly = true)
public class DeliveryPreferences {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPreferences.class);

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    DeliveryPreferences(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    private record Row(long userId, String category, boolean email, boolean robot, boolean digest) {
    }

    /** The person's preferences. */
    public Preferences of(long userId) {
        return of(List.of(userId)).getOrDefault(userId, Preferences.defaults());
    }

    /** The preferences of those who chose anything, by id (one statement); the others have {@link Preferences#defaults()}. */
    Map<Long, Preferences> of(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return assemble(jdbc.sql("select user_id, category, email, robot, digest from notification_preference where user_id in (:users)")
                .param("users", userIds).query(Row.class).list());
    }

    /** Everybody's who chose anything (the daily digest reads them all at once). */
    Map<Long, Preferences> all() {
        return assemble(jdbc.sql("select user_id, category, email, robot, digest from notification_preference").query(Row.class).list());
    }

    /** Keeps the person's preferences, every category's row written (two statements). */
    @Transactional
    public void save(long userId, Preferences preferences) {
        var rows = new ArrayList<Map<String, Object>>();
        preferences.choices().forEach((category, choice) -> rows.add(Map.of("category", category.name(), "email", choice.email(),
                "robot", choice.robot(), "digest", choice.digest())));
        rows.add(Map.of("category", Preferences.DIGEST, "email", preferences.digestByEmail(), "robot", preferences.digestByRobot(),
                "digest", false));
        jdbc.sql("delete from notification_preference where user_id = :user").param("user", userId).update();
        jdbc.sql("""
                insert into notification_preference (user_id, category, email, robot, digest)
                select :user, e.row ->> 'category', cast(e.row ->> 'email' as boolean), cast(e.row ->> 'robot' as boolean),
                       cast(e.row ->> 'digest' as boolean)
                from jsonb_array_elements(cast(:rows as jsonb)) as e(row)""")
                .param("user", userId).param("rows", json(rows)).update();
        log.info("user #{} chose where notifications reach them: {}", userId, preferences.auditState());
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<Long, Preferences> assemble(List<Row> rows) {
        var choices = new HashMap<Long, Map<NotificationCategory, Preferences.Choice>>();
        var digest = new HashMap<Long, Row>();
        for (var row : rows) {
            if (row.category().equals(Preferences.DIGEST)) {
                digest.put(row.userId(), row);
            } else {
                // a category no longer known is left out: its messages have another one now
                Arrays.stream(NotificationCategory.values()).filter(category -> category.name().equals(row.category())).findFirst()
                        .ifPresent(category -> choices.computeIfAbsent(row.userId(), user -> new EnumMap<>(NotificationCategory.class))
                                .put(category, new Preferences.Choice(row.email(), row.robot(), row.digest())));
            }
        }
        var users = new HashSet<Long>(choices.keySet());
        users.addAll(digest.keySet());
        var preferences = new HashMap<Long, Preferences>();
        for (var user : users) {
            var where = digest.get(user);
            preferences.put(user, new Preferences(choices.getOrDefault(user, Map.of()), where == null || where.email(),
                    where == null || where.robot()));
        }
        return preferences;
    }
}
