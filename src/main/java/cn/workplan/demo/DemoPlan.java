package cn.workplan.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.workplan.account.CurrentUser;
import cn.workplan.org.OfficeService;
import cn.workplan.org.OfficeView;
import cn.workplan.org.SchoolService;
import cn.workplan.org.SchoolView;
import cn.workplan.plan.DeadlineKind;
import cn.workplan.plan.ItemData;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Numbering;
import cn.workplan.plan.OutlineService;
import cn.workplan.plan.PlanData;
import cn.workplan.plan.PlanKind;
import cn.workplan.plan.PlanService;
import cn.workplan.plan.PublishData;
import cn.workplan.plan.TargetData;

import org.springframework.stereotype.Component;

/**
 * The demo county's published work points of the year it is loaded in: six chapters, two of them with sections, twenty
 * items with lead and cooperating offices, responsible schools, targets, deadlines and quarter milestones.
 */
@Component
class DemoPlan {

    private final PlanService plans;
    private final OutlineService outline;
    private final OfficeService offices;
    private final SchoolService schools;

    DemoPlan(PlanService plans, OutlineService outline, OfficeService offices, SchoolService schools) {
        this.plans = plans;
        this.outline = outline;
        this.offices = offices;
        this.schools = schools;
    }

    /**
     * An item of the demo plan: offices by short name, schools by kind ("all", "none" or kinds joined by 、),
     * the deadline's value as month-and-day (831: 31 August), month or quarter as its kind needs.
     */
    private record Item(String headline, String body, String lead, List<String> cooperating, String schools,
            List<TargetData> targets, DeadlineKind deadlineKind, Integer deadlineValue, List<String> quarters,
            boolean key, String tags) {

        Item withDeadline(DeadlineKind kind, Integer value) {
            return new Item(headline, body, lead, cooperating, schools, targets, kind, value, quarters, key, tags);
        }

        Item withQuarters(List<String> schedule) {
            return new Item(headline, body, lead, cooperating, schools, targets, deadlineKind, deadlineValue, List.copyOf(schedule), key, tags);
        }
    }

    /** The item that lags far behind (深化产教融合): overdue on the day the demo is loaded. */
    static final String OVERDUE_ITEM = "深化产教融合。";
    /** The item falling due within days of the load day (预警): 推进教育数字化转型. */
    static final String DUE_SOON_ITEM = "推进教育数字化转型。";
    /** The item whose schedule starts next quarter (未开始, while there is a next quarter in the year). */
    static final String NOT_STARTED_ITEM = "推进普通高中多样化特色发展。";

    /**
     * Publishes the demo county's work points of the load day's year, issued on 10 February (or the day before the load
     * day, early in January). Three items are laid out from the load day, so that the county shows every light whatever
     * the day: 深化产教融合 was due at the end of last month (it is overdue), 推进教育数字化转型 falls due in ten days, and
     * 推进普通高中多样化特色发展 starts next quarter — as far as the calendar allows: nothing is overdue before the end of
     * January, and no item of this year's plan can be still to start once October has begun.
     *
     * @return the plan's id
     */
    long load(CurrentUser author, CurrentUser leader, LocalDate today) {
        int year = today.getYear();
        var officeIds = offices.list().stream().collect(Collectors.toMap(OfficeView::shortName, OfficeView::id));
        var allSchools = schools.list();
        long planId = plans.create(new PlanData(year, title(year), PlanKind.WORK_POINTS,
                year + "年全县教育工作的总体要求是：坚持立德树人根本任务，围绕办好人民满意的教育，"
                        + "以推进义务教育优质均衡发展为主线，以深化教育改革为动力，以建设高素质教师队伍为支撑，"
                        + "守牢校园安全底线，加快建设教育强县。",
                Numbering.CONTINUOUS, null), author);
        for (var chapter : CHAPTERS.entrySet()) {
            long chapterId = outline.addHeading(planId, null, NodeKind.CHAPTER, chapter.getKey(), "", author);
            for (var part : chapter.getValue()) {
                long parentId = chapterId;
                if (part.section() != null) {
                    parentId = outline.addHeading(planId, chapterId, NodeKind.SECTION, part.section(), "", author);
                }
                for (var item : part.items()) {
                    outline.addItem(planId, parentId, data(living(item, today), year, officeIds, allSchools), author);
                }
            }
        }
        plans.submit(planId, author);
        plans.publish(planId, new PublishData(documentNumber(year), issued(today)), leader);
        return planId;
    }

