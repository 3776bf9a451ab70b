package cn.workplan.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.extern.slf4j.Slf4j;

import cn.workplan.account.CurrentUser;
import cn.workplan.execution.ProgressReports;
import cn.workplan.execution.Progress;
import cn.workplan.execution.ReportData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The demo plan's first half year, reported through the real services as the offices and schools would: in March the
 * lead offices' consolidated reports and two schools per item; in June the consolidated reports with the targets'
 * values, the cooperating offices and up to six schools per item, approved by the lead offices — a few returned with
 * a comment. Concrete figures throughout, so that the drafted reports (总结报告) read as a bureau's. 深化产教融合 lags
 * behind its schedule. Periods that have not begun yet are left out.
 */
@Slf4j
@Component
class DemoReports {

    static final int MARCH = 3;
    static final int JUNE = 6;
    /** Schools reporting per item: in March, in June. */
    private static final int MARCH_SCHOOLS = 2;
    private static final int JUNE_SCHOOLS = 6;
    /** The demo principal's school, whose reporting page the README's journeys start from: none of its reports is returned. */
    private static final String PRINCIPALS_SCHOOL = "城关镇第一小学";

    private final JdbcClient jdbc;
    private final ProgressReports reports;
    private final UserDetailsService users;
    private final Clock clock;

    DemoReports(JdbcClient jdbc, ProgressReports reports, UserDetailsService users, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.users = users;
        this.clock = clock;
    }

    /**
     * What a school writes: the template with two figures, each a base plus a step per school.
     */
    private record School(String template, int a, int aStep, int b, int bStep) {

        String text(int k) {
            return template.formatted(a + k * aStep, b + k * bStep);
        }
    }

    /**
     * One item's half year.
     *
     * @param done        how many of the June schools report the work done
     * @param returned    the June school (by its place among them) whose report is returned with the comment; -1 none
     * @param cooperating what its cooperating offices report in June; {@code null}: they do not
     */
    private record Half(int marchPercent, String march, int junePercent, String june, Map<String, String> actuals, School school,
            int done, String cooperating, int returned, String comment) {
    }

    /** A line of the demo plan. */
    private record Line(long id, long itemId, String headline, String kind, Long officeId, Long schoolId, String party) {
    }

    /** Writes the reports of the plan's March and June, those that have begun. */
    void load(long planId) {
        int year = jdbc.sql("select year from plan where id = :plan").param("plan", planId).query(Integer.class).single();
        var today = LocalDate.now(clock);
        var lines = jdbc.sql("""
                select a.id, a.item_id, n.headline, a.kind, a.office_id, a.school_id, coalesce(s.name, o.short_name)
                from assignment a join plan_node n on n.id = a.item_id
                left join school s on s.id = a.school_id left join office o on o.id = a.office_id
                where a.plan_id = :plan order by n.id, a.id""")
                .param("plan", planId)
                .query((row, number) -> new Line(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                        row.getObject(5, Long.class), row.getObject(6, Long.class), row.getString(7)))
                .list();
        var targets = new HashMap<String, Long>();
        jdbc.sql("select t.id, t.node_id, t.indicator from plan_item_target t join plan_node n on n.id = t.node_id where n.plan_id = :plan")
                .param("plan", planId)
                .query((row, number) -> targets.put(row.getLong(2) + "/" + row.getString(3), row.getLong(1))).list();
        var people = people();
        var byItem = new LinkedHashMap<Long, List<Line>>();
        lines.forEach(line -> byItem.computeIfAbsent(line.itemId(), key -> new ArrayList<>()).add(line));
        int written = 0;
        for (var item : byItem.values()) {
            var half = HALVES.get(item.get(0).headline());
            if (half == null) {
                continue;
            }
            var lead = item.stream().filter(line -> line.kind().equals("LEAD")).findFirst().orElse(null);
            var schools = item.stream().filter(line -> line.kind().equals("SCHOOL")).toList();
            var cooperating = item.stream().filter(line -> line.kind().equals("COOPERATING")).toList();
            var leadPerson = lead == null ? null : people.get("o" + lead.officeId());
            for (int month : new int[] {MARCH, JUNE}) {
                var period = LocalDate.of(year, month, 1);
                if (period.isAfter(today)) {
                    continue;
                }
                boolean june = month == JUNE;
                int count = Math.min(schools.size(), june ? JUNE_SCHOOLS : MARCH_SCHOOLS);
                for (int k = 0; k < count; k++) {
                    var line = schools.get(k);
                    var principal = people.get("s" + line.schoolId());
                    if (principal == null || leadPerson == null) {
                        continue;
                    }
                    boolean done = june && k < half.done();
                    int percent = done ? 100 : june ? 40 + 10 * (k % 4) : 15 + 5 * (k % 3);
                    long report = send(line, period, done ? Progress.DONE : Progress.IN_PROGRESS, percent, half.school().text(k + (june ? 2 : 0)),
                            Map.of(), principal);
                    boolean returned = june && k == half.returned() && !PRINCIPALS_SCHOOL.equals(line.party());
                    review(report, !returned, returned ? half.comment() : null, leadPerson);
                    written++;
                }
                if (june && half.cooperating() != null && leadPerson != null) {
                    for (var line : cooperating) {
                        var staff = people.get("o" + line.officeId());
                        if (staff != null) {
                            review(send(line, period, Progress.IN_PROGRESS, 50, half.cooperating(), Map.of(), staff), true, null, leadPerson);
                            written++;
                        }
                    }
                }
                if (lead != null && leadPerson != null) {
                    var actuals = new HashMap<Long, BigDecimal>();
                    if (june) {
                        half.actuals().forEach((indicator, value) -> actuals.put(targets.get(lead.itemId() + "/" + indicator), new BigDecimal(value)));
                    }
                    send(lead, period, Progress.IN_PROGRESS, june ? half.junePercent() : half.marchPercent(), june ? half.june() : half.march(),
                            actuals, leadPerson);
                    written++;
                }
            }
        }
        log.info("Demo data: {} progress reports of the first half year on plan #{}", written, planId);
    }

