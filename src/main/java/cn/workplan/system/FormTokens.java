package cn.workplan.system;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One-time tokens of the forms that create something, so that a form sent twice — Back and send again, a double
 * click, a reload of the answer — creates once. Every such form carries a fresh random token as the hidden field
 * {@value #PARAMETER} ({@code fragments/forms :: token}, from {@link #issue()}); nothing is stored then. The controller
 * creates through {@link #once}: in one transaction the token is inserted into {@code form_token} (its primary key),
 * the creation runs and the page it leads to is stored with the token. The same token again finds the row — or, sent
 * at the same moment from another request or another instance, waits for the first transaction and then finds it —
 * creates nothing and leads to the first one's page with {@link #REPEATED}. A creation that fails rolls the token back
 * with it, so the corrected form may be sent again.
 *
 * <p>A request without a token (a script on the API, a form rendered before tokens existed) creates as before: the
 * token protects browsers, whose forms always carry one. Used tokens are deleted after
 * {@code workplan.form-tokens.keep} (30 days) by a nightly job.
 */
@Component
@EnableConfigurationProperties(FormTokenProperties.class)
public class FormTokens {

    /** The form field that carries the token. */
    public static final String PARAMETER = "formToken";

    /** The message shown when a form came a second time. */
    public static final String REPEATED = "form.repeated";

    private static final Logger log = LoggerFactory.getLogger(FormTokens.class);

    private final JdbcClient jdbc;
    private final FormTokenProperties properties;

    FormTokens(JdbcClient jdbc, FormTokenProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** A new token for a form being rendered. */
    public String issue() {
        return UUID.randomUUID().toString();
    }

    /** Where a form's sending led, and whether it had been sent before. */
    public record Sent(String location, boolean repeated) {

        /**
         * The redirect to {@link #location()} with the flash message: {@code created} the first time, {@link #REPEATED}
         * for a form sent again.
         */
        public String redirect(RedirectAttributes flash, String created) {
            flash.addFlashAttribute("message", repeated ? REPEATED : created);
            return "redirect:" + location;
        }
    }

    /**
     * Creates once per token.
     *
     * @param token    the form's token; {@code null}, blank or not a token: no check, the creation runs
     * @param fallback where a repeated form leads when the first sending's page is not known (it was someone else's)
     * @param create   the creation, which returns the path of the page it leads to ({@code /plans/12}); it runs in this
     *                 method's transaction, which the services' own transactions join
     */
    @Transactional
    public Sent once(String token, String fallback, Supplier<String> create) {
        var id = parse(token);
        if (id == null) {
            return new Sent(create.get(), false);
        }
        var actor = actor();
        // a second sending of the same token waits here until the first one's transaction ends
        int inserted = jdbc.sql("insert into form_token (token, actor) values (:token, :actor) on conflict (token) do nothing")
                .param("token", id).param("actor", actor).update();
        if (inserted == 0) {
            var first = jdbc.sql("select location from form_token where token = :token and actor = :actor")
                    .param("token", id).param("actor", actor).query(String.class).optional().orElse(null);
            var location = first != null ? first : fallback;
            log.info("{} sent a form again (token {}): nothing created, led to {}", actor, id, location);
            return new Sent(location, true);
        }
        var location = create.get();
        jdbc.sql("update form_token set location = :location where token = :token")
                .param("location", location).param("token", id).update();
        return new Sent(location, false);
    }

    /** Deletes the tokens used longer ago than the setting keeps them; one instance at a time. */
    @Scheduled(cron = "${workplan.form-tokens.cleanup-cron:0 40 3 * * *}", zone = "${workplan.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "form-token-cleanup")
    public void deleteOld() {
        int deleted = deleteUsedBefore(properties.keep());
        log.info("Deleted {} form token(s) used more than {} ago", deleted, properties.keep());
    }

    /** Deletes the tokens used longer ago than {@code age}, by the database's clock; returns how many. */
    @Transactional
    public int deleteUsedBefore(Duration age) {
        return jdbc.sql("delete from form_token where used_at < now() - make_interval(secs => :seconds)")
                .param("seconds", (double) age.toSeconds()).update();
    }

    private static UUID parse(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(token.strip());
        } catch (IllegalArgumentException e) {
            // not a token this application issued: it protects nobody, so it is treated as none
            return null;
        }
    }

    private static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var name = authentication == null ? "anonymous" : authentication.getName();
        return name.length() > 40 ? name.substring(0, 40) : name;
    }
}
