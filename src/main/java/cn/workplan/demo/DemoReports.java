package cn.workplan.demo;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import lombok.extern.slf4j.Slf4j;

import cn.workplan.execution.LineStandings;
import cn.workplan.execution.ReportCycle;
import cn.workplan.execution.ReportingPeriod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo plan's reports from its first reporting month up to the month of the day it is loaded, as a county at work
 * writes them: most sent on time, some late, some missing; the lead offices' consolidated progress each month, the
 * schools' and cooperating offices' reports reviewed by the lead offices (a few returned with a comment, corrected
 * later or still waiting for their author), this month's reports coming in, some waiting for review, a few photos
 * waiting for an inspector. Each item's progress follows its own pace against its schedule — most on time, a few
 * behind, 深化产教融合 far behind, 推进普通高中多样化特色发展 not started — so the dashboard shows every light. Every
 * timestamp lies before the moment of loading. Concrete figures throughout, so that the drafted reports read as a
 * bureau's.
 *
 * <p>Written in a few statements (the rows as JSON), bypassing the services: a thousand reports through the services
 * would slow every fresh quick start and every browser test's context by many seconds; what the services add (the
 * audit log, notifications) belongs to what people do from now on. The lines' standing is then refreshed as the
 * volume data generator does.
 */
@Slf4j
@Component
class DemoReports {

    /** The demo principal's school, whose reporting page the README's journeys start from: on time, nothing returned, this month still to write. */
    static final String PRINCIPALS_SCHOOL = "城关镇第一小学";
    private static final String GENERIC_COOPERATION = "配合牵头股室推进相关工作，按时报送本单位进展。";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final LineStandings standings;
    private final Clock clock;

    DemoReports(JdbcClient jdbc, ObjectMapper json, LineStandings standings, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.standings = standings;
        this.clock = clock;
    }

    /** What a school writes: the template with two figures, each a base plus a step per school and month. */
    private record School(String template, int a, int aStep, int b, int bStep) {

        String text(int k) {
            return template.formatted(a + k * aStep, b + k * bStep);
        }
    }

    /**
     * One item's year: how its lead office words March and June, the targets' values from June on, what its schools and
     * cooperating offices write, and its pace against the schedule (1: on time; below 1: behind).
     *
     * @param returned the school (by its place among the item's schools) whose June report is returned with the comment
     */
    private record Pace(String march, String june, Map<String, String> actuals, School school, String cooperating, int returned,
            String comment, double pace) {
    }

    /** A line of the demo plan with what its reports need. */
    private record Line(long id, long itemId, String headline, String kind, Long officeId, Long schoolId, String party, LocalDate deadline,
            LocalDate itemDeadline, Long leadOfficeId) {
    }

    /** A report as written, its history and values. */
    private record Written(long line, LocalDate period, String state, String progress, int percent, String narrative, Long author,
            Instant submitted, Long reviewer, Instant reviewed, String comment, List<Event> events, Map<Long, BigDecimal> actuals,
            boolean photo) {
    }

    private record Event(String action, Long actor, String comment, Instant at) {
    }

