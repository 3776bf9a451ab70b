package cn.workplan.publication;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import cn.workplan.account.CurrentUser;
import cn.workplan.audit.AuditAction;
import cn.workplan.audit.AuditTrail;
import cn.workplan.plan.PlanHeader;
import cn.workplan.plan.PlanQueries;
import cn.workplan.plan.PlanStatus;
import cn.workplan.system.InvalidInputException;
import cn.workplan.system.StaleEditException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a published plan on the public page and takes it off (政务公开): opt-in per plan, by the general office. A plan
 * that is not published or closed cannot be made public. Making public, changing what is shown and withdrawing carry the
 * version the page showed, lock the row first, are audited ({@code PUBLICATION}: 公开, 修改, 撤回) and logged.
 */
@Service
@Transactional
public class Publications {

    static final String AUDIT_TYPE = "PUBLICATION";
    /** The bureau in a plan's title: 青山县教育局 in 青山县教育局2026年工作要点. */
    private static final Pattern BUREAU = Pattern.compile("^(.{2,60}?)(?:19|20)\\d{2}\\s*年");
    private static final Logger log = LoggerFactory.getLogger(Publications.class);

    private final JdbcClient jdbc;
    private final PlanQueries plans;
    private final PublicationPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    Publications(JdbcClient jdbc, PlanQueries plans, PublicationPolicy policy, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** The plan and its public page's settings (as saved, or the defaults: the bureau from its title as 发布机构). */
    public record Settings(PlanHeader plan, Publication publication) {

        /** Whether the plan may be public: it is published or closed. */
        public boolean publishable() {
            return Publications.publishable(plan.status());
        }
    }

    @Transactional(readOnly = true)
    public Settings settings(long planId, CurrentUser user) {
        policy.checkManages(user);
        var plan = plans.header(planId, user);
        var publication = row(planId, false);
        return new Settings(plan, publication != null ? publication
                : new Publication(planId, "", bureauOf(plan.title()), "", false, false, null, null, null, null, 0, false));
    }

    /**
     * Makes the plan public with these settings, or changes what its public page shows. Refused for a plan that is not
     * published or closed.
     */
    public void publish(long planId, PublicationSettings settings, CurrentUser user) {
        policy.checkManages(user);
        var plan = plans.header(planId, user);
        if (!publishable(plan.status())) {
            throw new InvalidInputException("plan", "publication.error.notPublished");
        }
        check(settings);
        var now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        var current = row(planId, true);
        if (current == null) {
            int inserted = jdbc.sql("""
                    insert into publication (plan_id, index_number, publisher, subject, show_progress, public, first_public_at, updated_at, updated_by)
                    values (:plan, :index, :publisher, :subject, :progress, true, :now, :now, :by) on conflict do nothing""")
                    .param("plan", planId).param("index", strip(settings.indexNumber())).param("publisher", strip(settings.publisher()))
                    .param("subject", strip(settings.subject())).param("progress", settings.progress()).param("now", now)
                    .param("by", user.getUsername()).update();
            if (inserted == 0) {
                // made public by someone else meanwhile: their settings stand, the person sees them
                throw new StaleEditException(AUDIT_TYPE, planId);
            }
            audit.record(AuditAction.PUBLISH, AUDIT_TYPE, planId, plan.title(), Map.of("public", false), state(settings, true));
            log.info("{} made plan #{} {} public", user.getUsername(), planId, plan.title());
            return;
        }
        StaleEditException.check(AUDIT_TYPE, planId, settings.version(), current.version());
        var before = state(current.toSettings(), current.isPublic());
        var after = state(settings, true);
        if (current.isPublic() && before.equals(after)) {
            return;
        }
        jdbc.sql("""
                update publication set index_number = :index, publisher = :publisher, subject = :subject, show_progress = :progress,
                       public = true, withdrawn_at = null, first_public_at = coalesce(first_public_at, :now), updated_at = :now,
                       updated_by = :by, version = version + 1
                where plan_id = :plan""")
                .param("plan", planId).param("index", strip(settings.indexNumber())).param("publisher", strip(settings.publisher()))
                .param("subject", strip(settings.subject())).param("progress", settings.progress()).param("now", now)
                .param("by", user.getUsername()).update();
        audit.record(current.isPublic() ? AuditAction.UPDATE : AuditAction.PUBLISH, AUDIT_TYPE, planId, plan.title(), before, after);
        log.info("{} {} the public page of plan #{} {}", user.getUsername(), current.isPublic() ? "changed" : "made public again", planId,
                plan.title());
    }

    /** Takes the plan off the public page: its address answers "not found" from now on. */
    public void withdraw(long planId, Long version, CurrentUser user) {
        policy.checkManages(user);
        var plan = plans.header(planId, user);
        var current = row(planId, true);
        if (current == null || !current.isPublic()) {
            throw new InvalidInputException("plan", "publication.error.notPublic");
        }
        StaleEditException.check(AUDIT_TYPE, planId, version, current.version());
        var now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        jdbc.sql("""
                update publication set public = false, withdrawn_at = :now, updated_at = :now, updated_by = :by, version = version + 1
                where plan_id = :plan""")
                .param("plan", planId).param("now", now).param("by", user.getUsername()).update();
        audit.record(AuditAction.WITHDRAW, AUDIT_TYPE, planId, plan.title(), Map.of("public", true), Map.of("public", false));
        log.info("{} withdrew plan #{} {} from the public page", user.getUsername(), planId, plan.title());
    }

    /** Plans are public only while published or closed. */
    static boolean publishable(PlanStatus status) {
        return status == PlanStatus.PUBLISHED || status == PlanStatus.CLOSED;
    }

    private Publication row(long planId, boolean lock) {
        return jdbc.sql("""
                select plan_id, index_number, publisher, subject, show_progress, public, first_public_at, withdrawn_at, updated_at,
                       updated_by, version
                from publication where plan_id = :plan""" + (lock ? " for update" : ""))
                .param("plan", planId)
                .query((row, number) -> new Publication(row.getLong("plan_id"), row.getString("index_number"), row.getString("publisher"),
                        row.getString("subject"), row.getBoolean("show_progress"), row.getBoolean("public"),
                        instant(row.getObject("first_public_at", OffsetDateTime.class)),
                        instant(row.getObject("withdrawn_at", OffsetDateTime.class)), instant(row.getObject("updated_at", OffsetDateTime.class)),
                        row.getString("updated_by"), row.getLong("version"), true))
                .optional().orElse(null);
    }

    private static Map<String, Object> state(PublicationSettings settings, boolean isPublic) {
        var state = new LinkedHashMap<String, Object>();
        state.put("public", isPublic);
        state.put("indexNumber", strip(settings.indexNumber()));
        state.put("publisher", strip(settings.publisher()));
        state.put("subject", strip(settings.subject()));
        state.put("showProgress", settings.progress());
        return state;
    }

    private static void check(PublicationSettings settings) {
        if (strip(settings.indexNumber()).length() > 60) {
            throw new InvalidInputException("indexNumber", "publication.error.tooLong", 60);
        }
        if (strip(settings.publisher()).length() > 100) {
            throw new InvalidInputException("publisher", "publication.error.tooLong", 100);
        }
        if (strip(settings.subject()).length() > 60) {
            throw new InvalidInputException("subject", "publication.error.tooLong", 60);
        }
    }

    static String bureauOf(String title) {
        var matcher = BUREAU.matcher(title == null ? "" : title.strip());
        return matcher.find() ? matcher.group(1).strip() : "";
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
