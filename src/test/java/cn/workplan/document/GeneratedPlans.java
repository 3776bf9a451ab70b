package cn.workplan.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.workplan.plan.TargetComparator;
import cn.workplan.plan.DeadlineKind;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Numbering;
import cn.workplan.system.ChineseNumerals;

/**
 * Random plans as county bureaus write them, for the generative test of the import (issue #13): a title or none, a
 * preamble, chapters 一、 with a body or with sections （一） and task items 1., items whose headline is one sentence
 * followed by a body, some opening with a date, a decimal, a year or a percentage ("12月底前完成…", "3.5亿元用于…"),
 * targets and deadlines in the prose ("初中巩固率不低于98%", "9月底前完成"), sub-points （1） on lines of their own or
 * inline (一是…；二是…), items numbered on through the plan or anew in every section, sometimes only a part of a plan
 * (starting at chapter 二 and item 7). Every plan knows what a careful reader should find in it.
 */
final class GeneratedPlans {

    /** A target as the prose states it. */
    record Target(String indicator, TargetComparator comparator, BigDecimal value, String unit) {
    }

    /** A deadline as the prose states it. */
    record Deadline(DeadlineKind kind, Integer year, Integer month, Integer day, Integer quarter) {
    }

    /** A node of the outline: its number as printed (一, 3), headline, body paragraphs and what they state. */
    static final class Node {
        final NodeKind kind;
        String number;
        final String headline;
        /** For items and points: the sentences after the headline, by paragraph. For headings: their paragraphs. */
        final List<String> paragraphs = new ArrayList<>();
        final List<Node> children = new ArrayList<>();
        final List<Target> targets = new ArrayList<>();
        final List<Deadline> deadlines = new ArrayList<>();
        /** The children are inline points (一是…；二是…) written at the end of the body. */
        boolean inlinePoints;
        /** The headline opens with a number that is no mark: a date, a decimal, a year, a percentage. */
        boolean opensWithNumber;
        /** The inline points as written at the end of the body, empty when none. */
        String inlineText = "";

        Node(NodeKind kind, String headline) {
            this.kind = kind;
            this.headline = headline;
        }

        void collect(List<Node> into) {
            into.add(this);
            children.forEach(child -> child.collect(into));
        }
    }

    /** A generated plan. */
    record Plan(String title, String owner, int year, List<String> preamble, List<Node> nodes, Numbering numbering,
            boolean excerpt) {

        List<Node> allNodes() {
            var all = new ArrayList<Node>();
            nodes.forEach(node -> node.collect(all));
            return all;
        }

        List<Node> items() {
            return allNodes().stream().filter(node -> node.kind == NodeKind.ITEM).toList();
        }
    }

    private static final String[] PLACES = {"青山县", "临河县", "白沙县", "东城区", "南湖区", "石门县", "清水镇", "平川镇", "金江市",
        "云岭县", "柳溪乡", "长乐县", "高桥镇", "凤凰县", "西湖区", "安平县"};
    private static final String[] OWNERS = {"教育局", "教育和体育局", "教育体育局", "中心学校", "教育办"};
    private static final String[] KINDS = {"工作要点", "工作计划", "教育工作要点", "教育工作计划", "年度工作计划"};