    /** The first active account of every office ("o" + id: its head first) and school ("s" + id: its principal). */
    private Map<String, CurrentUser> people() {
        var logins = new LinkedHashMap<String, String>();
        jdbc.sql("""
                select u.username, u.office_id, u.school_id from app_user u left join office o on o.id = u.office_id
                where u.active and (u.office_id is not null or u.school_id is not null)
                order by (o.head_user_id = u.id) desc nulls last, u.id""")
                .query((row, number) -> logins.putIfAbsent(row.getObject(2) != null ? "o" + row.getLong(2) : "s" + row.getLong(3),
                        row.getString(1)))
                .list();
        var people = new HashMap<String, CurrentUser>();
        logins.forEach((key, login) -> people.put(key, (CurrentUser) users.loadUserByUsername(login)));
        return people;
    }

    private long send(Line line, LocalDate period, Progress progress, int percent, String narrative, Map<Long, BigDecimal> actuals,
            CurrentUser author) {
        return reports.save(line.id(), period, new ReportData(progress, percent, narrative, actuals, null), List.of(), true, author);
    }

    private void review(long report, boolean approve, String comment, CurrentUser reviewer) {
        long version = jdbc.sql("select version from progress_report where id = :id").param("id", report).query(Long.class).single();
        reports.review(report, approve, comment, version, reviewer);
    }

    private static final Map<String, Half> HALVES = new HashMap<>();

    private static void half(String headline, int marchPercent, String march, int junePercent, String june, Map<String, String> actuals,
            School school, int done, String cooperating, int returned, String comment) {
        HALVES.put(headline, new Half(marchPercent, march, junePercent, june, actuals, school, done, cooperating, returned, comment));
    }

