package cn.workplan.demo;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;

import lombok.extern.slf4j.Slf4j;

import cn.workplan.demo.PlanComposer.Directory;
import cn.workplan.demo.PlanComposer.Node;
import cn.workplan.execution.LineStandings;
import cn.workplan.execution.ReportTally;
import cn.workplan.org.SchoolKind;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.PlanPublished;
import cn.workplan.plan.PlanStatus;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates volume data for measurements: plans of realistic shape and wording (chapters, sections,
 * hundreds of task items with offices, schools, targets, deadlines, quarter milestones, tags, sub-points),
 * and more schools for the county. It reuses the directory present — on the quick start the demo county
 * that {@link DemoDataLoader} loads just before — and runs only when asked (see {@link VolumeDataProperties}):
 * <pre>
 * ./mvnw spring-boot:run -Dspring-boot.run.arguments="--workplan.generate.plans=1 --workplan.generate.items=400"
 * </pre>
 * Rows are written with JDBC batches, not entity by entity: a 400-item plan takes well under a second.
 * Node ids are reserved from the table's identity sequence in one statement, so that children can name
 * their parents before anything is written. Generated rows bypass the services, so they are neither
 * audited nor given item revisions: their history starts with the first real edit.
 *
 * <p>Issued plans get their lines of responsibility as publishing makes them, and on request
 * ({@code workplan.generate.reports=true}) every line its monthly progress reports, written by one
 * {@code insert … select} per plan inside PostgreSQL (millions of rows in a minute or two).
 */
@Slf4j
@Component
@Order(DemoDataLoader.ORDER + 1)
public class VolumeDataGenerator implements ApplicationRunner {

    /** Who generated plans say created them. */
    public static final String CREATED_BY = "generator";

    private static final int BATCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final VolumeDataProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final LineStandings standing;
    private final ReportTally tally;

    VolumeDataGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, VolumeDataProperties properties,
            Clock clock, ApplicationEventPublisher events, LineStandings standing, ReportTally tally) {
        this.standing = standing;
        this.tally = tally;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /** What a plan to generate looks like. */
    public record PlanSpec(int year, int items, int chapters, PlanStatus status, long seed) {

        /** A published plan of {@code items} items in ten chapters. */
        public static PlanSpec of(int year, int items) {
            return new PlanSpec(year, items, 10, PlanStatus.PUBLISHED, year);
        }
    }

    /** What was generated for one plan. */
    public record GeneratedPlan(long planId, int year, String title, int items, int nodes, int cooperatingOffices,
            int schoolLinks, int targets, Duration took) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.requested()) {
            generate(properties);
        }
    }

    /** Adds the schools, then the plans the settings ask for, each in its own transaction. */
    public List<GeneratedPlan> generate(VolumeDataProperties settings) {
        long start = System.nanoTime();
        int added = settings.schools() > 0 ? ensureSchools(settings.schools()) : 0;
        if (settings.principals()) {
            ensurePrincipals();
        }
        int lastYear = settings.lastYear() > 0 ? settings.lastYear() : Year.now(clock).getValue();
        var plans = new ArrayList<GeneratedPlan>();
        for (int i = 0; i < settings.plans(); i++) {
            int year = lastYear - settings.plans() + 1 + i;
            var status = i == settings.plans() - 1 ? settings.status() : PlanStatus.CLOSED;
            plans.add(generatePlan(new PlanSpec(year, settings.items(), settings.chapters(), status, settings.seed() * 31 + year)));
        }
        if (settings.reports()) {
            plans.forEach(plan -> generateReports(plan.planId()));
            tally.compact();
        }
        // fresh statistics, so that the planner knows the tables' new sizes before autovacuum gets to them
        jdbc.execute("analyze");
        log.info("Volume data generated in {} ms: {} school(s) added, {} plan(s) of {} items ({} rows in all)",
                millis(System.nanoTime() - start), added, plans.size(), settings.items(),
                added + plans.stream().mapToInt(plan -> 1 + plan.nodes() + plan.cooperatingOffices() + plan.schoolLinks()
                        + plan.targets()).sum());
        return plans;
    }

    /**
     * Adds schools until the county has {@code count} active ones: the usual schools of further townships
     * (a central primary school, a junior high school, a kindergarten, village schools, a teaching point).
     * Returns how many were added.
     */
    public int ensureSchools(int count) {
        return transactions.execute(tx -> {
            long start = System.nanoTime();
            int active = jdbc.queryForObject("select count(*) from school where active", Integer.class);
            if (active >= count) {
                return 0;
            }
            var taken = new HashSet<>(jdbc.queryForList("select name from school", String.class));
            var townships = new HashSet<>(jdbc.queryForList("select distinct township from school", String.class));
            var random = new Random(count);
            var rows = new ArrayList<Object[]>();
            for (int t = 0; rows.size() < count - active; t++) {
                var township = township(t);
                if (!townships.add(township)) {
                    continue;
                }
                int size = 6 + random.nextInt(PlanPhrases.TOWNSHIP_SCHOOLS.size() - 5);
                var villages = new ArrayList<>(PlanPhrases.VILLAGES);
                java.util.Collections.shuffle(villages, random);
                for (int s = 0; s < size && rows.size() < count - active; s++) {
                    var pattern = PlanPhrases.TOWNSHIP_SCHOOLS.get(s);
                    var name = pattern[0].replace("{t}", township).replace("{v}", villages.get(s));
                    if (taken.add(name)) {
                        var kind = SchoolKind.valueOf(pattern[1]);
                        rows.add(new Object[] {name, kind.name(), township, enrolment(kind, random)});
                    }
                }
            }
            batch("insert into school (name, kind, township, enrolment) values (?, ?, ?, ?)", rows, (ps, row) -> {
                ps.setString(1, (String) row[0]);
                ps.setString(2, (String) row[1]);
                ps.setString(3, (String) row[2]);
                ps.setInt(4, (Integer) row[3]);
            });
            log.info("Added {} schools ({} active now) in {} ms", rows.size(), active + rows.size(), millis(System.nanoTime() - start));
            return rows.size();
        });
    }

    /** A plausible enrolment (在校生数) for a rural school of the kind: half to one and a half times a typical one. */
    private static int enrolment(SchoolKind kind, Random random) {
        int typical = switch (kind) {
            case KINDERGARTEN -> 250;
            case PRIMARY -> 600;
            case JUNIOR_HIGH -> 800;
            case NINE_YEAR -> 900;
            case SENIOR_HIGH -> 2200;
            case COMPLETE_SECONDARY -> 2000;
            case VOCATIONAL -> 1400;
            case SPECIAL -> 120;
            case TEACHING_POINT -> 35;
            case OTHER -> 300;
        };
        return typical / 2 + random.nextInt(typical + 1);
    }

    /** What the generated reports say, one after the other. */
    private static final String[] NARRATIVES = {
        "按计划推进，本月完成阶段任务，相关台账资料已整理归档。",
        "召开专题推进会，明确责任分工和时间节点，工作有序开展。",
        "完成本月既定目标，开展自查自纠，发现问题已即时整改。",
        "组织专项督导检查，覆盖全部责任学校，整改清单已下发。",
        "受经费到位时间影响，进度略慢于计划，已协调加快推进。",
        "完成培训和宣传动员，师生参与率达到预期，成效初步显现。",
    };

    /**
     * Writes the monthly progress reports of every line of the plan, for each month of its year that has
     * begun (all twelve for a past year): progress rising over the year at a pace of each line's own, a few
     * lines blocked now and then. A past year's reports are all approved; in the current year, one report in
     * seventeen was returned, and the current month's are sent (half of the lines) or not written yet. One
     * statement, returning how many reports were written.
     */
    public int generateReports(long planId) {
        long start = System.nanoTime();
        var today = LocalDate.now(clock);
        Integer written = transactions.execute(tx -> jdbc.update("""
                insert into progress_report (assignment_id, plan_id, item_id, period_start, state, progress, percent, narrative,
                                             review_comment, author_id, submitted_at, reviewed_at)
                select a.id, a.plan_id, a.item_id, make_date(p.year, m.month, 1),
                       case when m.current then 'SUBMITTED'
                            when m.past_year = false and (a.id + m.month) % 17 = 0 and a.kind <> 'LEAD' then 'RETURNED'
                            else 'APPROVED' end,
                       case when pct.value >= 100 then 'DONE' when (a.id + m.month) % 23 = 0 then 'BLOCKED' else 'IN_PROGRESS' end,
                       pct.value,
                       (?::text[])[1 + (a.id + m.month) % ?],
                       case when not m.current and m.past_year = false and (a.id + m.month) % 17 = 0 and a.kind <> 'LEAD'
                            then '请补充佐证材料，并写明下月计划。' end,
                       coalesce(school_author.id, office_author.id),
                       make_date(p.year, m.month, 1) + 20,
                       case when m.current then null else make_date(p.year, m.month, 1) + 24 end
                from assignment a
                join plan p on p.id = a.plan_id
                left join (select school_id, min(id) as id from app_user where active and school_id is not null group by school_id)
                    school_author on school_author.school_id = a.school_id
                left join (select office_id, min(id) as id from app_user where active and office_id is not null group by office_id)
                    office_author on office_author.office_id = a.office_id
                cross join lateral (
                    select g as month, p.year < ? as past_year, p.year = ? and g = ? as current
                    from generate_series(1, case when p.year < ? then 12 when p.year = ? then ? else 0 end) g) m
                cross join lateral (
                    select least(100, greatest(0, m.month * (90 + (a.id % 4) * 10) / 12 - (a.id % 7) * 2)) as value) pct
                where a.plan_id = ? and (not m.current or a.id % 2 = 0)
                on conflict (assignment_id, period_start) do nothing""",
                NARRATIVES, NARRATIVES.length, today.getYear(), today.getYear(), today.getMonthValue(), today.getYear(),
                today.getYear(), today.getMonthValue(), planId));
        // the actual values of the items' targets: near the target, closer as the year goes on, a few schools short
        Integer values = transactions.execute(tx -> jdbc.update("""
                insert into progress_report_value (report_id, target_id, actual)
                select r.id, t.id,
                       case when t.comparator in ('<=', '<') then round(t.value * (0.4 + (r.assignment_id % 9) * 0.09), 2)
                            else least(case when t.unit = '%' then 100 else t.value * 2 end,
                                       round(t.value * (0.86 + r.percent * 0.0012 + (r.assignment_id % 7) * 0.008), 2)) end
                from progress_report r join plan_item_target t on t.node_id = r.item_id
                where r.plan_id = ?
                on conflict do nothing""", planId));
        int lines = standing.refreshPlan(planId);
        log.info("Generated {} progress reports ({} target values) for plan #{} and brought its {} lines up to date in {} ms", written,
                values, planId, lines,
                millis(System.nanoTime() - start));
        return written == null ? 0 : written;
    }

    /**
     * Gives every active school without a principal's account one: login {@code p<school id>}, the demo
     * principal's password (its hash is copied, so that nothing is hashed 300 times). For load tests.
     */
    private void ensurePrincipals() {
        int added = transactions.execute(tx -> jdbc.update("""
                insert into app_user (username, display_name, password_hash, role, school_id)
                select 'p' || s.id, left(s.name, 30) || '校长', (select password_hash from app_user where username = 'principal'), 'PRINCIPAL', s.id
                from school s
                where s.active and not exists (select 1 from app_user u where u.school_id = s.id)
                  and exists (select 1 from app_user where username = 'principal')"""));
        log.info("Added {} principal accounts (login p<school id>, the demo principal's password)", added);
    }

    /** The {@code n}th township name: the list's, then 新东关乡, 新东关镇, …, then numbered. */
    private static String township(int n) {
        var named = PlanPhrases.TOWNSHIPS;
        if (n < named.size()) {
            return named.get(n);
        }
        var villages = PlanPhrases.VILLAGES;
        int k = n - named.size();
        int round = k / (2 * villages.size());
        return "新" + villages.get(k / 2 % villages.size()) + (round > 0 ? Integer.toString(round + 1) : "") + (k % 2 == 0 ? "乡" : "镇");
    }

    /** The title, or when the year has a plan of that title already (titles are unique per year), the title (2), (3)… */
    private String freeTitle(int year, String title) {
        var taken = new java.util.HashSet<>(jdbc.queryForList("select title from plan where year = ? and left(title, ?) = ?",
                String.class, year, title.length(), title));
        var free = title;
        for (int n = 2; taken.contains(free); n++) {
            free = title + "（" + n + "）";
        }
        return free;
    }

    /** Writes one plan with its whole outline in one transaction. */
    public GeneratedPlan generatePlan(PlanSpec spec) {
        return transactions.execute(tx -> write(spec));
    }

    private GeneratedPlan write(PlanSpec spec) {
        long start = System.nanoTime();
        var directory = directory();
        var zone = clock.getZone();
        var composer = new PlanComposer(spec.seed(), spec.year(), spec.status(), LocalDate.now(clock), zone, directory,
                carryOverCandidates(spec.year()));
        var nodes = composer.compose(spec.items(), spec.chapters());

        var title = freeTitle(spec.year(), "青山县教育局" + spec.year() + "年工作要点");
        boolean issued = spec.status() == PlanStatus.PUBLISHED || spec.status() == PlanStatus.CLOSED;
        var issueDate = LocalDate.of(spec.year(), 2, 5);
        var publishedAt = issued ? Timestamp.from(issueDate.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant()) : null;
        var closedAt = spec.status() == PlanStatus.CLOSED
                ? Timestamp.from(LocalDate.of(spec.year() + 1, 1, 10).atTime(LocalTime.of(10, 0)).atZone(zone).toInstant()) : null;
        long planId = jdbc.queryForObject("""
                insert into plan (year, title, kind, preamble, numbering, status, document_number, issue_date,
                                  published_at, closed_at, created_by)
                values (?, ?, 'WORK_POINTS', ?, 'CONTINUOUS', ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                spec.year(), title, composer.preamble(), spec.status().name(),
                issued ? "青教〔" + spec.year() + "〕1号" : null, issued ? issueDate : null, publishedAt, closedAt, CREATED_BY);

        var ids = jdbc.queryForList("select nextval(pg_get_serial_sequence('plan_node', 'id')) from generate_series(1, ?)",
                Long.class, nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).id = ids.get(i);
        }
        batch("""
                insert into plan_node (id, plan_id, parent_id, kind, position, headline, body, lead_office_id, key_item,
                                       deadline_kind, deadline, q1, q2, q3, q4, tags, carried_from_id, completed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", nodes, (ps, node) -> {
            ps.setLong(1, node.id);
            ps.setLong(2, planId);
            setLong(ps, 3, node.parent == null ? null : node.parent.id);
            ps.setString(4, node.kind.name());
            ps.setInt(5, node.position);
            ps.setString(6, node.headline);
            ps.setString(7, node.body);
            setLong(ps, 8, node.leadOfficeId);
            ps.setBoolean(9, node.keyItem);
            ps.setString(10, node.deadlineKind == null ? null : node.deadlineKind.name());
            ps.setObject(11, node.deadline, Types.DATE);
            for (int q = 0; q < 4; q++) {
                ps.setString(12 + q, node.quarters[q]);
            }
            ps.setArray(16, ps.getConnection().createArrayOf("text", node.tags.toArray()));
            setLong(ps, 17, node.carriedFromId);
            ps.setTimestamp(18, node.completedAt == null ? null : Timestamp.from(node.completedAt));
        });
        var items = nodes.stream().filter(node -> node.kind == NodeKind.ITEM).toList();
        var offices = pairs(items, node -> node.cooperatingOfficeIds);
        batch("insert into plan_item_office (node_id, office_id) values (?, ?)", offices, PAIR);
        var schools = pairs(items, node -> node.schoolIds);
        batch("insert into plan_item_school (node_id, school_id) values (?, ?)", schools, PAIR);
        var targets = new ArrayList<Object[]>();
        for (var item : items) {
            for (int i = 0; i < item.targets.size(); i++) {
                var target = item.targets.get(i);
                targets.add(new Object[] {item.id, i, target.indicator(), target.comparator(), target.value(), target.unit()});
            }
        }
        batch("""
                insert into plan_item_target (node_id, position, indicator, comparator, value, unit)
                values (?, ?, ?, ?, ?, ?)""", targets, (ps, row) -> {
            ps.setLong(1, (Long) row[0]);
            ps.setInt(2, (Integer) row[1]);
            ps.setString(3, (String) row[2]);
            ps.setString(4, (String) row[3]);
            ps.setBigDecimal(5, (java.math.BigDecimal) row[4]);
            ps.setString(6, (String) row[5]);
        });
        if (issued) {
            // its lines of responsibility, as publishing makes them
            events.publishEvent(new PlanPublished(planId));
        }
        var took = Duration.ofNanos(System.nanoTime() - start);
        var plan = new GeneratedPlan(planId, spec.year(), title, items.size(), nodes.size(), offices.size(), schools.size(),
                targets.size(), took);
        log.info("Generated plan #{} {} ({}): {} items, {} nodes, {} cooperating offices, {} school links, {} targets in {} ms",
                planId, title, spec.status(), plan.items(), plan.nodes(), plan.cooperatingOffices(), plan.schoolLinks(),
                plan.targets(), took.toMillis());
        return plan;
    }

    /** The active offices and schools; plans need at least one office. */
    private Directory directory() {
        var offices = new LinkedHashMap<String, Long>();
        jdbc.query("select id, short_name from office where active order by display_order, id",
                rs -> {
                    offices.put(rs.getString("short_name"), rs.getLong("id"));
                });
        if (offices.isEmpty()) {
            throw new IllegalStateException("No offices to generate plans for: load the demo county first "
                    + "(the quick start does, or set workplan.demo-data.enabled=true on an empty database)");
        }
        var schools = new LinkedHashMap<Long, SchoolKind>();
        jdbc.query("select id, kind from school where active order by id",
                rs -> {
                    schools.put(rs.getLong("id"), SchoolKind.valueOf(rs.getString("kind")));
                });
        return new Directory(offices, schools);
    }

    /** Unfinished items of last year's plan, which this year's may carry over. */
    private List<Long> carryOverCandidates(int year) {
        return jdbc.queryForList("""
                select n.id from plan_node n join plan p on p.id = n.plan_id
                 where p.year = ? and n.kind = 'ITEM' and n.completed_at is null order by n.id""", Long.class, year - 1);
    }

    private static List<long[]> pairs(List<Node> items, java.util.function.Function<Node, List<Long>> targets) {
        var pairs = new ArrayList<long[]>();
        for (var item : items) {
            for (var target : targets.apply(item)) {
                pairs.add(new long[] {item.id, target});
            }
        }
        return pairs;
    }

    private static final ParameterizedPreparedStatementSetter<long[]> PAIR = (ps, pair) -> {
        ps.setLong(1, pair[0]);
        ps.setLong(2, pair[1]);
    };

    /** Inserts the rows in JDBC batches of {@value #BATCH_SIZE}. */
    <T> void batch(String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, BATCH_SIZE, setter);
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