    private static final String[] VERBS = {"加强", "推进", "深化", "完善", "落实", "提升", "扎实开展", "持续推进", "全面加强", "健全",
        "强化", "规范", "实施", "优化", "做好", "抓好", "建立健全", "积极推进", "稳步推进", "大力发展", "切实加强", "着力提升", "深入推进",
        "统筹推进", "加快推进", "认真做好", "不断完善", "有序推进"};
    private static final String[] OBJECTS = {"党的建设", "师德师风建设", "课程改革", "校园安全管理", "学前教育普惠发展", "义务教育优质均衡发展",
        "教育信息化建设", "教师队伍建设", "控辍保学工作", "学校食品安全", "校外培训机构治理", "劳动教育", "心理健康教育", "学校体育和美育",
        "语言文字工作", "教育督导", "家校社协同育人", "特殊教育", "职业教育", "招生入学工作", "教育经费保障", "学生资助工作", "薄弱学校改造",
        "课后服务", "作业管理", "教研工作", "平安校园创建", "“双减”工作", "校园文化建设", "教育宣传工作", "意识形态工作", "清廉学校建设",
        "名师名校长培养", "集团化办学", "县域高中发展", "民族团结教育", "国防教育", "防溺水工作", "校舍安全排查", "教育系统作风建设",
        "教师培训", "学位供给", "乡村教育振兴", "智慧校园建设", "书香校园建设", "学生近视防控", "教育评价改革", "依法治校", "综合实践活动",
        "少先队和共青团工作", "教育帮扶工作", "留守儿童关爱", "随班就读工作", "学校内部管理", "教育统计工作", "档案管理工作"};
    private static final String[] GOALS = {"办学水平", "育人质量", "管理水平", "服务能力", "保障水平", "治理能力", "教学质量", "综合素质",
        "专业能力", "满意度"};
    private static final String[] SCOPES = {"全县", "全镇", "全区", "全市", "城区", "农村", "", ""};
    private static final String[] INDICATORS = {"小学入学率", "初中巩固率", "学前三年毛入园率", "普惠性幼儿园覆盖率", "学生体质健康达标率",
        "适龄残疾儿童入学率", "高中阶段毛入学率", "教师培训完成率", "义务教育辍学率", "学生近视率", "课后服务覆盖率", "公办园在园幼儿占比",
        "大班额比例", "优良率", "九年义务教育巩固率"};
    private static final String[] ACTIVITIES = {"教学开放周活动", "优质课评选", "师生运动会", "读书节活动", "科技节活动", "艺术展演",
        "安全教育日活动", "家长开放日活动", "专题研讨会", "主题班会", "经验交流会", "业务培训"};
    private static final String[] DOCUMENTS = {"《中小学德育工作指南》", "《义务教育课程方案》", "《学校食品安全与营养健康管理规定》",
        "《未成年人学校保护规定》", "《中小学校岗位安全工作指南》", "《新时代中小学教师职业行为十项准则》"};
    private static final String[] FILLERS = {"健全工作机制，明确责任分工", "坚持问题导向，补齐短板弱项", "强化过程管理，注重工作实效",
        "加强督促检查，确保任务落实", "完善考核评价，形成长效机制", "发挥示范引领作用，带动整体提升", "加强统筹协调，形成工作合力",
        "注重宣传引导，营造良好氛围", "建立工作台账，实行销号管理", "定期分析研判，及时解决问题"};
    private static final String[] PLACES_FOR = {"学校", "乡镇", "幼儿园", "中小学", "村小"};

    private final Random random;

    /** The number of chapters of every plan, when set; else 2 to 7 at random. */
    private int chapters;

    GeneratedPlans(Random random) {
        this.random = random;
    }

    /** Plans of exactly {@code count} chapters (a long plan, for a benchmark). */
    GeneratedPlans chapters(int count) {
        this.chapters = count;
        return this;
    }

    /** A plan of 2–7 chapters; {@code numberRate} of its items open with a number that is no mark. */
    Plan plan(double numberRate) {
        int year = 2019 + random.nextInt(10);
        var owner = pick(PLACES) + pick(OWNERS);
        var title = random.nextInt(10) < 8 ? owner + year + "年" + pick(KINDS) : null;
        var preamble = new ArrayList<String>();
        int preambleParagraphs = random.nextInt(3);
        for (int i = 0; i < preambleParagraphs; i++) {
            preamble.add(i == 0 ? year + "年全县教育工作的总体要求是：" + sentence() : "全县教育系统要" + clause() + "，" + clause() + "。");
        }
        var numbering = random.nextBoolean() ? Numbering.CONTINUOUS : Numbering.PER_SECTION;
        int chapterCount = 2 + random.nextInt(6);
        if (chapters > 0) {
            chapterCount = chapters;
        }
        var nodes = new ArrayList<Node>();
        for (int c = 0; c < chapterCount; c++) {
            nodes.add(chapter(numberRate));
        }
        boolean excerpt = random.nextInt(10) == 0 && chapterCount > 2;
        number(nodes, numbering);
        if (excerpt) {
            // a part of a plan, as a person pastes one to try: from the second chapter on
            nodes.remove(0);
            title = null;
            preamble.clear();
        }
        return new Plan(title, owner, year, preamble, nodes, numbering, excerpt);
    }

