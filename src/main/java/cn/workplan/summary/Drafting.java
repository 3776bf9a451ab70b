package cn.workplan.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import cn.workplan.document.export.OfficialDocx;
import cn.workplan.execution.Light;
import cn.workplan.execution.PlanStandings;
import cn.workplan.plan.TargetComparator;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.OutlineNode;
import cn.workplan.summary.SummarySources.ItemReports;
import cn.workplan.summary.SummarySources.Sources;
import cn.workplan.summary.SummarySources.TargetValue;
import cn.workplan.system.ChineseNumerals;

/**
 * Writes a drafted report from its sources, in the words of a bureau's report: numbered headings 一、 （一）, an
 * opening paragraph with the figures, one paragraph per task item (its number and headline, the lead office's
 * consolidated narrative, what the schools and offices reported, its targets against their values, its progress
 * and light), the problems (items overdue and behind schedule, reports returned) and what comes next. The text is
 * Chinese whatever the screen's language: it is the bureau's document, like the plan it reports on.
 * <p>
 * Monthly and quarterly reports follow the plan's chapters and sections; the summaries group the items under
 * 一、工作完成情况 by chapter, then the targets' table, the problems and the next steps (the third and fourth
 * quarters' milestones at mid-year, the items to carry over at the year's end).
 */
final class Drafting {

    /** The bureau in a plan's title: 青山县教育局 in 青山县教育局2026年工作要点. */
    private static final Pattern BUREAU = Pattern.compile("^(.+?)(?:\\d{4})年");
    /** How a school or an office often starts its narrative, which the excerpt replaces with its name. */
    private static final Pattern SELF = Pattern.compile("^(我校|本校|我园|本园|我单位|本单位|我股|本股|我室|本室)");
    private static final int EXCERPT_LENGTH = 80;
    private static final int LEAD_LENGTH = 300;
    private static final String[] QUARTERS = {"第一季度", "第二季度", "第三季度", "第四季度"};

    private final Sources sources;
    private final SummaryPeriod period;
    private final List<Block> blocks = new ArrayList<>();

    private Drafting(Sources sources) {
        this.sources = sources;
        this.period = sources.period();
    }

    /** The report's title and text. */
    record Draft(String title, List<Block> blocks) {
    }

    static Draft draft(Sources sources) {
        var drafting = new Drafting(sources);
        return new Draft(drafting.title(), drafting.write());
    }

    private String title() {
        var plan = sources.outline().plan();
        var matcher = BUREAU.matcher(plan.title());
        var bureau = matcher.find() ? matcher.group(1).strip() : "";
        return bureau + switch (period.kind()) {
            case MONTHLY -> period.year() + "年" + period.number() + "月重点工作推进情况";
            case QUARTERLY -> period.year() + "年" + QUARTERS[period.number() - 1] + "重点工作推进情况";
            case MID_YEAR -> period.year() + "年上半年工作总结和下半年工作思路";
            case YEAR_END -> period.year() + "年工作总结";
            case UPWARD -> period.year() + "年贯彻落实上级工作要点情况报告"; // written by UpwardDrafting
        };
    }

    private List<Block> write() {
        switch (period.kind()) {
            case MONTHLY, QUARTERLY -> progressReport();
            case MID_YEAR, YEAR_END -> summary();
        }
        return List.copyOf(blocks);
    }

    // ---- 月报, 季报 ------------------------------------------------------------------------------------------------

    private void progressReport() {
        var items = sources.outline().items();
        paragraph("按照" + planReference() + "部署，现将" + periodName() + "重点工作推进情况报告如下。" + reportsSentence("本期")
                + "截至" + day(sources.asOf()) + "，" + items.size() + "项任务中，" + standing(items) + "。");
        for (var node : sources.outline().topLevel()) {
            switch (node.kind()) {
                case CHAPTER -> {
                    heading(node.headline());
                    for (var child : sources.outline().childrenOf(node.id())) {
                        if (child.kind() == NodeKind.SECTION) {
                            subheading(child.headline());
                            sources.outline().childrenOf(child.id()).stream().filter(OutlineNode::isItem).forEach(this::itemParagraph);
                        } else if (child.isItem()) {
                            itemParagraph(child);
                        }
                    }
                }
                case SECTION -> {
                    subheading(node.headline());
                    sources.outline().childrenOf(node.id()).stream().filter(OutlineNode::isItem).forEach(this::itemParagraph);
                }
                case ITEM -> itemParagraph(node);
                default -> {
                }
            }
        }
        problems("本期各项任务总体按计划推进，暂无逾期或进度滞后的任务。");
        if (period.kind() == SummaryKind.QUARTERLY && period.number() < 4) {
            nextQuarter(period.number() + 1);
        }
    }