    /** Writes the reports; answers how many. */
    int load(long planId, LocalDate today) {
        var now = clock.instant();
        var zone = clock.getZone();
        var plan = jdbc.sql("select year, report_due_day, issue_date from plan where id = :plan").param("plan", planId)
                .query((row, number) -> new int[] {row.getInt("year"), row.getInt("report_due_day"),
                        row.getObject("issue_date", LocalDate.class).getMonthValue()})
                .single();
        int year = plan[0];
        int dueDay = plan[1];
        var lines = jdbc.sql("""
                select a.id, a.item_id, n.headline, a.kind, a.office_id, a.school_id, coalesce(s.name, o.short_name) as party,
                       coalesce(a.deadline, n.deadline) as deadline, n.deadline as item_deadline, n.lead_office_id
                from assignment a join plan_node n on n.id = a.item_id
                left join school s on s.id = a.school_id left join office o on o.id = a.office_id
                where a.plan_id = :plan order by n.id, a.kind, s.township, s.name, a.id""")
                .param("plan", planId)
                .query((row, number) -> new Line(row.getLong("id"), row.getLong("item_id"), row.getString("headline"), row.getString("kind"),
                        row.getObject("office_id", Long.class), row.getObject("school_id", Long.class), row.getString("party"),
                        row.getObject("deadline", LocalDate.class), row.getObject("item_deadline", LocalDate.class),
                        row.getObject("lead_office_id", Long.class)))
                .list();
        var targets = new HashMap<String, Long>();
        jdbc.sql("select t.id, t.node_id, t.indicator from plan_item_target t join plan_node n on n.id = t.node_id where n.plan_id = :plan")
                .param("plan", planId)
                .query((row, number) -> targets.put(row.getLong("node_id") + "/" + row.getString("indicator"), row.getLong("id"))).list();
        var people = people();
        var byItem = new LinkedHashMap<Long, List<Line>>();
        lines.forEach(line -> byItem.computeIfAbsent(line.itemId(), key -> new ArrayList<>()).add(line));

        // from the month after the plan was issued (March for a plan of 10 February) to this month
        var current = ReportCycle.MONTHLY.periodOf(today);
        var first = new ReportingPeriod(ReportCycle.MONTHLY, LocalDate.of(year, Math.min(plan[2] + 1, 12), 1));
        if (first.start().isAfter(current.start())) {
            first = current;
        }
        var written = new ArrayList<Written>();
        for (var item : byItem.values()) {
            var pace = PACES.get(item.get(0).headline());
            if (pace == null || DemoPlan.NOT_STARTED_ITEM.equals(item.get(0).headline()) && !startedBy(today)) {
                continue; // not started: nothing reported yet
            }
            var lead = item.stream().filter(line -> line.kind().equals("LEAD")).findFirst().orElse(null);
            Long reviewer = lead == null ? null : people.get("o" + lead.officeId());
            int schoolPlace = 0;
            var places = new HashMap<Long, Integer>();
            for (var line : item) {
                if (line.kind().equals("SCHOOL")) {
                    places.put(line.id(), schoolPlace++);
                }
            }
            for (var period = first; !period.start().isAfter(current.start()); period = period.next()) {
                boolean now_ = period.equals(current);
                var due = period.dueOn(dueDay);
                int month = period.start().getMonthValue();
                int expected = progress(year, item.get(0).itemDeadline(), pace.pace(), due.isAfter(today) ? today : due);
                for (var line : item) {
                    var author = people.get(line.schoolId() != null ? "s" + line.schoolId() : "o" + line.officeId());
                    if (author == null || reviewer == null && !line.kind().equals("LEAD")) {
                        continue;
                    }
                    int h = hash(line.id(), month);
                    boolean principals = PRINCIPALS_SCHOOL.equals(line.party());
                    int k = places.getOrDefault(line.id(), 0);
                    int percent = switch (line.kind()) {
                        case "LEAD" -> expected;
                        case "SCHOOL" -> Math.min(100, (int) Math.round(expected * (0.85 + 0.1 * (k % 4))));
                        default -> Math.min(100, expected + 5);
                    };
                    var narrative = switch (line.kind()) {
                        case "LEAD" -> month < 6 ? pace.march() : month == 6 ? pace.june() : "截至" + month + "月，" + pace.june();
                        // the figures grow a little from school to school and month to month
                        case "SCHOOL" -> pace.school().text(k % 6 + month / 4);
                        default -> pace.cooperating() == null ? GENERIC_COOPERATION : pace.cooperating();
                    };
                    Instant submitted;
                    if (now_) {
                        // this month's reports are coming in: the more of the month has gone, the more are sent
                        int share = Math.min(85, 15 + today.getDayOfMonth() * 5 / 2);
                        if (principals || h >= share) {
                            continue;
                        }
                        var start = period.start().atStartOfDay(zone).toInstant();
                        submitted = start.plus(Duration.between(start, now).multipliedBy(5 + h % 90).dividedBy(100));
                    } else if (principals || h < (lead(line) ? 85 : 72)) {
                        submitted = at(due.minusDays(1 + h % 6), 9 + h % 8, zone);
                    } else if (h < (lead(line) ? 95 : 86)) {
                        submitted = at(due.plusDays(1 + h % 7), 15, zone); // late
                        if (!submitted.isBefore(now)) {
                            continue;
                        }
                    } else {
                        continue; // missing
                    }
                    var actuals = new LinkedHashMap<Long, BigDecimal>();
                    if (line.kind().equals("LEAD") && month >= 6) {
                        pace.actuals().forEach((indicator, value) -> {
                            var target = targets.get(line.itemId() + "/" + indicator);
                            if (target != null) {
                                actuals.put(target, new BigDecimal(value));
                            }
                        });
                    }
                    var events = new ArrayList<Event>();
                    events.add(new Event("SUBMITTED", author, null, submitted));
                    String state;
                    Long reviewedBy = null;
                    Instant reviewed = null;
                    String comment = null;
                    if (line.kind().equals("LEAD")) {
                        state = "APPROVED"; // the lead office's own consolidated report is accepted as sent
                        reviewedBy = author;
                        reviewed = submitted;
                    } else {
                        boolean returned = !principals && line.kind().equals("SCHOOL")
                                && (month == 6 && k == pace.returned() || h % 31 == 0);
                        var answer = submitted.plus(Duration.ofDays(1 + h % 3)).plus(Duration.ofHours(2));
                        if (returned && answer.isBefore(now)) {
                            comment = month == 6 && k == pace.returned() && pace.comment() != null ? pace.comment() : "请补充佐证材料和具体数据。";
                            events.add(new Event("RETURNED", reviewer, comment, answer));
                            var again = answer.plus(Duration.ofDays(2));
                            var approved = again.plus(Duration.ofDays(1));
                            boolean corrected = period.start().isBefore(current.previous().start()) && approved.isBefore(now);
                            if (corrected) {
                                events.add(new Event("SUBMITTED", author, null, again));
                                events.add(new Event("APPROVED", reviewer, null, approved));
                                state = "APPROVED";
                                submitted = again;
                                reviewed = approved;
                                comment = null;
                            } else {
                                state = "RETURNED";
                                reviewed = answer;
                            }
                            reviewedBy = reviewer;
                        } else if (answer.isBefore(now) && !(now_ && h % 2 == 0)) {
                            events.add(new Event("APPROVED", reviewer, null, answer));
                            state = "APPROVED";
                            reviewedBy = reviewer;
                            reviewed = answer;
                        } else {
                            state = "SUBMITTED"; // waiting for the lead office
                        }
                    }
                    boolean photo = line.kind().equals("SCHOOL") && !period.start().isBefore(current.previous().start()) && h % 29 == 0;
                    written.add(new Written(line.id(), period.start(), state, percent >= 100 ? "DONE" : "IN_PROGRESS", percent, narrative,
                            author, submitted, reviewedBy, reviewed, comment, events, actuals, photo));
                }
            }
        }
        insert(planId, written);
        standings.refreshPlan(planId);
        log.info("Demo data: {} progress reports of plan #{} from {} to {}", written.size(), planId, first.start(), current.start());
        return written.size();
    }

