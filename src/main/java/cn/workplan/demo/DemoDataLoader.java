package cn.workplan.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import jakarta.persistence.EntityManager;

import lombok.extern.slf4j.Slf4j;

import cn.workplan.account.AccountService;
import cn.workplan.account.CurrentUser;
import cn.workplan.account.Role;
import cn.workplan.account.UserData;
import cn.workplan.org.OfficeData;
import cn.workplan.org.OfficeService;
import cn.workplan.org.SchoolData;
import cn.workplan.org.SchoolKind;
import cn.workplan.org.SchoolService;
import cn.workplan.system.database.OnEmbeddedDatabase;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty database with 青山县教育局: 12 offices, 30 schools in 6 townships, and the demo
 * accounts of the README, all with the password {@value #PASSWORD}; the county at work on the day it is loaded: the
 * year's plan published ({@link DemoPlan}), its reports from its first month to this one ({@link DemoReports}), notices,
 * requests and a report to read open ({@link DemoActivity}). Never runs against a database that has accounts, and by
 * default only on the quick-start database.
 */
@Slf4j
@Component
@Order(DemoDataLoader.ORDER)
class DemoDataLoader implements ApplicationRunner {

    static final String PASSWORD = "workplan";

    /** Runs before {@link VolumeDataGenerator}, which builds on the demo directory. */
    static final int ORDER = 0;

    private final Environment environment;
    private final OfficeService offices;
    private final SchoolService schools;
    private final AccountService accounts;
    private final DemoPlan demoPlan;
    private final UserDetailsService userDetails;
    private final DemoReports reports;
    private final DemoActivity activity;
    private final DemoUpperDocument upperDocument;
    private final Clock clock;
    private final EntityManager entityManager;

    DemoDataLoader(
            Environment environment, OfficeService offices, SchoolService schools, AccountService accounts,
            DemoPlan demoPlan, UserDetailsService userDetails, DemoReports reports, DemoActivity activity,
            DemoUpperDocument upperDocument, Clock clock, EntityManager entityManager) {
        this.environment = environment;
        this.offices = offices;
        this.schools = schools;
        this.accounts = accounts;
        this.demoPlan = demoPlan;
        this.userDetails = userDetails;
        this.reports = reports;
        this.activity = activity;
        this.upperDocument = upperDocument;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean enabled = environment.getProperty("workplan.demo-data.enabled", Boolean.class,
                OnEmbeddedDatabase.inUse(environment));
        if (!enabled || accounts.countAll() > 0) {
            return;
        }
        log.info("Loading the demo county 青山县 into an empty database");
        load();
    }

    void load() {
        var admin = user("admin", "系统管理员", Role.ADMIN, null, null);
        var director = user("director", "王建国", Role.LEADER, null, null);
        var deputies = List.of(
                user("deputy1", "李明华", Role.LEADER, null, null),
                user("deputy2", "张秀英", Role.LEADER, null, null),
                user("deputy3", "陈志强", Role.LEADER, null, null));
        user("inspector", "周文", Role.INSPECTOR, null, null);

        String[][] officeRows = {
                {"办公室", "办公室", "office", "刘芳"},
                {"基础教育股", "基教股", "jijiao", "赵磊"},
                {"人事股", "人事股", "renshi", "孙红梅"},
                {"计划财务股", "计财股", "jicai", "吴涛"},
                {"学校安全管理办公室", "校安办", "xiaoan", "郑勇"},
                {"教育督导室", "督导室", "dudao", "冯丽"},
                {"教学研究室", "教研室", "jiaoyan", "韩冰"},
                {"招生考试办公室", "招生办", "zhaosheng", "杨帆"},
                {"电化教育馆", "电教馆", "dianjiao", "朱洪"},
                {"体卫艺股", "体卫艺股", "tiweiyi", "高敏"},
                {"职业与成人教育股", "职成教股", "zhicheng", "林峰"},
                {"监察室", "监察室", "jiancha", "何静"}};
        for (int i = 0; i < officeRows.length; i++) {
            var row = officeRows[i];
            long leader = i == 0 ? director : deputies.get(i % deputies.size());
            long officeId = offices.create(new OfficeData(row[0], row[1], null, leader, (i + 1) * 10, i == 0, null));
            long head = user(row[2], row[3], Role.OFFICE_STAFF, officeId, null);
            var office = offices.get(officeId);
            offices.update(officeId, new OfficeData(office.name(), office.shortName(), head, leader,
                    office.displayOrder(), office.coordinator(), office.version()));
        }

        var schoolIds = new HashMap<String, Long>();
        for (var school : SCHOOLS) {
            schoolIds.put(school[0], schools.create(new SchoolData(school[0], SchoolKind.parse(school[1]).orElseThrow(), school[2],
                    Integer.valueOf(school[3]), null)));
        }
        var principals = new ArrayList<>(List.of(PRINCIPALS));
        user("principal", "孙丽", Role.PRINCIPAL, null, schoolIds.get("城关镇第一小学"));
        int n = 1;
        for (var school : SCHOOLS) {
            if (!school[0].equals("城关镇第一小学")) {
                user("school%02d".formatted(n++), principals.remove(0), Role.PRINCIPAL, null, schoolIds.get(school[0]));
            }
        }
        long planId = livingPlan(LocalDate.now(clock));
        log.info("Demo data loaded: {} offices, {} schools, {} accounts (admin #{}), published plan #{}", offices.count(),
                schools.countActive(), accounts.countActive(), admin, planId);
    }

    /**
     * The county at work on the day: its work points of the day's year published, reported on from their first month to
     * the day's, with notices, requests and a report to read open. (Tests load it for days of their choosing.)
     */
    @Transactional
    long livingPlan(LocalDate today) {
        long planId = demoPlan.load((CurrentUser) userDetails.loadUserByUsername("office"),
                (CurrentUser) userDetails.loadUserByUsername("director"), today);
        entityManager.flush(); // the plan was published through JPA; reports read their lines with SQL
        reports.load(planId, today);
        activity.open(planId, today);
        upperDocument.load(planId, today.getYear());
        return planId;
    }

    private long user(String username, String name, Role role, Long officeId, Long schoolId) {
        return accounts.create(new UserData(username, PASSWORD, name, role, officeId, schoolId,
                username + "@qingshan.edu.example", "", null));
    }

    /** Name, kind, township and enrolment (在校生数) of the demo county's schools. */
    static final String[][] SCHOOLS = {
            {"青山县第一中学", "高中", "城关镇", "2650"},
            {"青山县职业教育中心", "职高", "城关镇", "1480"},
            {"青山县特殊教育学校", "特教", "城关镇", "126"},
            {"城关镇初级中学", "初中", "城关镇", "1820"},
            {"城关镇第一小学", "小学", "城关镇", "2130"},
            {"城关镇第二小学", "小学", "城关镇", "1760"},
            {"城关镇中心幼儿园", "幼儿园", "城关镇", "540"},
            {"青石镇中心学校", "九年一贯制", "青石镇", "980"},
            {"青石镇初级中学", "初中", "青石镇", "760"},
            {"青石镇中心小学", "小学", "青石镇", "890"},
            {"青石镇中心幼儿园", "幼儿园", "青石镇", "310"},
            {"青石镇石门村教学点", "教学点", "青石镇", "38"},
            {"柳河镇初级中学", "初中", "柳河镇", "820"},
            {"柳河镇中心小学", "小学", "柳河镇", "940"},
            {"柳河镇河东小学", "小学", "柳河镇", "420"},
            {"柳河镇中心幼儿园", "幼儿园", "柳河镇", "280"},
            {"柳河镇第二初级中学", "初中", "柳河镇", "610"},
            {"白水乡中心学校", "九年一贯制", "白水乡", "870"},
            {"白水乡中心小学", "小学", "白水乡", "650"},
            {"白水乡中心幼儿园", "幼儿园", "白水乡", "230"},
            {"白水乡白沙村小学", "小学", "白水乡", "190"},
            {"龙泉乡初级中学", "初中", "龙泉乡", "580"},
            {"龙泉乡中心小学", "小学", "龙泉乡", "720"},
            {"龙泉乡中心幼儿园", "幼儿园", "龙泉乡", "250"},
            {"龙泉乡龙湾村教学点", "教学点", "龙泉乡", "27"},
            {"杏林乡中心学校", "九年一贯制", "杏林乡", "910"},
            {"杏林乡中心小学", "小学", "杏林乡", "690"},
            {"杏林乡中心幼儿园", "幼儿园", "杏林乡", "260"},
            {"杏林乡杏花村小学", "小学", "杏林乡", "210"},
            {"杏林乡初级中学", "初中", "杏林乡", "640"}};

    private static final String[] PRINCIPALS = {
            "马建军", "罗红", "梁志刚", "宋丽萍", "谢宏", "唐晓东", "许文", "邓国平", "曹芳", "彭军",
            "曾玉兰", "萧山", "田野", "董建", "潘明", "袁琳", "蔡伟", "蒋涛", "余静", "杜鹏",
            "叶青", "程刚", "魏敏", "苏雪", "吕强", "丁梅", "沈浩", "姜红", "范勇", "方圆"};
}