    /** The next quarter's milestones of the items not done yet. */
    private void nextQuarter(int quarter) {
        var lines = new ArrayList<String>();
        for (var item : sources.outline().items()) {
            var milestone = item.quarters().get(quarter - 1).strip();
            if (!milestone.isEmpty() && !done(item)) {
                lines.add(item.label() + headline(item) + QUARTERS[quarter - 1] + ending(milestone));
            }
        }
        if (!lines.isEmpty()) {
            heading("下季度工作安排");
            paragraph("下季度，将按照年度计划的季度安排，重点推进以下工作：");
            lines.forEach(this::paragraph);
        }
    }

    // ---- 上半年工作总结和下半年工作思路, 年度工作总结 --------------------------------------------------------------------

    private void summary() {
        boolean midYear = period.kind() == SummaryKind.MID_YEAR;
        int year = period.year();
        var items = sources.outline().items();
        var chapters = chapters();
        paragraph(year + "年" + (midYear ? "以来" : "") + "，我局认真贯彻落实" + planReference() + "部署，围绕" + chapters.size()
                + "个方面" + items.size() + "项重点任务，压实工作责任，加强调度督办，各项工作有序推进。" + reportsSentence(midYear ? "上半年" : "全年")
                + "截至" + day(sources.asOf()) + "，" + items.size() + "项任务中，" + standing(items) + "。现将" + (midYear
                        ? "上半年工作总结和下半年工作思路" : year + "年工作总结") + "报告如下。");

        heading(midYear ? "上半年工作完成情况" : year + "年工作完成情况");
        for (var chapter : chapters.entrySet()) {
            subheading(chapter.getKey());
            paragraph("该方面共" + chapter.getValue().size() + "项任务，" + standing(chapter.getValue()) + "。");
            chapter.getValue().forEach(this::itemParagraph);
        }

        heading("主要指标完成情况");
        targets();

        heading("存在的问题");
        problems(midYear ? "上半年各项任务总体进展顺利，暂无逾期或进度滞后的任务，但部分工作的成效还需在下半年进一步巩固。"
                : "全年各项任务总体完成较好，暂无逾期或进度滞后的任务。");

        if (midYear) {
            secondHalf(chapters);
        } else {
            carryOver(chapters);
        }
    }

    /** The items by chapter, in the plan's order; items outside any chapter under 其他工作. */
    private Map<String, List<OutlineNode>> chapters() {
        var chapters = new LinkedHashMap<String, List<OutlineNode>>();
        var byId = new java.util.HashMap<Long, OutlineNode>();
        sources.outline().nodes().forEach(node -> byId.put(node.id(), node));
        for (var node : sources.outline().nodes()) {
            if (node.kind() == NodeKind.CHAPTER) {
                chapters.put(node.headline(), new ArrayList<>());
            }
        }
        for (var item : sources.outline().items()) {
            var parent = item.parentId() == null ? null : byId.get(item.parentId());
            while (parent != null && parent.kind() != NodeKind.CHAPTER) {
                parent = parent.parentId() == null ? null : byId.get(parent.parentId());
            }
            chapters.computeIfAbsent(parent == null ? "其他工作" : parent.headline(), key -> new ArrayList<>()).add(item);
        }
        chapters.values().removeIf(List::isEmpty);
        return chapters;
    }