    private static boolean lead(Line line) {
        return line.kind().equals("LEAD");
    }

    /** Whether the not-started item's schedule has begun by the day: only once no later quarter is left to start in. */
    private static boolean startedBy(LocalDate today) {
        return today.getMonthValue() >= 10;
    }

    /**
     * An item's consolidated progress on a day: the share of the time from 1 January to its deadline (31 December without
     * one) gone by then, at the item's pace; 100 once done.
     */
    static int progress(int year, LocalDate deadline, double pace, LocalDate day) {
        var start = LocalDate.of(year, 1, 1);
        var end = deadline == null ? LocalDate.of(year, 12, 31) : deadline;
        double span = Math.max(1, ChronoUnit.DAYS.between(start, end));
        double gone = Math.max(0, Math.min(span, ChronoUnit.DAYS.between(start, day)));
        return (int) Math.min(100, Math.round(gone / span * 100 * pace));
    }

    /** A number from 0 to 99 of the line and month: who is on time, late or missing, returned, with a photo. */
    private static int hash(long line, int month) {
        long mixed = line * 0x9E3779B97F4A7C15L + month * 0xC2B2AE3D27D4EB4FL;
        mixed ^= mixed >>> 31;
        return (int) Math.floorMod(mixed, 100L);
    }

    private static Instant at(LocalDate day, int hour, java.time.ZoneId zone) {
        return day.atTime(LocalTime.of(hour, 17)).atZone(zone).toInstant();
    }