    static String title(int year) {
        return "青山县教育局" + year + "年工作要点";
    }

    static String documentNumber(int year) {
        return "青教〔" + year + "〕1号";
    }

    /** 10 February of the year, or the day before the load day when that is earlier (never before 1 January). */
    static LocalDate issued(LocalDate today) {
        var issue = LocalDate.of(today.getYear(), 2, 10);
        if (!issue.isBefore(today)) {
            issue = today.minusDays(1);
        }
        return issue.getYear() < today.getYear() ? LocalDate.of(today.getYear(), 1, 1) : issue;
    }

    /** The item as the load day has it: the three anchors laid out from the day, the others as written. */
    private static Item living(Item item, LocalDate today) {
        int year = today.getYear();
        switch (item.headline()) {
            case OVERDUE_ITEM -> {
                var written = LocalDate.of(year, item.deadlineValue(), 1).plusMonths(1).minusDays(1);
                var lastMonthEnd = today.withDayOfMonth(1).minusDays(1);
                if (written.isBefore(today) || lastMonthEnd.getYear() < year) {
                    return item;
                }
                return item.withDeadline(DeadlineKind.MONTH_END, lastMonthEnd.getMonthValue());
            }
            case DUE_SOON_ITEM -> {
                var soon = today.plusDays(10);
                var day = soon.getYear() > year ? LocalDate.of(year, 12, 31) : soon;
                return item.withDeadline(DeadlineKind.DATE, day.getMonthValue() * 100 + day.getDayOfMonth());
            }
            case NOT_STARTED_ITEM -> {
                int next = (today.getMonthValue() - 1) / 3 + 2;
                if (next > 4) {
                    return item;
                }
                // the four phases squeezed into the quarters from the next one on
                var phases = item.quarters();
                var quarters = new ArrayList<>(List.of("", "", "", ""));
                int slots = 5 - next;
                for (int phase = 0; phase < phases.size(); phase++) {
                    int quarter = next - 1 + phase * slots / phases.size();
                    quarters.set(quarter, quarters.get(quarter).isEmpty() ? phases.get(phase) : quarters.get(quarter) + "、" + phases.get(phase));
                }
                return item.withQuarters(quarters);
            }
            default -> {
                return item;
            }
        }
    }

    private static ItemData data(Item item, int year, Map<String, Long> officeIds, List<SchoolView> allSchools) {
        var schoolIds = allSchools.stream().filter(school -> matches(item.schools(), school)).map(SchoolView::id).toList();
        var targets = new ArrayList<>(item.targets());
        while (targets.size() < ItemData.TARGET_ROWS) {
            targets.add(TargetData.empty());
        }
        var kind = item.deadlineKind();
        return new ItemData(item.headline(), item.body(), officeIds.get(item.lead()),
                item.cooperating().stream().map(officeIds::get).toList(), schoolIds, targets, kind,
                kind == DeadlineKind.DATE ? LocalDate.of(year, item.deadlineValue() / 100, item.deadlineValue() % 100) : null,
                kind == DeadlineKind.MONTH_END ? item.deadlineValue() : null,
                kind == DeadlineKind.QUARTER_END ? item.deadlineValue() : null,
                item.quarters().get(0), item.quarters().get(1), item.quarters().get(2), item.quarters().get(3),
                item.key(), item.tags(), "", null);
    }

    /** "all", "none", or kinds in Chinese separated by 、 (小学、初中). */
    private static boolean matches(String selection, SchoolView school) {
        return switch (selection) {
            case "all" -> true;
            case "none" -> false;
            default -> List.of(selection.split("、")).contains(school.kind().chineseName());
        };
    }

    private static TargetData target(String indicator, String comparator, String value, String unit) {
        return new TargetData(indicator, comparator, new BigDecimal(value), unit);
    }

    private record Part(String section, List<Item> items) {
    }

    private static final Map<String, List<Part>> CHAPTERS = new java.util.LinkedHashMap<>();