    /** The table of the targets against their values, with a paragraph of its figures. */
    private void targets() {
        var rows = new ArrayList<List<String>>();
        int reached = 0;
        int missed = 0;
        int unknown = 0;
        for (var item : sources.outline().items()) {
            for (var target : sources.targetsOf(item.id())) {
                var actual = target.actual();
                var verdict = target.reached();
                if (verdict == null) {
                    unknown++;
                } else if (verdict) {
                    reached++;
                } else {
                    missed++;
                }
                rows.add(List.of(Integer.toString(rows.size() + 1), item.label() + headline(item), target.indicator(),
                        target.comparator().symbol() + number(target.goal()) + target.unit(),
                        actual == null ? "—" : number(actual) + target.unit() + switch (target.basis()) {
                            case WEIGHTED -> "（加权）";
                            case MEAN -> "（平均）";
                            case LEAD_OFFICE -> "";
                        },
                        verdict == null ? "暂无数据" : verdict ? "已达标" : "未达标"));
            }
        }
        if (rows.isEmpty()) {
            paragraph("年度各项任务未设置量化指标。");
            return;
        }
        paragraph("年度各项任务共设置量化指标" + rows.size() + "项。截至" + day(sources.asOf()) + "，" + joined(
                count("已达到目标", reached, "项"), count("尚未达到目标", missed, "项"), count("暂无报送数据", unknown, "项"))
                + "。具体情况如下表：");
        blocks.add(Block.table(List.of("序号", "工作任务", "指标", "目标", "完成", "完成情况"), rows));
    }

    /** 下半年工作思路: the third and fourth quarters' milestones of the items not done, by chapter. */
    private void secondHalf(Map<String, List<OutlineNode>> chapters) {
        heading("下半年工作思路");
        paragraph("下半年，我局将对照年度目标任务，紧盯时间节点，聚焦滞后事项，加强调度督办，重点做好以下工作：");
        boolean any = false;
        for (var chapter : chapters.entrySet()) {
            var lines = new ArrayList<String>();
            for (var item : chapter.getValue()) {
                if (done(item)) {
                    continue;
                }
                var parts = new ArrayList<String>();
                for (int quarter = 3; quarter <= 4; quarter++) {
                    var milestone = item.quarters().get(quarter - 1).strip();
                    if (!milestone.isEmpty()) {
                        parts.add(QUARTERS[quarter - 1] + trimEnd(milestone));
                    }
                }
                if (parts.isEmpty()) {
                    parts.add(item.deadline() == null ? "确保年内完成"
                            : item.deadline().isBefore(sources.asOf()) ? "加快推进，尽快完成（原定" + day(item.deadline()) + "前完成）"
                            : "确保" + day(item.deadline()) + "前完成");
                }
                var standing = sources.standings().get(item.id());
                var lag = standing != null && lagging(standing) ? "（目前完成进度" + standing.percent() + "%，需加快推进）" : "";
                lines.add(item.label() + headline(item) + String.join("，", parts) + "。" + lag);
            }
            if (!lines.isEmpty()) {
                any = true;
                subheading(chapter.getKey());
                lines.forEach(this::paragraph);
            }
        }
        if (!any) {
            paragraph("年度工作要点确定的各项任务已全部完成，下半年将巩固成果、总结提升。");
        }
    }

    /** 下一年工作打算: the unfinished items, carried over to next year. */
    private void carryOver(Map<String, List<OutlineNode>> chapters) {
        int next = period.year() + 1;
        heading(next + "年工作打算");
        var unfinished = chapters.values().stream().flatMap(List::stream).filter(item -> !done(item)).toList();
        if (unfinished.isEmpty()) {
            paragraph(next + "年，我局将认真总结" + period.year() + "年工作经验，巩固工作成果。" + period.year()
                    + "年工作要点确定的各项任务均已完成，无结转事项。");
            return;
        }
        paragraph(next + "年，我局将认真总结" + period.year() + "年工作经验，针对存在的问题，完善工作机制，确保各项任务落地见效。对"
                + period.year() + "年尚未完成的" + unfinished.size() + "项任务，结转至" + next + "年继续推进：");
        for (var chapter : chapters.entrySet()) {
            var lines = new ArrayList<String>();
            for (var item : chapter.getValue()) {
                if (done(item)) {
                    continue;
                }
                var standing = sources.standings().get(item.id());
                lines.add(item.label() + headline(item) + lead(item) + "目前完成进度" + (standing == null ? 0 : standing.percent()) + "%"
                        + (item.deadline() == null ? "" : "，原定" + day(item.deadline()) + "前完成") + "，结转至" + next + "年继续推进。");
            }
            if (!lines.isEmpty()) {
                subheading(chapter.getKey());
                lines.forEach(this::paragraph);
            }
        }
    }

