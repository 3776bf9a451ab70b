package cn.workplan.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import cn.workplan.org.SchoolKind;

/**
 * The vocabulary of generated plans: chapters by theme, with their sections, the things their items are
 * about, the offices that usually lead them, the schools they usually concern, their tags and typical
 * targets; and the stock sentences bodies, sub-points and quarter milestones are assembled from. Written
 * in the style of county plans (see {@code docs/domain.md}); nothing here is copied from a real plan.
 */
final class PlanPhrases {

    private PlanPhrases() {
    }

    /** Who an item's responsible schools are. */
    enum Scope {
        /** bureau work without schools */
        NONE,
        /** every active school */
        ALL,
        /** the schools of some of the theme's kinds */
        KINDS,
        /** a handful of schools */
        SOME
    }

    /** A typical target: "入学率达到100%", "辍学率控制在0.5%以下". */
    record TargetPhrase(String indicator, String comparator, BigDecimal value, String unit) {

        TargetPhrase(String indicator, String comparator, String value, String unit) {
            this(indicator, comparator, new BigDecimal(value), unit);
        }

        /** The target as the plan's text states it. */
        String sentence() {
            var amount = value.stripTrailingZeros().toPlainString() + unit;
            if (value.signum() == 0 && comparator.equals("=")) {
                return indicator + "为零";
            }
            return switch (comparator) {
                case ">=" -> indicator + "达到" + amount + "以上";
                case ">" -> indicator + "超过" + amount;
                case "<=" -> indicator + "控制在" + amount + "以内";
                case "<" -> indicator + "低于" + amount;
                default -> indicator + "达到" + amount;
            };
        }
    }

    /**
     * A chapter theme.
     *
     * @param offices    short names of the offices that usually lead its items, most likely first
     * @param scopes     weights of {@link Scope} NONE, ALL, KINDS, SOME for its items
     * @param kinds      the kinds of school its items concern
     */
    record Theme(String chapter, List<String> sections, List<String> objects, List<String> offices, int[] scopes,
            List<SchoolKind> kinds, List<String> tags, List<TargetPhrase> targets) {

        Scope scope(Random random) {
            int total = 0;
            for (int weight : scopes) {
                total += weight;
            }
            int pick = random.nextInt(total);
            for (int i = 0; i < scopes.length; i++) {
                pick -= scopes[i];
                if (pick < 0) {
                    return Scope.values()[i];
                }
            }
            return Scope.NONE;
        }
    }

    private static final List<SchoolKind> BASIC = List.of(SchoolKind.PRIMARY, SchoolKind.JUNIOR_HIGH, SchoolKind.NINE_YEAR,
            SchoolKind.TEACHING_POINT);