    static {
        CHAPTERS.put("坚持党建引领，夯实教育发展根基", List.of(new Part(null, List.of(
                new Item("深入学习贯彻党的二十大精神。", "开展系列学习、宣讲、研讨活动，推动党的创新理论进校园、进课堂、进头脑。",
                        "办公室", List.of("人事股"), "none", List.of(), DeadlineKind.YEAR_END, null,
                        List.of("制定学习方案", "组织专题宣讲", "开展研讨交流", "总结学习成效"), false, "党建"),
                new Item("加强基层党组织建设。", "落实中小学校党组织领导的校长负责制，开展“星级党组织”创建活动，打造党建示范点。",
                        "人事股", List.of("办公室"), "初中、九年一贯制、高中、职高", List.of(target("党建示范校", ">=", "5", "所")),
                        DeadlineKind.MONTH_END, 11, List.of("制定创建标准", "开展创建活动", "中期督导", "评选命名"), false, "党建"),
                new Item("持续正风肃纪。", "落实全面从严治党主体责任，深化师德师风建设，严查违规补课、违规收费等行为。",
                        "监察室", List.of("人事股", "督导室"), "all", List.of(), DeadlineKind.YEAR_END, null,
                        List.of("签订责任书", "开展专项检查", "通报典型问题", "年终考核"), false, "党建、师德")))));
        CHAPTERS.put("推进优质均衡，扩大优质资源供给", List.of(
                new Part("学前教育", List.of(
                        new Item("扩充普惠性学前教育资源。", "新建、改扩建公办幼儿园3所，新增学位540个，普惠性幼儿园覆盖率稳定在90%以上。",
                                "计财股", List.of("基教股"), "幼儿园", List.of(target("普惠性幼儿园覆盖率", ">=", "90", "%"),
                                        target("新增学位", ">=", "540", "个")),
                                DeadlineKind.DATE, 831, List.of("完成项目立项", "主体工程施工", "竣工验收", "秋季投入使用"), true, "学前教育、项目建设"),
                        new Item("提升幼儿园保教质量。", "开展幼儿园保教质量评估，防止和纠正“小学化”倾向。",
                                "基教股", List.of("教研室"), "幼儿园", List.of(), DeadlineKind.QUARTER_END, 4,
                                List.of("", "开展自评", "县级抽查评估", "通报评估结果"), false, "学前教育"))),
                new Part("义务教育", List.of(
                        new Item("巩固义务教育控辍保学成果。", "健全县、乡、村、校四级控辍保学责任体系，确保适龄儿童少年应入尽入。",
                                "基教股", List.of("招生办"), "小学、初中、九年一贯制、教学点",
                                List.of(target("小学适龄儿童入学率", ">=", "100", "%"), target("初中辍学率", "<", "0.5", "%")),
                                DeadlineKind.YEAR_END, null, List.of("春季学期开学排查", "建立动态台账", "秋季入学核查", "年底复核"), true, "控辍保学"),
                        new Item("推进集团化办学。", "组建3个城乡教育集团，实行管理、教研、评价一体化。",
                                "基教股", List.of("人事股", "教研室"), "小学、初中", List.of(target("城乡教育集团", ">=", "3", "个")),
                                DeadlineKind.MONTH_END, 9, List.of("制定实施方案", "组建教育集团", "开展联合教研", "总结评估"), false, "优质均衡"),
                        new Item("做好课后服务工作。", "实现义务教育学校课后服务全覆盖，丰富服务内容，学生参与率达到95%以上。",
                                "基教股", List.of("计财股"), "小学、初中、九年一贯制", List.of(target("课后服务学生参与率", ">=", "95", "%")),
                                DeadlineKind.QUARTER_END, 3, List.of("完善服务方案", "开展满意度调查", "秋季学期全覆盖", "总结经验"), false, "双减"))),
                new Part("高中和职业教育", List.of(
                        new Item("推进普通高中多样化特色发展。", "深化新课程新教材实施，青山县第一中学创建市级特色高中。",
                                "基教股", List.of("教研室"), "高中", List.of(), DeadlineKind.YEAR_END, null,
                                List.of("制定创建规划", "课程建设", "迎接评估", "总结提升"), false, "高中"),
                        new Item("深化产教融合。", "职业教育中心与县内企业共建实训基地2个，开设订单班。",
                                "职成教股", List.of("计财股"), "职高", List.of(target("共建实训基地", ">=", "2", "个")),
                                DeadlineKind.MONTH_END, 10, List.of("走访对接企业", "签订合作协议", "建成实训基地", "开设订单班"), false, "职业教育")))));
        CHAPTERS.put("建设高素质教师队伍", List.of(new Part(null, List.of(
                new Item("加强师德师风建设。", "开展师德师风专题教育，落实师德考核负面清单制度。",
                        "人事股", List.of("监察室"), "all", List.of(), DeadlineKind.YEAR_END, null,
                        List.of("部署专题教育", "开展师德承诺", "师德考核", "表彰师德标兵"), false, "师德"),
                new Item("推进县域内教师交流轮岗。", "交流人数达到应交流教职工总数的10%以上，其中骨干教师不低于20%。",
                        "人事股", List.of("基教股"), "小学、初中、九年一贯制",
                        List.of(target("交流教师占应交流教职工比例", ">=", "10", "%")), DeadlineKind.DATE, 831,
                        List.of("摸底测算", "制定交流方案", "完成交流到岗", ""), true, "教师队伍"),
                new Item("实施教师能力提升工程。", "培训各类教师2000人次，培养县级骨干教师100名。",
                        "教研室", List.of("人事股", "电教馆"), "all",
                        List.of(target("教师培训", ">=", "2000", "人次"), target("县级骨干教师", ">=", "100", "名")),
                        DeadlineKind.MONTH_END, 12, List.of("制定培训计划", "寒暑假集中培训", "骨干教师评选", "培训考核"), false, "教师队伍")))));
        CHAPTERS.put("深化教育教学改革", List.of(new Part(null, List.of(
                new Item("推进教育数字化转型。", "建设智慧校园示范校5所，实现中小学千兆宽带全覆盖。",
                        "电教馆", List.of("计财股"), "all", List.of(target("智慧校园示范校", ">=", "5", "所")),
                        DeadlineKind.MONTH_END, 11, List.of("网络提速改造", "示范校申报", "平台应用培训", "验收评估"), true, "信息化"),
                new Item("加强体育美育劳动教育。", "保障学生每天校内外体育活动时间不少于2小时，国家学生体质健康标准达标率达到92%。",
                        "体卫艺股", List.of("教研室"), "小学、初中、九年一贯制、高中",
                        List.of(target("体质健康达标率", ">=", "92", "%")), DeadlineKind.YEAR_END, null,
                        List.of("春季运动会", "体质健康测试", "艺术展演", "数据上报"), false, "五育并举"),
                new Item("规范招生入学秩序。", "落实义务教育免试就近入学，公办民办学校同步招生。",
                        "招生办", List.of("基教股"), "小学、初中、九年一贯制", List.of(), DeadlineKind.DATE, 910,
                        List.of("", "发布招生方案", "完成招生录取", ""), false, "招生")))));
        CHAPTERS.put("守牢校园安全底线", List.of(new Part(null, List.of(
                new Item("落实校园安全责任。", "健全校园安全责任体系，做到日查月报月结，重大安全事故零发生。",
                        "校安办", List.of("督导室"), "all", List.of(target("重大安全责任事故", "=", "0", "起")),
                        DeadlineKind.YEAR_END, null, List.of("签订安全责任书", "汛期安全排查", "秋季开学检查", "冬季安全检查"), true, "安全"),
                new Item("加强学生防溺水教育。", "开展防溺水专题教育，做到“六不”宣传全覆盖。",
                        "校安办", List.of("体卫艺股"), "小学、初中、九年一贯制、教学点", List.of(), DeadlineKind.MONTH_END, 8,
                        List.of("", "致家长一封信", "暑期巡查", ""), false, "安全")))));
        CHAPTERS.put("提升教育治理水平", List.of(new Part(null, List.of(
                new Item("开展责任督学挂牌督导。", "督学每月到校督导不少于1次，督导问题整改率达到100%。",
                        "督导室", List.of("办公室"), "all", List.of(target("问题整改率", ">=", "100", "%")),
                        DeadlineKind.YEAR_END, null, List.of("制定督导计划", "开展专项督导", "督导问题回访", "年度督导评估"), false, "督导"),
                new Item("加强教育经费管理。", "落实“两个只增不减”要求，规范学校财务管理。",
                        "计财股", List.of("监察室"), "none", List.of(), DeadlineKind.QUARTER_END, 4,
                        List.of("预算下达", "中期审计", "经费使用检查", "决算"), false, "经费")))));
    }
}