    // ---- 存在的问题 --------------------------------------------------------------------------------------------------

    /** Items overdue and behind schedule, reports returned, items without reports; the sentence when there is none. */
    private void problems(String none) {
        var overdue = new ArrayList<String>();
        var behind = new ArrayList<String>();
        var silent = new ArrayList<String>();
        for (var item : sources.outline().items()) {
            var standing = sources.standings().get(item.id());
            if (standing == null) {
                continue;
            }
            if (standing.light() == Light.RED) {
                overdue.add(named(item) + lead(item) + "，" + (item.deadline() == null ? "" : "原定" + day(item.deadline()) + "前完成，")
                        + "目前完成进度" + standing.percent() + "%");
            } else if (standing.light() == Light.YELLOW) {
                behind.add(named(item) + lead(item) + "，目前完成进度" + standing.percent() + "%");
            }
            if (standing.light() != Light.GREY && !done(item) && sources.reportsOf(item.id()).linesReported() == 0) {
                silent.add(item.plain());
            }
        }
        var returned = sources.returned();
        boolean summary = !period.kind().numbered();
        if (!summary) {
            heading("存在的问题"); // the summaries have theirs already
        }
        if (overdue.isEmpty() && behind.isEmpty() && returned.reports() == 0 && silent.isEmpty()) {
            paragraph(none);
            return;
        }
        paragraph((summary ? "对照年度目标任务，工作中仍存在一些问题和不足：" : "对照计划安排，本期工作中仍存在以下问题："));
        if (!overdue.isEmpty()) {
            subheading("部分任务已超过完成时限");
            paragraph(overdue.size() + "项任务已超过完成时限，尚未完成：" + enumerate(overdue) + "。");
        }
        if (!behind.isEmpty()) {
            subheading("部分任务进度滞后");
            paragraph(behind.size() + "项任务进度滞后于计划安排：" + enumerate(behind) + "。");
        }
        if (returned.reports() > 0) {
            subheading("进展报告质量有待提高");
            var comments = returned.comments().stream().map(comment -> "“" + trimEnd(comment.text()) + "”（" + comment.times() + "份）").toList();
            paragraph("审核中退回、尚待修改的进展报告" + returned.reports() + "份，涉及" + returned.items() + "项任务"
                    + (comments.isEmpty() ? "。" : "，审核意见主要有：" + String.join("；", comments) + "。"));
        }
        if (!silent.isEmpty()) {
            subheading("部分任务进展报送不及时");
            paragraph(silent.size() + "项任务" + (summary ? (period.kind() == SummaryKind.MID_YEAR ? "上半年" : "全年") : "本期")
                    + "没有审核通过的进展报告，分别是第" + String.join("、", silent) + "项，需督促责任单位按时报送。");
        }
    }

    // ---- one item ---------------------------------------------------------------------------------------------------

    /** The item's paragraph: headline, what was reported, its targets, where it stands. */
    private void itemParagraph(OutlineNode item) {
        var text = new StringBuilder(item.label()).append(headline(item));
        if (period.kind().numbered() && item.leadOffice() != null) {
            text.append("（").append(item.leadOffice()).append("牵头）");
        }
        var reports = sources.reportsOf(item.id());
        var reported = false;
        if (reports.leadNarrative() != null) {
            text.append(ending(shorten(reports.leadNarrative(), LEAD_LENGTH)));
            reported = true;
        }
        var lines = lines(reports);
        if (!lines.isEmpty()) {
            text.append(lines);
            reported = true;
        }
        if (!reported) {
            text.append(switch (period.kind()) {
                case MONTHLY, QUARTERLY -> "本期";
                case MID_YEAR -> "上半年";
                case YEAR_END, UPWARD -> "全年";
            }).append("暂无审核通过的进展报告。");
        }
        var targets = sources.targetsOf(item.id()).stream().map(Drafting::target).toList();
        if (!targets.isEmpty()) {
            text.append(String.join("；", targets)).append("。");
        }
        text.append(standing(item));
        paragraph(text.toString());
    }

