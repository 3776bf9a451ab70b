package cn.workplan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.workplan.document.parsing.DeadlineExtractor;
import cn.workplan.document.parsing.TargetExtractor;
import cn.workplan.plan.TargetComparator;
import cn.workplan.plan.DeadlineKind;
import cn.workplan.system.ChineseNumerals;

/**
 * Targets and deadlines held to the standard of the outline (issue #13), on generated sentences of their own: each
 * states zero to two targets and zero to two deadlines in the phrasings plans use ("毛入园率保持100%", "不低于98%",
 * "达到90%以上", "控制在5%以内", "培训教师500人次"; "12月底前", "第三季度完成", "年内", "9月底前完成", "3月15日前"),
 * among numbers that are neither (3.5亿元, 2027年起, 12所学校, 第3批). Recall and precision must reach 95 %.
 */
class SuggestionsGeneratedTest {

    private static final int SENTENCES = 3000;
    private static final String[] INDICATORS = {"学前三年毛入园率", "九年义务教育巩固率", "高中阶段毛入学率", "普惠性幼儿园覆盖率",
        "学生体质健康达标率", "适龄残疾儿童入学率", "课后服务覆盖率", "教师培训完成率", "义务教育辍学率", "大班额比例", "学生近视率"};
    private static final String[] WORK = {"完成薄弱学校改造", "建成智慧校园", "完成校舍安全排查", "完成教师招聘", "完成学籍清理",
        "完成课后服务评估", "召开专题会议", "完成资助资金发放"};
    private static final String[] FILLERS = {"加强统筹协调", "强化督促检查", "健全工作机制", "落实主体责任", "注重宣传引导"};
    private static final String[] NOISE = {"安排3.5亿元用于学校建设", "2027年起实施新课程", "新建12所学校", "分第3批推进",
        "投入资金2000万元", "覆盖全县18个乡镇", "组织开展第5届读书节", "每周开展2次活动"};

    private record Expected(List<TargetSuggestion> targets, List<DeadlineSuggestion> deadlines) {
    }