    private Node chapter(double numberRate) {
        var chapter = new Node(NodeKind.CHAPTER, heading(true));
        int shape = random.nextInt(10);
        if (shape == 0) {
            // a chapter of prose only: 指导思想, 保障措施
            int paragraphs = 1 + random.nextInt(2);
            for (int i = 0; i < paragraphs; i++) {
                chapter.paragraphs.add(sentence() + sentence());
            }
        } else if (shape < 5) {
            int sections = 2 + random.nextInt(3);
            for (int s = 0; s < sections; s++) {
                var section = new Node(NodeKind.SECTION, heading(false));
                if (random.nextInt(12) == 0) {
                    section.paragraphs.add(sentence() + sentence());
                } else {
                    int items = 1 + random.nextInt(4);
                    for (int i = 0; i < items; i++) {
                        section.children.add(item(numberRate));
                    }
                }
                chapter.children.add(section);
            }
        } else {
            int items = 1 + random.nextInt(5);
            for (int i = 0; i < items; i++) {
                chapter.children.add(item(numberRate));
            }
        }
        return chapter;
    }

    /** A heading: 加强党的建设，夯实发展根基 (chapters) or 强化理论武装 (sections). */
    private String heading(boolean chapter) {
        if (chapter && random.nextBoolean()) {
            return pick(VERBS) + pick(OBJECTS) + "，" + pick(new String[] {"提高", "提升", "增强", "夯实", "促进"}) + pick(GOALS);
        }
        return pick(VERBS) + pick(OBJECTS);
    }

    private Node item(double numberRate) {
        Node item;
        if (random.nextDouble() < numberRate) {
            item = numberedHeadline();
        } else {
            item = new Node(NodeKind.ITEM, pick(VERBS) + pick(OBJECTS));
        }
        var body = new StringBuilder();
        int sentences = random.nextInt(4);
        for (int i = 0; i < sentences; i++) {
            body.append(bodySentence(item));
        }
        int pointShape = random.nextInt(12);
        if (pointShape == 0 && body.length() > 0) {
            int count = 2 + random.nextInt(3);
            var inline = new StringBuilder();
            for (int p = 1; p <= count; p++) {
                var text = pick(VERBS) + pick(OBJECTS);
                var point = new Node(NodeKind.POINT, text);
                point.number = ChineseNumerals.of(p);
                item.children.add(point);
                inline.append(ChineseNumerals.of(p)).append("是").append(text).append(p == count ? "。" : "；");
            }
            item.inlinePoints = true;
            item.inlineText = inline.toString();
            body.append(inline);
        } else if (pointShape == 1) {
            int count = 2 + random.nextInt(3);
            for (int p = 1; p <= count; p++) {
                var point = new Node(NodeKind.POINT, pick(VERBS) + pick(OBJECTS));
                point.number = Integer.toString(p);
                if (random.nextBoolean()) {
                    point.paragraphs.add(bodySentence(point));
                }
                item.children.add(point);
            }
        }
        if (body.length() > 0) {
            var text = body.toString();
            // now and then the body runs on in a second paragraph
            int cut = text.indexOf('。');
            if (random.nextInt(6) == 0 && cut > 0 && cut < text.length() - 1 && !item.inlinePoints) {
                item.paragraphs.add(text.substring(0, cut + 1));
                item.paragraphs.add(text.substring(cut + 1));
            } else {
                item.paragraphs.add(text);
            }
        }
        return item;
    }