    /** 全县12所学校已报送，4所已完成；其中，城关镇第一小学…；青石镇中心小学…。 */
    private String lines(ItemReports reports) {
        var text = new StringBuilder();
        if (reports.schools() == 1 && reports.schoolsReported() == 1) {
            // one school: its excerpt names it
            text.append(reports.schoolsDone() > 0 ? "责任学校已完成" : "");
        } else if (reports.schoolsReported() > 0) {
            text.append(reports.schoolsReported() == reports.schools()
                    ? reports.schools() + "所责任学校均已报送"
                    : "全县" + reports.schoolsReported() + "所学校已报送");
            text.append(reports.schoolsDone() > 0 ? "，" + reports.schoolsDone() + "所已完成"
                    : reports.schoolsReported() > 1 ? "，均在推进中" : "，正在推进中");
        } else if (reports.schools() > 0) {
            text.append("责任学校暂无审核通过的进展报告");
        }
        var excerpts = new ArrayList<String>();
        for (var excerpt : reports.excerpts()) {
            var said = excerpt(excerpt.text());
            if (said.isEmpty() || reports.leadNarrative() != null && reports.leadNarrative().contains(said)
                    || excerpts.stream().anyMatch(other -> other.contains(said))) {
                continue;
            }
            excerpts.add(said.startsWith(excerpt.party()) ? said : excerpt.party() + SELF.matcher(said).replaceFirst(""));
            if (excerpts.size() == 2) {
                break;
            }
        }
        if (!excerpts.isEmpty()) {
            text.append(text.isEmpty() ? "" : "；").append(text.isEmpty() ? "" : "其中，").append(String.join("；", excerpts));
        }
        return text.isEmpty() ? "" : text.append("。").toString();
    }

    /** 普惠性幼儿园覆盖率目标不低于90%，实际达到91%，已达标. */
    static String target(TargetValue target) {
        var goal = target.indicator() + "目标" + comparatorWord(target.comparator()) + number(target.goal()) + target.unit();
        var actual = target.actual();
        if (actual == null) {
            return goal + "，暂无报送数据";
        }
        var basis = switch (target.basis()) {
            case WEIGHTED -> "按在校生数加权";
            case MEAN -> "各单位平均";
            case LEAD_OFFICE -> "";
        };
        return goal + "，实际" + basis + "为" + number(actual) + target.unit() + "，"
                + (Boolean.TRUE.equals(target.reached()) ? "已达标" : "尚未达标");
    }

    /** 截至6月30日，完成进度60%，进展正常。 */
    private String standing(OutlineNode item) {
        var standing = sources.standings().get(item.id());
        if (standing == null) {
            return "";
        }
        if (done(item)) {
            return "该项任务已完成" + (standing.done() ? "并办结" : "") + "。";
        }
        return "截至" + day(sources.asOf()) + "，完成进度" + standing.percent() + "%，" + switch (standing.light()) {
            case GREEN -> "进展正常";
            case YELLOW -> "进度滞后，已预警";
            case RED -> "已超过完成时限，尚未完成";
            case GREY -> "尚未启动";
        } + "。";
    }

    // ---- figures and phrases ----------------------------------------------------------------------------------------

    /** 已完成3项，进展正常12项，进度滞后3项，逾期1项，尚未启动1项 (the counts that are not zero). */
    private String standing(List<OutlineNode> items) {
        int done = 0;
        int green = 0;
        int yellow = 0;
        int red = 0;
        int grey = 0;
        for (var item : items) {
            var standing = sources.standings().get(item.id());
            if (done(item)) {
                done++;
            } else if (standing == null || standing.light() == Light.GREY) {
                grey++;
            } else {
                switch (standing.light()) {
                    case GREEN -> green++;
                    case YELLOW -> yellow++;
                    case RED -> red++;
                    default -> grey++;
                }
            }
        }
        return joined(count("已完成", done, "项"), count("进展正常", green, "项"), count("进度滞后", yellow, "项"),
                count("逾期未完成", red, "项"), count("尚未启动", grey, "项"));
    }

    /** 各责任单位报送并经审核通过的进展报告156份，涉及18项任务。 */
    private String reportsSentence(String when) {
        int reports = sources.reported().approved();
        int items = (int) sources.reported().items().values().stream().filter(item -> item.linesReported() > 0).count();
        return reports == 0 ? when + "暂无审核通过的进展报告。"
                : when + "各责任单位报送并经审核通过的进展报告" + reports + "份，涉及" + items + "项任务。";
    }