    /** The first active account of every office ("o" + id: its head first) and school ("s" + id: its principal). */
    private Map<String, Long> people() {
        var people = new LinkedHashMap<String, Long>();
        jdbc.sql("""
                select u.id, u.office_id, u.school_id from app_user u left join office o on o.id = u.office_id
                where u.active and (u.office_id is not null or u.school_id is not null)
                order by (o.head_user_id = u.id) desc nulls last, u.id""")
                .query((row, number) -> people.putIfAbsent(row.getObject("office_id") != null ? "o" + row.getLong("office_id")
                        : "s" + row.getLong("school_id"), row.getLong("id")))
                .list();
        return people;
    }

    /** The reports, their history, values and photos: four statements. */
    private void insert(long planId, List<Written> written) {
        if (written.isEmpty()) {
            return;
        }
        var rows = new ArrayList<Map<String, Object>>();
        for (var report : written) {
            var row = new LinkedHashMap<String, Object>();
            row.put("line", report.line());
            row.put("period", report.period().toString());
            row.put("state", report.state());
            row.put("progress", report.progress());
            row.put("percent", report.percent());
            row.put("narrative", report.narrative());
            row.put("comment", report.comment());
            row.put("author", report.author());
            row.put("submitted", timestamp(report.submitted()));
            row.put("reviewer", report.reviewer());
            row.put("reviewed", timestamp(report.reviewed()));
            row.put("created", timestamp(report.submitted().minus(Duration.ofHours(3))));
            rows.add(row);
        }
        var ids = new HashMap<String, Long>();
        jdbc.sql("""
                insert into progress_report (assignment_id, plan_id, item_id, period_start, state, progress, percent, narrative,
                                             review_comment, author_id, submitted_at, reviewed_by, reviewed_at, version, created_at, updated_at)
                select r.line, a.plan_id, a.item_id, r.period, r.state, r.progress, r.percent, r.narrative, r.comment, r.author,
                       r.submitted, r.reviewer, r.reviewed, 1, r.created, coalesce(r.reviewed, r.submitted)
                from jsonb_to_recordset(cast(:rows as jsonb)) as r(line bigint, period date, state varchar, progress varchar, percent smallint,
                     narrative text, comment varchar, author bigint, submitted timestamptz, reviewer bigint, reviewed timestamptz,
                     created timestamptz)
                join assignment a on a.id = r.line
                returning id, assignment_id, period_start""")
                .param("rows", write(rows))
                .query((row, number) -> ids.put(row.getLong("assignment_id") + "/" + row.getObject("period_start", LocalDate.class),
                        row.getLong("id")))
                .list();
        var events = new ArrayList<Map<String, Object>>();
        var values = new ArrayList<Map<String, Object>>();
        var photos = new ArrayList<Map<String, Object>>();
        for (var report : written) {
            long id = ids.get(report.line() + "/" + report.period());
            for (var event : report.events()) {
                var row = new LinkedHashMap<String, Object>();
                row.put("report", id);
                row.put("action", event.action());
                row.put("actor", event.actor());
                row.put("comment", event.comment());
                row.put("occurred", timestamp(event.at()));
                events.add(row);
            }
            report.actuals().forEach((target, actual) -> values.add(Map.of("report", id, "target", target, "actual", actual)));
            if (report.photo()) {
                var row = new LinkedHashMap<String, Object>();
                row.put("report", id);
                row.put("name", "现场照片" + report.period().getMonthValue() + "月.jpg");
                row.put("uploader", report.author());
                row.put("uploaded", timestamp(report.submitted().minus(Duration.ofMinutes(10))));
                photos.add(row);
            }
        }
        jdbc.sql("""
                insert into progress_report_event (report_id, action, actor_id, comment, occurred_at)
                select e.report, e.action, e.actor, e.comment, e.occurred
                from jsonb_to_recordset(cast(:rows as jsonb)) as e(report bigint, action varchar, actor bigint, comment varchar, occurred timestamptz)""")
                .param("rows", write(events)).update();
        if (!values.isEmpty()) {
            jdbc.sql("""
                    insert into progress_report_value (report_id, target_id, actual)
                    select v.report, v.target, v.actual from jsonb_to_recordset(cast(:rows as jsonb)) as v(report bigint, target bigint, actual numeric)""")
                    .param("rows", write(values)).update();
        }
        if (!photos.isEmpty()) {
            var image = photo();
            jdbc.sql("""
                    insert into evidence (report_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                    select p.report, p.name, 'image/jpeg', :size, :sha256, :content, p.uploader, p.uploaded
                    from jsonb_to_recordset(cast(:rows as jsonb)) as p(report bigint, name varchar, uploader bigint, uploaded timestamptz)""")
                    .param("rows", write(photos)).param("size", image.length).param("sha256", sha256(image)).param("content", image)
                    .update();
        }
        log.debug("Demo plan #{}: {} report events, {} target values, {} photos", planId, events.size(), values.size(), photos.size());
    }