    static {
        half("深入学习贯彻党的二十大精神。",
                25, "制定《2026年理论学习计划》，局党组理论学习中心组集中学习2次。",
                55, "局党组理论学习中心组集中学习6次，开展专题宣讲12场，覆盖党员教师1300余人次。", Map.of(),
                new School("组织党员教师集中学习%d次，撰写心得体会%d篇。", 3, 1, 20, 6), 0,
                "组织新入职教师开展党的创新理论专题培训1期，参训86人。", -1, null);
        half("加强基层党组织建设。",
                20, "印发“星级党组织”创建标准，各学校党组织完成创建申报。",
                45, "11所学校党组织全部开展创建活动，评选党建示范校3所，完成党组织书记培训1期。", Map.of("党建示范校", "3"),
                new School("开展主题党日活动%d次，发展党员%d名。", 3, 1, 1, 1), 1,
                "指导各学校党组织完善“三会一课”记录，抽查党建台账11份。", -1, null);
        half("持续正风肃纪。",
                25, "与各学校签订党风廉政建设责任书30份，开展节前廉政提醒。",
                50, "开展违规补课、违规收费专项检查2轮，检查学校30所，通报典型问题3起，已全部整改。", Map.of(),
                new School("开展师德师风自查%d次，签订不违规补课承诺书%d份。", 1, 1, 40, 7), 0,
                "配合开展专项检查，核查群众反映问题4件。", -1, null);
        half("扩充普惠性学前教育资源。",
                25, "3所新建、改扩建幼儿园完成项目立项和招标，城关镇中心幼儿园改扩建工程已开工。",
                55, "3所幼儿园主体工程均已封顶，完成投资1860万元，占计划的62%；全县普惠性幼儿园覆盖率达到91.2%。",
                Map.of("普惠性幼儿园覆盖率", "91.2", "新增学位", "180"),
                new School("完成园舍改造%d平方米，新增学位%d个。", 300, 50, 30, 15), 1,
                "指导3所新建、改扩建幼儿园做好开园准备，核定秋季招生计划540人。", -1, null);
        half("提升幼儿园保教质量。",
                10, "制定幼儿园保教质量评估方案，明确评估指标。",
                50, "6所幼儿园全部完成自评，县级抽查评估3所，纠正“小学化”倾向问题5个。", Map.of(),
                new School("完成保教质量自评，整改问题%d个，开展游戏化教研活动%d次。", 2, 1, 4, 1), 0,
                "组织幼儿园游戏化教学观摩研讨2次，参加教师120人。", -1, null);
        half("巩固义务教育控辍保学成果。",
                30, "完成春季开学排查，建立“一人一案”动态台账，劝返复学学生2名。",
                50, "全县小学适龄儿童入学率100%，初中辍学率0.32%，累计劝返复学学生5名。",
                Map.of("小学适龄儿童入学率", "100", "初中辍学率", "0.32"),
                new School("春季开学排查学生%d名，无辍学情况，建立控辍保学台账%d册。", 300, 40, 1, 0), 0,
                "比对学籍数据，核查疑似失学儿童17名，均已落实去向。", 2, "请补充劝返学生的帮扶记录。");
        half("推进集团化办学。",
                25, "制定《青山县集团化办学实施方案》，报县政府审定。",
                55, "组建城关、青石、柳河3个城乡教育集团，成员校14所，开展集团联合教研9次。", Map.of("城乡教育集团", "3"),
                new School("加入教育集团，与核心校开展联合教研%d次，互派教师%d人。", 2, 1, 2, 1), 1,
                "选派骨干教师20名到集团成员校交流，开展送教下乡6次。", -1, null);
        half("做好课后服务工作。",
                25, "修订课后服务实施方案，核定课后服务经费标准。",
                50, "义务教育学校课后服务实现全覆盖，开设特色课程126门，学生参与率96.3%。", Map.of("课后服务学生参与率", "96.3"),
                new School("开设课后服务课程%d门，学生参与率%d%%。", 8, 1, 92, 1), 2,
                "拨付课后服务经费286万元，开展经费使用检查1次。", 3, "请补充课后服务收费公示材料。");
        half("推进普通高中多样化特色发展。",
                25, "青山县第一中学制定市级特色高中创建规划。",
                50, "完成选课走班改革方案，开发校本选修课程18门，特色高中创建通过市级初评。", Map.of(),
                new School("开发校本选修课程%d门，开展研究性学习课题%d项。", 16, 2, 12, 1), 0,
                "组织新课程新教材专题教研4次，听评课56节。", -1, null);
        half("深化产教融合。",
                5, "走访对接县内企业4家，了解企业用工需求。",
                10, "走访对接企业6家，与青山机械有限公司达成合作意向，合作协议尚未签订。", Map.of("共建实训基地", "0"),
                new School("对接企业%d家，组织学生企业认知实习%d人次。", 4, 1, 60, 20), 0,
                null, -1, null);
        half("加强师德师风建设。",
                25, "召开师德师风专题教育动员会，印发师德考核负面清单。",
                50, "全县教职工签订师德承诺书2386份，开展师德专题培训6场，查处违反师德问题1起。", Map.of(),
                new School("组织教师签订师德承诺书%d份，开展师德专题学习%d次。", 45, 12, 3, 1), 0,
                "受理师德师风问题线索2件，均已核查处理。", -1, null);
        half("推进县域内教师交流轮岗。",
                30, "完成应交流教职工摸底测算，应交流人数412人。",
                60, "制定交流轮岗方案并公示，拟交流教师45人，占应交流人数的10.9%，其中骨干教师11人。",
                Map.of("交流教师占应交流教职工比例", "10.9"),
                new School("拟交流教师%d人，其中骨干教师%d人。", 2, 1, 1, 0), 0,
                "配合核定各校交流名额，审核交流人员资格45人。", -1, null);
        half("实施教师能力提升工程。",
                20, "制定年度教师培训计划，组织寒假集中培训教师620人次。",
                45, "累计培训教师1280人次，评选县级骨干教师102名。", Map.of("教师培训", "1280", "县级骨干教师", "102"),
                new School("选派教师参加县级培训%d人次，开展校本研修%d次。", 12, 3, 6, 1), 0,
                "组织信息技术应用能力提升培训3期，培训教师410人次。", -1, null);
        half("推进教育数字化转型。",
                25, "完成22所学校网络提速改造，中小学千兆宽带覆盖率达到73%。",
                50, "中小学千兆宽带实现全覆盖，确定智慧校园示范校创建单位8所，已有2所通过验收。", Map.of("智慧校园示范校", "2"),
                new School("完成校园网络提速改造，更新交互式智慧黑板%d块，培训教师%d人次。", 6, 2, 30, 5), 1,
                "下达智慧校园建设资金420万元。", 4, "请补充设备验收单和照片。");
        half("加强体育美育劳动教育。",
                25, "举办全县中小学生春季运动会，参赛学生1500余人。",
                50, "完成国家学生体质健康测试，测试学生2.1万人，达标率90.6%；开展校园艺术展演42场。", Map.of("体质健康达标率", "90.6"),
                new School("开展大课间和课后体育活动，体质健康测试达标率%d%%，开展艺术展演%d场。", 88, 1, 2, 1), 0,
                "组织体育美育教研活动3次，编印劳动教育校本教材1册。", -1, null);
        half("规范招生入学秩序。",
                10, "启动2026年义务教育招生调研，摸清学龄人口底数。",
                60, "发布2026年义务教育招生工作方案，公办民办学校同步招生，完成网上报名9860人。", Map.of(),
                new School("公布招生范围和计划，完成新生报名%d人，入户核查%d户。", 120, 35, 30, 10), 0,
                "配合核查新生学籍信息，完成数据比对9860条。", -1, null);
        half("落实校园安全责任。",
                25, "与30所学校签订安全责任书，开展春季开学安全大检查，排查整改隐患46处。",
                50, "开展汛期安全排查2轮，排查整改隐患83处，重大安全责任事故为零。", Map.of("重大安全责任事故", "0"),
                new School("开展安全隐患排查%d次，整改隐患%d处。", 4, 1, 3, 1), 0,
                "开展安全专项督导2次，督导学校30所。", 1, "请补充隐患整改前后对比照片。");
        half("加强学生防溺水教育。",
                10, "制定防溺水专项工作方案，明确各校责任。",
                60, "发放《致家长的一封信》2.3万份，开展防溺水专题教育课1260节，排查危险水域37处。", Map.of(),
                new School("开展防溺水专题教育%d次，发放致家长的一封信%d份。", 6, 2, 400, 80), 1,
                "组织游泳安全技能培训2期，培训学生360人。", -1, null);
        half("开展责任督学挂牌督导。",
                25, "制定年度督导计划，责任督学到校督导90校次。",
                50, "责任督学累计到校督导186校次，发现问题58个，已整改55个，整改率94.8%。", Map.of("问题整改率", "94.8"),
                new School("接受责任督学到校督导%d次，反馈问题%d个，均已整改。", 5, 1, 2, 1), 0,
                "汇总督导问题清单，印发督导通报2期。", -1, null);
        half("加强教育经费管理。",
                25, "下达2026年部门预算，教育经费一般公共预算安排4.86亿元，落实“两个只增不减”要求。",
                50, "完成上半年经费使用中期审计，审计学校12所，规范财务问题7个。", Map.of(),
                new School("规范财务报账%d笔，整改问题%d个。", 80, 10, 1, 1), 0,
                "参与经费使用监督检查，督促整改问题3个。", -1, null);
    }
}