    private boolean done(OutlineNode item) {
        var standing = sources.standings().get(item.id());
        return item.completed() || standing != null && (standing.done() || standing.percent() >= 100);
    }

    /** 《青山县教育局2026年工作要点》（青教〔2026〕1号）. */
    private String planReference() {
        var plan = sources.outline().plan();
        return "《" + plan.title() + "》" + (plan.documentNumber() == null || plan.documentNumber().isBlank() ? ""
                : "（" + plan.documentNumber().strip() + "）");
    }

    private String periodName() {
        return switch (period.kind()) {
            case MONTHLY -> period.year() + "年" + period.number() + "月";
            case QUARTERLY -> period.year() + "年" + QUARTERS[period.number() - 1];
            case MID_YEAR -> period.year() + "年上半年";
            case YEAR_END, UPWARD -> period.year() + "年";
        };
    }

    /** 第2项“推进集团化办学”. */
    private static String named(OutlineNode item) {
        return "第" + item.plain() + "项“" + trimEnd(item.headline()) + "”";
    }

    static String lead(OutlineNode item) {
        return item.leadOffice() == null ? "" : "（" + item.leadOffice() + "牵头）";
    }

    /** The item's headline as the sentence that opens its paragraph. */
    static String headline(OutlineNode item) {
        return OfficialDocx.sentence(item.headline());
    }

    /** The first sentences of a narrative, up to about 80 characters, without the closing punctuation. */
    private static String excerpt(String narrative) {
        return trimEnd(shorten(narrative, EXCERPT_LENGTH));
    }

    /** The text cut after its last full sentence within the length, or at the length with an ellipsis. */
    static String shorten(String text, int length) {
        var stripped = text.strip().replaceAll("\\s*\\R\\s*", "").replaceAll("\\s+", " ");
        if (stripped.length() <= length) {
            return stripped;
        }
        int end = Math.max(stripped.lastIndexOf('。', length), Math.max(stripped.lastIndexOf('；', length), stripped.lastIndexOf('！', length)));
        return end > length / 3 ? stripped.substring(0, end + 1) : stripped.substring(0, length) + "……";
    }

    /** The text closed with 。 (a closing ； or ， becomes 。). */
    static String ending(String text) {
        var trimmed = trimEnd(text);
        if (trimmed.isEmpty()) {
            return "";
        }
        return trimmed.endsWith("！") || trimmed.endsWith("？") ? trimmed : trimmed + "。";
    }

    /** The text without closing punctuation (。；，,. and spaces). */
    static String trimEnd(String text) {
        return text.strip().replaceAll("[。；;，,.、\\s]+$", "");
    }

    /** 一是…；二是…. */
    static String enumerate(List<String> parts) {
        var text = new ArrayList<String>();
        for (int i = 0; i < parts.size(); i++) {
            text.add(ChineseNumerals.of(i + 1) + "是" + parts.get(i));
        }
        return String.join("；", text);
    }

    static String count(String what, int count, String unit) {
        return count == 0 ? null : what + count + unit;
    }

    /** The parts that are not {@code null}, joined with ，. */
    static String joined(String... parts) {
        return String.join("，", java.util.Arrays.stream(parts).filter(Objects::nonNull).toList());
    }

    private static String comparatorWord(TargetComparator comparator) {
        return switch (comparator) {
            case AT_LEAST -> "不低于";
            case AT_MOST -> "不高于";
            case EQUAL -> "为";
            case BELOW -> "低于";
            case ABOVE -> "高于";
        };
    }

    /** 91, 0.5, 2000: without trailing zeros. */
    static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** 6月30日. */
    static String day(LocalDate day) {
        return day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    private void heading(String text) {
        blocks.add(Block.heading(text));
    }

    private void subheading(String text) {
        blocks.add(Block.subheading(text));
    }

    private void paragraph(String text) {
        blocks.add(Block.paragraph(text));
    }

    /** Behind schedule or overdue. */
    private static boolean lagging(PlanStandings.Item item) {
        return item.light() == Light.YELLOW || item.light() == Light.RED;
    }
}