    /** An item whose headline opens with a number that is no mark: a date, a decimal, a year, a percentage. */
    private Node numberedHeadline() {
        int month = 1 + random.nextInt(12);
        return switch (random.nextInt(7)) {
            case 0 -> {
                var node = new Node(NodeKind.ITEM, month + "月底前完成" + pick(OBJECTS));
                node.deadlines.add(new Deadline(DeadlineKind.MONTH_END, null, month, null, null));
                node.opensWithNumber = true;
                yield node;
            }
            case 1 -> {
                int day = 1 + random.nextInt(28);
                var node = new Node(NodeKind.ITEM, month + "月" + day + "日前完成" + pick(OBJECTS));
                node.deadlines.add(new Deadline(DeadlineKind.DATE, null, month, day, null));
                node.opensWithNumber = true;
                yield node;
            }
            case 2 -> numbered((1 + random.nextInt(9)) + "." + (1 + random.nextInt(9)) + pick(new String[] {"亿元", "万元"})
                    + "用于" + pick(OBJECTS));
            case 3 -> {
                int year = 2020 + random.nextInt(10);
                var node = new Node(NodeKind.ITEM, year + "年底前" + pick(VERBS) + pick(OBJECTS));
                node.deadlines.add(new Deadline(DeadlineKind.YEAR_END, year, null, null, null));
                node.opensWithNumber = true;
                yield node;
            }
            case 4 -> numbered((60 + random.nextInt(40)) + "%以上的" + pick(PLACES_FOR) + pick(VERBS) + pick(OBJECTS));
            case 5 -> numbered((2 + random.nextInt(30)) + "所" + pick(PLACES_FOR) + "开展" + pick(OBJECTS) + "试点");
            default -> numbered((2020 + random.nextInt(10)) + "年起" + pick(VERBS) + pick(OBJECTS));
        };
    }

    private static Node numbered(String headline) {
        var node = new Node(NodeKind.ITEM, headline);
        node.opensWithNumber = true;
        return node;
    }

    /** A sentence of an item's body, now and then stating a target or a deadline (remembered on the node). */
    private String bodySentence(Node node) {
        int kind = random.nextInt(10);
        if (kind < 2) {
            return target(node) + "。";
        }
        if (kind < 4) {
            return deadline(node);
        }
        return sentence();
    }

    private String target(Node node) {
        var scope = pick(SCOPES);
        var indicator = pick(INDICATORS);
        BigDecimal value;
        String phrase;
        TargetComparator comparator;
        String unit = "%";
        switch (random.nextInt(8)) {
            case 0 -> {
                value = BigDecimal.valueOf(90 + random.nextInt(11));
                phrase = "达到" + value + "%以上";
                comparator = TargetComparator.AT_LEAST;
            }
            case 1 -> {
                value = BigDecimal.valueOf(100);
                phrase = "达到100%";
                comparator = TargetComparator.EQUAL;
            }
            case 2 -> {
                value = BigDecimal.valueOf(95 + random.nextInt(5));
                phrase = "不低于" + value + "%";
                comparator = TargetComparator.AT_LEAST;
            }
            case 3 -> {
                value = BigDecimal.valueOf(100);
                phrase = "保持100%";
                comparator = TargetComparator.EQUAL;
            }
            case 4 -> {
                value = BigDecimal.valueOf(1 + random.nextInt(9));
                phrase = "控制在" + value + "%以内";
                comparator = TargetComparator.AT_MOST;
            }
            case 5 -> {
                value = new BigDecimal((1 + random.nextInt(3)) + "." + (1 + random.nextInt(9)));
                phrase = "控制在" + value + "%以下";
                comparator = TargetComparator.AT_MOST;
            }
            case 6 -> {
                value = BigDecimal.valueOf(80 + random.nextInt(19));
                phrase = "达" + value + "%以上";
                comparator = TargetComparator.AT_LEAST;
            }
            default -> {
                // a count after an action
                value = BigDecimal.valueOf(50 + random.nextInt(950));
                var what = pick(new String[] {"培训教师", "培训校长", "招聘新教师", "资助困难学生"});
                var countUnit = what.startsWith("培训") ? "人次" : "名";
                node.targets.add(new Target(what, TargetComparator.AT_LEAST, value, countUnit));
                return what + value + countUnit;
            }
        }
        var lead = random.nextInt(3) == 0 ? "确保" : "";
        node.targets.add(new Target(scope + indicator, comparator, value, unit));
        return lead + scope + indicator + phrase;
    }

