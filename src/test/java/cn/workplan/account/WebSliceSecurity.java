package cn.workplan.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mockito.Mockito;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.workplan.system.WorkplanProperties;

/**
 * The application's own security in a web slice ({@code @WebMvcTest}, see {@code support.WebSliceTest}): both filter
 * chains of {@link SecurityConfiguration} with method security, the stale-login check on every write included, which
 * reads the account from the slice's database (a migrated copy of its own, see {@code support.TestDatabase}). Only the
 * login throttle is left out (a slice never logs in through the form).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
@EnableConfigurationProperties({SecurityProperties.class, WorkplanProperties.class})
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class})
public class WebSliceSecurity {

    @Bean
    LoginThrottle loginThrottle() {
        return Mockito.mock(LoginThrottle.class);
    }

    @Bean
    SliceUsers sliceUsers(JdbcClient jdbc) {
        return new SliceUsers(jdbc);
    }

    @Bean
    UserDetailsService userDetailsService(SliceUsers users) {
        return users::byName;
    }

    /**
     * One account per role in the slice's database, signed in as the application signs people in: a {@link CurrentUser}
     * with the account's id, role, office or school and password date, so that the stale-login check lets its writes
     * through. The office staff member heads an office of their own; the principal has a school of their own.
     */
    public static final class SliceUsers {

        private final JdbcClient jdbc;
        private final Map<Role, CurrentUser> users = new ConcurrentHashMap<>();

        SliceUsers(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        /** The account of the role, created on first use. */
        public CurrentUser of(Role role) {
            return users.computeIfAbsent(role, this::create);
        }

        /** A MockMvc request signed in as the role's account. */
        public RequestPostProcessor as(Role role) {
            return SecurityMockMvcRequestPostProcessors.user(of(role));
        }

        CurrentUser byName(String username) {
            return users.values().stream().filter(user -> user.getUsername().equals(username)).findFirst()
                    .orElseThrow(() -> new UsernameNotFoundException("no account " + username));
        }

        private CurrentUser create(Role role) {
            var name = "slice-" + role.name().toLowerCase().replace('_', '-');
            Long office = role == Role.OFFICE_STAFF ? jdbc.sql("""
                    insert into office (name, short_name) values (:name, :name) returning id""")
                    .param("name", name).query(Long.class).single() : null;
            Long school = role == Role.PRINCIPAL ? jdbc.sql("""
                    insert into school (name, kind, township) values (:name, 'PRIMARY', '城关镇') returning id""")
                    .param("name", name).query(Long.class).single() : null;
            // the check compares the password's date to the microsecond, as the database keeps it
            var passwordChanged = Instant.now().truncatedTo(ChronoUnit.MICROS);
            long id = jdbc.sql("""
                    insert into app_user (username, display_name, password_hash, role, office_id, school_id, password_changed_at)
                    values (:name, :name, '{noop}unused', :role, :office, :school, :changed) returning id""")
                    .param("name", name).param("role", role.name()).param("office", office).param("school", school)
                    .param("changed", java.sql.Timestamp.from(passwordChanged))
                    .query(Long.class).single();
            if (office != null) {
                jdbc.sql("update office set head_user_id = :user where id = :office").param("user", id).param("office", office).update();
            }
            return new CurrentUser(id, name, name, role, office, school, office != null, false, true, passwordChanged, "{noop}unused");
        }
    }
}