    static final List<Theme> THEMES = List.of(
            new Theme("全面从严治党，夯实教育发展根基",
                    List.of("加强政治建设", "加强基层党组织建设", "加强党风廉政建设", "做好意识形态工作"),
                    List.of("基层党组织标准化建设", "党风廉政建设", "意识形态工作责任制", "“三会一课”制度", "党员教育管理",
                            "师德师风建设", "机关作风建设", "廉政风险防控", "党建带团建队建工作", "教育系统政风行风建设",
                            "新闻宣传与舆论引导", "党组织领导的校长负责制"),
                    List.of("办公室", "监察室", "人事股"), new int[] {5, 3, 0, 2}, BASIC, List.of("党建"),
                    List.of(new TargetPhrase("党组织覆盖率", "=", "100", "%"),
                            new TargetPhrase("专题廉政教育", ">=", "2", "次"))),
            new Theme("加大投入力度，扩大优质教育资源供给",
                    List.of("优化学校布局", "推进重点项目建设", "加强经费保障"),
                    List.of("城区学校扩容工程", "公办幼儿园建设", "农村学校校舍维修改造", "消除大班额专项行动", "薄弱学校改造",
                            "学校食堂改扩建", "教育经费预算管理", "学生资助资金发放", "校舍安全工程", "学校运动场地建设",
                            "教育项目资金监管", "义务教育学校标准化建设"),
                    List.of("计财股", "基教股", "办公室"), new int[] {3, 1, 2, 4},
                    List.of(SchoolKind.KINDERGARTEN, SchoolKind.PRIMARY, SchoolKind.JUNIOR_HIGH), List.of("重点项目", "民生实事"),
                    List.of(new TargetPhrase("新增学位", ">=", "1200", "个"),
                            new TargetPhrase("项目开工率", "=", "100", "%"),
                            new TargetPhrase("维修改造校舍面积", ">=", "8000", "平方米"))),
            new Theme("深化教学改革，提高教育教学质量",
                    List.of("深化课程改革", "加强教学常规管理", "提升高中教育质量"),
                    List.of("课堂教学改革", "教学常规管理", "校本教研", "集体备课制度", "学业质量监测", "高中选课走班",
                            "作业管理", "课后服务", "毕业年级复习备考", "薄弱学科教学", "教学视导", "名师工作室建设"),
                    List.of("教研室", "基教股", "招生办"), new int[] {1, 4, 3, 2},
                    List.of(SchoolKind.PRIMARY, SchoolKind.JUNIOR_HIGH, SchoolKind.NINE_YEAR, SchoolKind.SENIOR_HIGH),
                    List.of("质量提升", "双减"),
                    List.of(new TargetPhrase("课后服务覆盖率", "=", "100", "%"),
                            new TargetPhrase("本科上线率", ">=", "60", "%"),
                            new TargetPhrase("教学视导", ">=", "2", "轮"))),
            new Theme("坚持立德树人，促进学生全面发展",
                    List.of("加强德育工作", "加强体育美育和劳动教育", "关注学生身心健康"),
                    List.of("德育一体化体系建设", "社会主义核心价值观教育", "心理健康教育", "学生体质健康监测", "阳光体育运动",
                            "中小学生艺术展演", "劳动教育实践基地建设", "儿童青少年近视防控", "校园足球特色学校创建",
                            "研学实践活动", "家校共育", "中小学生读书活动"),
                    List.of("体卫艺股", "基教股", "教研室"), new int[] {1, 5, 3, 1}, BASIC, List.of("德育", "体卫艺"),
                    List.of(new TargetPhrase("学生体质健康达标率", ">=", "92", "%"),
                            new TargetPhrase("心理健康教师配备率", "=", "100", "%"),
                            new TargetPhrase("总体近视率下降", ">=", "1", "个百分点"))),
            new Theme("加强队伍建设，打造高素质专业化教师队伍",
                    List.of("加强师德师风建设", "加强教师培训", "深化人事制度改革"),
                    List.of("教师招聘补充", "校长教师交流轮岗", "教师全员培训", "新任教师岗前培训", "骨干教师培养",
                            "中小学教师职称评审", "教师绩效考核", "乡村教师生活补助发放", "班主任队伍建设", "教师资格定期注册",
                            "校长职级制改革", "教职工编制动态调整"),
                    List.of("人事股", "教研室", "办公室"), new int[] {3, 3, 1, 3}, BASIC, List.of("队伍建设"),
                    List.of(new TargetPhrase("交流人数占应交流教职工总数比例", ">=", "10", "%"),
                            new TargetPhrase("培训教师", ">=", "1500", "人次"),
                            new TargetPhrase("新招聘教师", ">=", "120", "人"))),
            new Theme("坚持依法治教，提升教育治理能力",
                    List.of("推进依法治校", "深化教育督导", "规范办学行为"),
                    List.of("依法治校示范校创建", "义务教育优质均衡发展督导评估", "责任督学挂牌督导", "规范办学行为专项检查",
                            "民办学校年检", "校外培训机构治理", "教育信访工作", "法治宣传教育", "学校章程建设", "政务公开",
                            "教育统计工作", "教育系统“放管服”改革"),
                    List.of("督导室", "办公室", "基教股"), new int[] {3, 3, 1, 3}, BASIC, List.of("督导", "依法治教"),
                    List.of(new TargetPhrase("挂牌督导覆盖率", "=", "100", "%"),
                            new TargetPhrase("专项督导检查", ">=", "4", "次"))),
            new Theme("强化安全管理，建设平安和谐校园",
                    List.of("落实安全责任", "加强隐患排查治理", "加强安全教育"),
                    List.of("校园安全隐患排查整治", "防溺水安全教育", "校车安全管理", "学校食品安全监管", "消防安全检查",
                            "校园欺凌防治", "应急疏散演练", "校园周边环境治理", "安全教育平台应用", "学校安保力量配备",
                            "汛期安全工作", "实验室危险化学品管理"),
                    List.of("校安办", "体卫艺股", "基教股"), new int[] {1, 7, 1, 1}, BASIC, List.of("安全"),
                    List.of(new TargetPhrase("应急疏散演练", ">=", "2", "次"),
                            new TargetPhrase("专职保安配备率", "=", "100", "%"),
                            new TargetPhrase("安全责任事故", "=", "0", "起"))),
            new Theme("促进教育公平，保障适龄儿童少年受教育权利",
                    List.of("做好招生入学工作", "加强控辍保学", "关爱特殊群体"),
                    List.of("义务教育招生入学", "控辍保学", "适龄残疾儿童少年送教上门", "进城务工人员随迁子女就学",
                            "农村留守儿童关爱", "学生资助", "特殊教育提升计划", "学前教育普及普惠", "农村学生营养改善计划",
                            "高中阶段招生", "中考组织", "学籍管理"),
                    List.of("基教股", "招生办", "计财股"), new int[] {1, 4, 4, 1},
                    List.of(SchoolKind.KINDERGARTEN, SchoolKind.PRIMARY, SchoolKind.JUNIOR_HIGH, SchoolKind.SPECIAL),
                    List.of("民生实事", "控辍保学"),
                    List.of(new TargetPhrase("小学适龄儿童入学率", "=", "100", "%"),
                            new TargetPhrase("初中年辍学率", "<=", "0.5", "%"),
                            new TargetPhrase("学前三年毛入园率", ">=", "92", "%"),
                            new TargetPhrase("适龄残疾儿童少年入学率", ">=", "95", "%"))),
            new Theme("推进教育信息化，提升教育现代化水平",
                    List.of("加强信息化基础设施建设", "深化信息技术应用"),
                    List.of("智慧校园建设", "班班通设备更新", "网络学习空间应用", "教师信息技术应用能力提升",
                            "教育资源公共服务平台", "校园网络安全", "数字化教学资源建设", "网络教研活动",
                            "教育管理信息系统应用", "录播教室建设", "信息化教学能手评选", "教育数据治理"),
                    List.of("电教馆", "计财股", "教研室"), new int[] {2, 3, 1, 4}, BASIC, List.of("信息化"),
                    List.of(new TargetPhrase("多媒体教室覆盖率", "=", "100", "%"),
                            new TargetPhrase("信息技术培训", ">=", "800", "人次"),
                            new TargetPhrase("建成智慧校园", ">=", "5", "所"))),
            new Theme("发展职业教育和继续教育，服务县域经济发展",
                    List.of("提升职业教育办学水平", "发展继续教育"),
                    List.of("职教中心骨干专业建设", "校企合作", "职业技能培训", "社区教育", "老年教育", "中职学生实习管理",
                            "职业教育活动周", "农村实用技术培训", "职业院校技能大赛", "中高职衔接", "扫盲教育成果巩固",
                            "终身学习体系建设"),
                    List.of("职成教股", "基教股"), new int[] {4, 0, 5, 1},
                    List.of(SchoolKind.VOCATIONAL, SchoolKind.SENIOR_HIGH), List.of("职成教"),
                    List.of(new TargetPhrase("培训农民", ">=", "3000", "人次"),
                            new TargetPhrase("中职毕业生就业率", ">=", "95", "%"))),
            new Theme("办好民生实事，提升教育服务保障能力",
                    List.of("改善办学条件", "加强后勤管理"),
                    List.of("学校食堂规范化管理", "学生饮用水安全", "农村学校寄宿条件改善", "乡村教师周转宿舍建设",
                            "校园绿化美化", "学校厕所改造", "冬季取暖保障", "学生校服采购管理", "教育技术装备配备",
                            "节约型校园建设", "学校图书馆图书更新", "校园文化建设"),
                    List.of("计财股", "校安办", "办公室"), new int[] {2, 2, 2, 4}, BASIC, List.of("民生实事"),
                    List.of(new TargetPhrase("改造学校厕所", ">=", "20", "座"),
                            new TargetPhrase("生均图书", ">=", "35", "册"))),
            new Theme("加强督查考核，确保各项任务落到实处",
                    List.of("健全工作推进机制", "严格考核问责"),
                    List.of("重点工作督查督办", "目标责任考核", "年度工作总结", "半年工作推进会", "工作计划任务分解",
                            "月报季报制度", "督学责任区建设", "教育满意度调查", "学校年度综合考评", "问题整改销号",
                            "责任追究", "政务信息报送"),
                    List.of("办公室", "督导室", "监察室"), new int[] {5, 3, 0, 2}, BASIC, List.of("督查"),
                    List.of(new TargetPhrase("群众满意度", ">=", "90", "%"),
                            new TargetPhrase("问题整改率", "=", "100", "%"))));