    private String deadline(Node node) {
        var what = pick(VERBS) + pick(OBJECTS);
        switch (random.nextInt(6)) {
            case 0 -> {
                int month = 1 + random.nextInt(12);
                int day = 1 + random.nextInt(28);
                node.deadlines.add(new Deadline(DeadlineKind.DATE, null, month, day, null));
                return what + "，于" + month + "月" + day + "日前完成。";
            }
            case 1 -> {
                int month = 1 + random.nextInt(12);
                node.deadlines.add(new Deadline(DeadlineKind.MONTH_END, null, month, null, null));
                return month + "月底前完成" + pick(OBJECTS) + "。";
            }
            case 2 -> {
                int quarter = 1 + random.nextInt(4);
                node.deadlines.add(new Deadline(DeadlineKind.QUARTER_END, null, null, null, quarter));
                return what + "，第" + ChineseNumerals.of(quarter) + "季度" + pick(new String[] {"末完成", "完成", "内完成"}) + "。";
            }
            case 3 -> {
                node.deadlines.add(new Deadline(DeadlineKind.YEAR_END, null, null, null, null));
                return what + "，" + pick(new String[] {"力争年内完成", "年底前完成", "年内全面完成"}) + "。";
            }
            case 4 -> {
                int month = 1 + random.nextInt(12);
                node.deadlines.add(new Deadline(DeadlineKind.MONTH_END, null, month, null, null));
                return what + "，" + month + "月底前" + pick(new String[] {"完成", "全面完成", "基本完成"}) + "。";
            }
            default -> {
                // a deadline and a target in one sentence
                int month = 1 + random.nextInt(12);
                node.deadlines.add(new Deadline(DeadlineKind.MONTH_END, null, month, null, null));
                return month + "月底前，" + target(node) + "。";
            }
        }
    }

    private String sentence() {
        return switch (random.nextInt(5)) {
            case 0 -> pick(VERBS) + pick(OBJECTS) + "，" + clause() + "。";
            case 1 -> "组织开展" + pick(ACTIVITIES) + "，" + pick(new String[] {"提升", "增强", "提高"}) + pick(GOALS) + "。";
            case 2 -> "落实" + pick(DOCUMENTS) + "，" + pick(VERBS) + pick(OBJECTS) + "。";
            case 3 -> pick(FILLERS) + "。";
            default -> clause() + "，" + pick(FILLERS) + "。";
        };
    }

    private String clause() {
        return pick(VERBS) + pick(OBJECTS);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    /** Numbers the outline as printed: chapters 一、, sections （一） in every chapter, items on or anew, points （1）. */
    private static void number(List<Node> chapters, Numbering numbering) {
        int item = 0;
        int c = 0;
        for (var chapter : chapters) {
            chapter.number = ChineseNumerals.of(++c);
            int s = 0;
            if (numbering == Numbering.PER_SECTION) {
                item = 0;
            }
            for (var child : chapter.children) {
                if (child.kind == NodeKind.SECTION) {
                    child.number = ChineseNumerals.of(++s);
                    if (numbering == Numbering.PER_SECTION) {
                        item = 0;
                    }
                    for (var grandchild : child.children) {
                        grandchild.number = Integer.toString(++item);
                    }
                } else {
                    child.number = Integer.toString(++item);
                }
            }
        }
    }
}