    @Test
    void targetsAndDeadlinesOfThousandsOfGeneratedSentences() {
        var targets = new TargetExtractor();
        var deadlines = new DeadlineExtractor();
        int expectedTargets = 0;
        int foundTargets = 0;
        int matchedTargets = 0;
        int expectedDeadlines = 0;
        int foundDeadlines = 0;
        int matchedDeadlines = 0;
        var misses = new ArrayList<String>();
        for (int i = 0; i < SENTENCES; i++) {
            var random = new Random(20_261_313L + i);
            var text = new StringBuilder();
            var expected = new Expected(new ArrayList<>(), new ArrayList<>());
            int parts = 1 + random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                switch (random.nextInt(4)) {
                    case 0 -> text.append(target(random, expected));
                    case 1 -> text.append(deadline(random, expected));
                    case 2 -> text.append(pick(random, NOISE));
                    default -> text.append(pick(random, FILLERS));
                }
                text.append(p == parts - 1 ? "。" : random.nextBoolean() ? "，" : "。");
            }
            var sentence = text.toString();
            var gotTargets = targets.extract(sentence);
            var gotDeadlines = deadlines.extract(sentence);
            expectedTargets += expected.targets().size();
            expectedDeadlines += expected.deadlines().size();
            foundTargets += gotTargets.size();
            foundDeadlines += gotDeadlines.size();
            int t = matched(expected.targets(), gotTargets, SuggestionsGeneratedTest::sameTarget);
            int d = matched(expected.deadlines(), gotDeadlines, SuggestionsGeneratedTest::sameDeadline);
            matchedTargets += t;
            matchedDeadlines += d;
            if ((t < expected.targets().size() || t < gotTargets.size() || d < expected.deadlines().size()
                    || d < gotDeadlines.size()) && misses.size() < 5) {
                misses.add("seed " + (20_261_313L + i) + ": " + sentence + "\n  targets " + gotTargets + "\n  deadlines " + gotDeadlines);
            }
        }
        double targetRecall = (double) matchedTargets / expectedTargets;
        double targetPrecision = (double) matchedTargets / foundTargets;
        double deadlineRecall = (double) matchedDeadlines / expectedDeadlines;
        double deadlinePrecision = (double) matchedDeadlines / foundDeadlines;
        System.out.printf(Locale.ROOT, "%d sentences: %d targets, recall %.2f %%, precision %.2f %%; %d deadlines, recall %.2f %%, precision %.2f %%%n",
                SENTENCES, expectedTargets, 100 * targetRecall, 100 * targetPrecision, expectedDeadlines, 100 * deadlineRecall,
                100 * deadlinePrecision);
        var examples = String.join("\n", misses);
        assertThat(targetRecall).as("target recall\n%s", examples).isGreaterThanOrEqualTo(0.95);
        assertThat(targetPrecision).as("target precision\n%s", examples).isGreaterThanOrEqualTo(0.95);
        assertThat(deadlineRecall).as("deadline recall\n%s", examples).isGreaterThanOrEqualTo(0.95);
        assertThat(deadlinePrecision).as("deadline precision\n%s", examples).isGreaterThanOrEqualTo(0.95);
    }

    private static String target(Random random, Expected expected) {
        var indicator = pick(random, new String[] {"全县", "全镇", "城区", ""}) + pick(random, INDICATORS);
        int kind = random.nextInt(8);
        BigDecimal value;
        TargetComparator comparator;
        String phrase;
        String unit = "%";
        switch (kind) {
            case 0 -> {
                value = BigDecimal.valueOf(100);
                comparator = TargetComparator.EQUAL;
                phrase = "保持100%";
            }
            case 1 -> {
                value = BigDecimal.valueOf(90 + random.nextInt(10));
                comparator = TargetComparator.AT_LEAST;
                phrase = "不低于" + value + "%";
            }
            case 2 -> {
                value = BigDecimal.valueOf(80 + random.nextInt(20));
                comparator = TargetComparator.AT_LEAST;
                phrase = "达到" + value + "%以上";
            }
            case 3 -> {
                value = BigDecimal.valueOf(1 + random.nextInt(9));
                comparator = TargetComparator.AT_MOST;
                phrase = "控制在" + value + "%以内";
            }
            case 4 -> {
                value = new BigDecimal((1 + random.nextInt(3)) + "." + (1 + random.nextInt(9)));
                comparator = TargetComparator.AT_MOST;
                phrase = "控制在" + value + "%以下";
            }
            case 5 -> {
                value = BigDecimal.valueOf(90 + random.nextInt(10));
                comparator = TargetComparator.AT_LEAST;
                phrase = "达" + value + "%以上";
            }
            case 6 -> {
                value = BigDecimal.valueOf(100);
                comparator = TargetComparator.EQUAL;
                phrase = "达到100%";
            }
            default -> {
                value = BigDecimal.valueOf(50 + random.nextInt(900));
                comparator = TargetComparator.AT_LEAST;
                indicator = pick(random, new String[] {"培训教师", "培训校长"});
                unit = "人次";
                phrase = value + "人次";
            }
        }
        expected.targets().add(new TargetSuggestion(indicator, comparator, value, unit, null, null));
        return (random.nextInt(3) == 0 ? "确保" : "") + indicator + phrase;
    }

    private static String deadline(Random random, Expected expected) {
        var work = pick(random, WORK);
        int month = 1 + random.nextInt(12);
        switch (random.nextInt(6)) {
            case 0 -> {
                expected.deadlines().add(new DeadlineSuggestion(DeadlineKind.MONTH_END, null, month, null, null, null, null));
                return month + "月底前" + work;
            }
            case 1 -> {
                expected.deadlines().add(new DeadlineSuggestion(DeadlineKind.MONTH_END, null, month, null, null, null, null));
                return work + "，" + month + "月底前完成";
            }
            case 2 -> {
                int day = 1 + random.nextInt(28);
                expected.deadlines().add(new DeadlineSuggestion(DeadlineKind.DATE, null, month, day, null, null, null));
                return "于" + month + "月" + day + "日前" + work;
            }
            case 3 -> {
                int quarter = 1 + random.nextInt(4);
                expected.deadlines().add(new DeadlineSuggestion(DeadlineKind.QUARTER_END, null, null, null, quarter, null, null));
                return work + "，第" + ChineseNumerals.of(quarter) + "季度" + pick(random, new String[] {"完成", "末完成", "内完成"});
            }
            case 4 -> {
                expected.deadlines().add(new DeadlineSuggestion(DeadlineKind.YEAR_END, null, null, null, null, null, null));
                return pick(random, new String[] {"力争年内", "年底前", "年内全面"}) + work;
            }
            default -> {
                int year = 2025 + random.nextInt(5);
                expected.deadlines().add(new DeadlineSuggestion(DeadlineKind.YEAR_END, year, null, null, null, null, null));
                return year + "年底前" + work;
            }
        }
    }

    private static boolean sameTarget(TargetSuggestion want, TargetSuggestion got) {
        return want.comparator() == got.comparator() && want.value().compareTo(got.value()) == 0
                && Objects.equals(want.unit(), got.unit()) && want.indicator().equals(got.indicator());
    }

    private static boolean sameDeadline(DeadlineSuggestion want, DeadlineSuggestion got) {
        return want.kind() == got.kind() && Objects.equals(want.year(), got.year()) && Objects.equals(want.month(), got.month())
                && Objects.equals(want.day(), got.day()) && Objects.equals(want.quarter(), got.quarter());
    }

    private static <T> int matched(List<T> want, List<T> got, java.util.function.BiPredicate<T, T> same) {
        var left = new ArrayList<>(got);
        int matched = 0;
        for (var w : want) {
            var found = left.stream().filter(g -> same.test(w, g)).findFirst();
            if (found.isPresent()) {
                matched++;
                left.remove(found.get());
            }
        }
        return matched;
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