    private static String timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private String write(Object rows) {
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small photo: a classroom wall in the county's colours. */
    private static byte[] photo() {
        var image = new BufferedImage(96, 72, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(214, 232, 245));
        graphics.fillRect(0, 0, 96, 72);
        graphics.setColor(new Color(40, 120, 200));
        graphics.fillRect(8, 40, 80, 24);
        graphics.dispose();
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<String, Pace> PACES = new HashMap<>();

    private static void pace(String headline, String march, String june, Map<String, String> actuals, School school, String cooperating,
            int returned, String comment, double pace) {
        PACES.put(headline, new Pace(march, june, actuals, school, cooperating, returned, comment, pace));
    }

    static {
        pace("深入学习贯彻党的二十大精神。",
                "制定《理论学习计划》，局党组理论学习中心组集中学习2次。",
                "局党组理论学习中心组集中学习6次，开展专题宣讲12场，覆盖党员教师1300余人次。", Map.of(),
                new School("组织党员教师集中学习%d次，撰写心得体会%d篇。", 3, 1, 20, 6),
                "组织新入职教师开展党的创新理论专题培训1期，参训86人。", -1, null, 1.05);
        pace("加强基层党组织建设。",
                "印发“星级党组织”创建标准，各学校党组织完成创建申报。",
                "11所学校党组织全部开展创建活动，评选党建示范校3所，完成党组织书记培训1期。", Map.of("党建示范校", "3"),
                new School("开展主题党日活动%d次，发展党员%d名。", 3, 1, 1, 1),
                "指导各学校党组织完善“三会一课”记录，抽查党建台账11份。", -1, null, 1.0);
        pace("持续正风肃纪。",
                "与各学校签订党风廉政建设责任书30份，开展节前廉政提醒。",
                "开展违规补课、违规收费专项检查2轮，检查学校30所，通报典型问题3起，已全部整改。", Map.of(),
                new School("开展师德师风自查%d次，签订不违规补课承诺书%d份。", 1, 1, 40, 7),
                "配合开展专项检查，核查群众反映问题4件。", -1, null, 1.05);
        pace("扩充普惠性学前教育资源。",
                "3所新建、改扩建幼儿园完成项目立项和招标，城关镇中心幼儿园改扩建工程已开工。",
                "3所幼儿园主体工程均已封顶，完成投资1860万元，占计划的62%；全县普惠性幼儿园覆盖率达到91.2%。",
                Map.of("普惠性幼儿园覆盖率", "91.2", "新增学位", "180"),
                new School("完成园舍改造%d平方米，新增学位%d个。", 300, 50, 30, 15),
                "指导3所新建、改扩建幼儿园做好开园准备，核定秋季招生计划540人。", -1, null, 1.1);
        pace("提升幼儿园保教质量。",
                "制定幼儿园保教质量评估方案，明确评估指标。",
                "6所幼儿园全部完成自评，县级抽查评估3所，纠正“小学化”倾向问题5个。", Map.of(),
                new School("完成保教质量自评，整改问题%d个，开展游戏化教研活动%d次。", 2, 1, 4, 1),
                "组织幼儿园游戏化教学观摩研讨2次，参加教师120人。", -1, null, 0.6);
        pace("巩固义务教育控辍保学成果。",
                "完成春季开学排查，建立“一人一案”动态台账，劝返复学学生2名。",
                "全县小学适龄儿童入学率100%，初中辍学率0.32%，累计劝返复学学生5名。",
                Map.of("小学适龄儿童入学率", "100", "初中辍学率", "0.32"),
                new School("春季开学排查学生%d名，无辍学情况，建立控辍保学台账%d册。", 300, 40, 1, 0),
                "比对学籍数据，核查疑似失学儿童17名，均已落实去向。", 2, "请补充劝返学生的帮扶记录。", 1.0);
        pace("推进集团化办学。",
                "制定《青山县集团化办学实施方案》，报县政府审定。",
                "组建城关、青石、柳河3个城乡教育集团，成员校14所，开展集团联合教研9次。", Map.of("城乡教育集团", "3"),
                new School("加入教育集团，与核心校开展联合教研%d次，互派教师%d人。", 2, 1, 2, 1),
                "选派骨干教师20名到集团成员校交流，开展送教下乡6次。", -1, null, 1.05);
        pace("做好课后服务工作。",
                "修订课后服务实施方案，核定课后服务经费标准。",
                "义务教育学校课后服务实现全覆盖，开设特色课程126门，学生参与率96.3%。", Map.of("课后服务学生参与率", "96.3"),
                new School("开设课后服务课程%d门，学生参与率%d%%。", 8, 1, 92, 1),
                "拨付课后服务经费286万元，开展经费使用检查1次。", 3, "请补充课后服务收费公示材料。", 1.1);
        pace("推进普通高中多样化特色发展。",
                "青山县第一中学制定市级特色高中创建规划。",
                "完成选课走班改革方案，开发校本选修课程18门，特色高中创建通过市级初评。", Map.of(),
                new School("开发校本选修课程%d门，开展研究性学习课题%d项。", 16, 2, 12, 1),
                "组织新课程新教材专题教研4次，听评课56节。", -1, null, 1.0);
        pace("深化产教融合。",
                "走访对接县内企业4家，了解企业用工需求。",
                "走访对接企业6家，与青山机械有限公司达成合作意向，合作协议尚未签订。", Map.of("共建实训基地", "0"),
                new School("对接企业%d家，组织学生企业认知实习%d人次。", 4, 1, 60, 20),
                null, -1, null, 0.3);
        pace("加强师德师风建设。",
                "召开师德师风专题教育动员会，印发师德考核负面清单。",
                "全县教职工签订师德承诺书2386份，开展师德专题培训6场，查处违反师德问题1起。", Map.of(),
                new School("组织教师签订师德承诺书%d份，开展师德专题学习%d次。", 45, 12, 3, 1),
                "受理师德师风问题线索2件，均已核查处理。", -1, null, 1.05);
        pace("推进县域内教师交流轮岗。",
                "完成应交流教职工摸底测算，应交流人数412人。",
                "制定交流轮岗方案并公示，拟交流教师45人，占应交流人数的10.9%，其中骨干教师11人。",
                Map.of("交流教师占应交流教职工比例", "10.9"),
                new School("拟交流教师%d人，其中骨干教师%d人。", 2, 1, 1, 0),
                "配合核定各校交流名额，审核交流人员资格45人。", -1, null, 1.15);
        pace("实施教师能力提升工程。",
                "制定年度教师培训计划，组织寒假集中培训教师620人次。",
                "累计培训教师1280人次，评选县级骨干教师102名。", Map.of("教师培训", "1280", "县级骨干教师", "102"),
                new School("选派教师参加县级培训%d人次，开展校本研修%d次。", 12, 3, 6, 1),
                "组织信息技术应用能力提升培训3期，培训教师410人次。", -1, null, 1.0);
        pace("推进教育数字化转型。",
                "完成22所学校网络提速改造，中小学千兆宽带覆盖率达到73%。",
                "中小学千兆宽带实现全覆盖，确定智慧校园示范校创建单位8所，已有2所通过验收。", Map.of("智慧校园示范校", "2"),
                new School("完成校园网络提速改造，更新交互式智慧黑板%d块，培训教师%d人次。", 6, 2, 30, 5),
                "下达智慧校园建设资金420万元。", 4, "请补充设备验收单和照片。", 0.85);
        pace("加强体育美育劳动教育。",
                "举办全县中小学生春季运动会，参赛学生1500余人。",
                "完成国家学生体质健康测试，测试学生2.1万人，达标率90.6%；开展校园艺术展演42场。", Map.of("体质健康达标率", "90.6"),
                new School("开展大课间和课后体育活动，体质健康测试达标率%d%%，开展艺术展演%d场。", 88, 1, 2, 1),
                "组织体育美育教研活动3次，编印劳动教育校本教材1册。", -1, null, 1.0);
        pace("规范招生入学秩序。",
                "启动义务教育招生调研，摸清学龄人口底数。",
                "发布义务教育招生工作方案，公办民办学校同步招生，完成网上报名9860人。", Map.of(),
                new School("公布招生范围和计划，完成新生报名%d人，入户核查%d户。", 120, 35, 30, 10),
                "配合核查新生学籍信息，完成数据比对9860条。", -1, null, 1.1);
        pace("落实校园安全责任。",
                "与30所学校签订安全责任书，开展春季开学安全大检查，排查整改隐患46处。",
                "开展汛期安全排查2轮，排查整改隐患83处，重大安全责任事故为零。", Map.of("重大安全责任事故", "0"),
                new School("开展安全隐患排查%d次，整改隐患%d处。", 4, 1, 3, 1),
                "开展安全专项督导2次，督导学校30所。", 1, "请补充隐患整改前后对比照片。", 1.0);
        pace("加强学生防溺水教育。",
                "制定防溺水专项工作方案，明确各校责任。",
                "发放《致家长的一封信》2.3万份，开展防溺水专题教育课1260节，排查危险水域37处。", Map.of(),
                new School("开展防溺水专题教育%d次，发放致家长的一封信%d份。", 6, 2, 400, 80),
                "组织游泳安全技能培训2期，培训学生360人。", -1, null, 1.1);
        pace("开展责任督学挂牌督导。",
                "制定年度督导计划，责任督学到校督导90校次。",
                "责任督学累计到校督导186校次，发现问题58个，已整改55个，整改率94.8%。", Map.of("问题整改率", "94.8"),
                new School("接受责任督学到校督导%d次，反馈问题%d个，均已整改。", 5, 1, 2, 1),
                "汇总督导问题清单，印发督导通报2期。", -1, null, 0.95);
        pace("加强教育经费管理。",
                "下达部门预算，教育经费一般公共预算安排4.86亿元，落实“两个只增不减”要求。",
                "完成上半年经费使用中期审计，审计学校12所，规范财务问题7个。", Map.of(),
                new School("规范财务报账%d笔，整改问题%d个。", 80, 10, 1, 1),
                "参与经费使用监督检查，督促整改问题3个。", -1, null, 1.0);
    }
}