    /** How an item's headline opens: "推进" + object + "。". */
    static final List<String> VERBS = List.of("推进", "加强", "深化", "落实", "完善", "规范", "实施", "健全", "扎实开展",
            "持续推进", "全面加强", "认真做好", "统筹推进", "着力抓好");

    static final List<String> PREAMBLE = List.of(
            "{year}年全县教育工作的总体要求是：坚持以新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，落实立德树人根本任务，"
                    + "坚持教育优先发展，深化教育领域综合改革，推动全县教育事业高质量发展，努力办好人民满意的教育。",
            "全年工作的主要目标是：学前教育普及普惠水平稳步提高，义务教育优质均衡发展扎实推进，高中阶段教育多样化发展，"
                    + "职业教育服务县域经济能力增强，教师队伍素质明显提升，校园安全稳定形势持续向好。");

    static final List<String> OPENINGS = List.of(
            "按照上级教育部门统一部署，制定{object}实施方案，明确目标任务、责任分工和时间节点。",
            "落实县委县政府工作要求，把{object}列入年度重点工作，主要负责同志亲自抓、分管负责同志具体抓。",
            "对照省市有关文件要求，全面梳理{object}存在的短板和问题，建立问题清单和整改台账。",
            "坚持问题导向和目标导向，完善{object}工作机制，推动工作常态化制度化。",
            "总结上年度{object}经验做法，进一步细化措施，提高工作的针对性和实效性。");

    static final List<String> MEASURES = List.of(
            "建立定期调度和月报季报制度，层层压实责任，确保各项措施落到实处。",
            "加强部门协作和上下联动，形成工作合力，及时研究解决工作中遇到的困难和问题。",
            "强化过程管理和督促检查，定期通报工作进展，对进度滞后的单位及时督办。",
            "加大经费保障力度，统筹用好各类资金，提高资金使用效益。",
            "开展专题培训和观摩交流，总结推广典型经验，发挥示范引领作用。",
            "充分利用网站、公众号等平台做好宣传引导，营造全社会关心支持教育的良好氛围。",
            "把工作开展情况纳入学校年度综合考评，考评结果与评先评优挂钩。");

    static final List<String> SCHOOL_DUTIES = List.of(
            "各学校要结合实际制定具体措施，明确专人负责，按时报送工作进展和佐证材料。",
            "各中小学、幼儿园要落实主体责任，建立工作台账，做到有计划、有措施、有检查、有总结。",
            "相关学校要于每月底前报送进展情况，教育局适时组织检查验收。");

    /** Sub-points (（1）…): a short headline and one sentence. */
    static final List<String> POINT_HEADLINES = List.of("加强组织领导。", "强化部门协作。", "做好宣传引导。", "严格考核评价。",
            "完善工作台账。", "抓好问题整改。", "加强经费保障。", "注重总结提升。");

    static final List<String> POINT_BODIES = List.of("成立工作专班，明确职责分工，定期召开推进会议。",
            "各相关股室和学校要密切配合，形成齐抓共管的工作格局。", "及时总结宣传典型经验和先进做法。",
            "将完成情况纳入年度目标考核，对工作不力的严肃问责。", "逐项建立台账，实行销号管理，确保件件有着落。",
            "对检查中发现的问题限期整改，整改情况及时报送。");

    static final List<List<String>> QUARTERS = List.of(
            List.of("制定实施方案，召开部署会", "完成摸底调查", "印发工作要点，分解任务", "组织动员部署"),
            List.of("全面组织实施", "开展专项检查", "推进项目建设", "召开现场推进会"),
            List.of("开展中期督查", "组织交流观摩", "查漏补缺，完善措施", "迎接上级检查"),
            List.of("总结验收", "开展考核评估", "形成年度工作报告", "问题整改销号"));

    static final List<String> EXTRA_TAGS = List.of("年度考核", "上级督办", "民生实事");

    /** Townships for schools beyond the demo county's. */
    static final List<String> TOWNSHIPS = List.of("东岭镇", "西坪乡", "南湖镇", "北山乡", "桃源镇", "松溪乡", "金沙镇",
            "云台乡", "清泉镇", "梅岭乡", "双河镇", "石桥乡", "红旗镇", "大庄乡", "长乐镇", "安平乡", "新丰镇", "永宁乡",
            "太平镇", "和顺乡", "高桥镇", "黄土乡", "三合镇", "五里乡", "马坊镇", "柏树乡", "官庄镇", "李家乡");

    static final List<String> VILLAGES = List.of("东关", "西沟", "南庄", "北坡", "前进", "红星", "杨树", "柳林", "桃园",
            "李庄", "王村", "张湾", "刘家", "陈庄", "赵河", "孙集", "周营", "吴岗", "郑楼", "马坡", "河口", "岭上", "石门",
            "枣林", "梨园", "沙岗", "新村", "后寨");

    /** The schools a township typically has: a name pattern ({t} township, {v} village) and kind, in order. */
    static final List<String[]> TOWNSHIP_SCHOOLS = List.of(
            new String[] {"{t}中心小学", "PRIMARY"},
            new String[] {"{t}初级中学", "JUNIOR_HIGH"},
            new String[] {"{t}中心幼儿园", "KINDERGARTEN"},
            new String[] {"{t}{v}村小学", "PRIMARY"},
            new String[] {"{t}中心学校", "NINE_YEAR"},
            new String[] {"{t}{v}村小学", "PRIMARY"},
            new String[] {"{t}{v}村幼儿园", "KINDERGARTEN"},
            new String[] {"{t}{v}村教学点", "TEACHING_POINT"},
            new String[] {"{t}第二初级中学", "JUNIOR_HIGH"},
            new String[] {"{t}{v}村小学", "PRIMARY"});

    static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }
}
