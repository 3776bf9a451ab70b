package cn.workplan.summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.workplan.alignment.CoverageQueries.Chain;
import cn.workplan.alignment.UpperPoint;
import cn.workplan.execution.Light;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.OutlineNode;
import cn.workplan.summary.SummarySources.Sources;

/**
 * Writes the upward report (贯彻落实上级工作要点情况报告): how the bureau carries out an upper-level document, point by
 * point in the document's order — for each point the bureau's items that carry it out, with the lead office's
 * consolidated narrative, the targets against their values and where each item stands; a point without an item says
 * so. Then the table of all points, the problems (items overdue or behind, points without an item) and the next steps.
 * Addressed to the document's issuing body, in the words of a county bureau's report to the city. Plain Java, like
 * {@link Drafting}, whose phrases it shares.
 */
final class UpwardDrafting {

    private static final int LEAD_LENGTH = 200;
    private static final String[] QUARTERS = {"第一季度", "第二季度", "第三季度", "第四季度"};

    private final Sources sources;
    private final Chain chain;
    private final SummaryPeriod period;
    private final Map<Long, OutlineNode> items = new HashMap<>();
    /** Each item's place in the plan. */
    private final Map<Long, Integer> order = new HashMap<>();
    private final List<Block> blocks = new ArrayList<>();

    private UpwardDrafting(Sources sources, Chain chain) {
        this.sources = sources;
        this.chain = chain;
        this.period = sources.period();
        sources.outline().items().forEach(item -> {
            order.put(item.id(), order.size());
            items.put(item.id(), item);
        });
    }

    static Drafting.Draft draft(Sources sources, Chain chain) {
        var drafting = new UpwardDrafting(sources, chain);
        return new Drafting.Draft(drafting.title(), drafting.write());
    }

    /** 青山县教育局关于2026年上半年贯彻落实《云岭市教育局2026年工作要点》情况的报告. */
    private String title() {
        var title = bureau() + "关于" + when() + "贯彻落实《" + chain.document().title() + "》情况的报告";
        return title.length() > Summaries.TITLE_LENGTH ? title.substring(0, Summaries.TITLE_LENGTH) : title;
    }

    private List<Block> write() {
        var points = chain.points().stream().filter(UpperPoint::linkable).toList();
        int covered = (int) points.stream().filter(point -> !itemsOf(point).isEmpty()).count();
        var issuer = chain.document().issuer();
        if (issuer != null && !issuer.isBlank()) {
            paragraph(issuer.strip() + "：");
        }
        var linkedItems = points.stream().flatMap(point -> itemsOf(point).stream()).distinct().toList();
        paragraph("按照" + chain.document().citation() + "部署，我局结合县域实际，在" + planReference() + "中将上级确定的"
                + points.size() + "项工作要点细化为" + linkedItems.size() + "项具体任务，明确牵头股室、完成时限和季度安排，压实工作责任。"
                + "截至" + Drafting.day(sources.asOf()) + "，" + points.size() + "项要点中，" + Drafting.joined(
                        Drafting.count("已安排对应任务的", covered, "项"), standing(points),
                        Drafting.count("尚未安排对应任务的", points.size() - covered, "项"))
                + "。现将" + when() + "贯彻落实情况报告如下。");

        heading("贯彻落实情况");
        var groups = groups();
        for (var group : groups.entrySet()) {
            if (!group.getKey().isEmpty()) {
                subheading(group.getKey());
            }
            group.getValue().forEach(this::pointParagraph);
        }

        heading("要点落实情况一览");
        table(points);

        heading("存在的问题");
        problems(points);

        heading(period.number() == 1 ? "下半年工作打算" : period.year() + 1 + "年工作打算");
        nextSteps(points);
        return List.copyOf(blocks);
    }

    // ---- one point --------------------------------------------------------------------------------------------------

    /** （第9条）深化集团化办学。我局将其落实为第5项任务“推进集团化办学”（基教股牵头）。……截至6月30日，完成进度60%，进展正常。 */
    private void pointParagraph(UpperPoint point) {
        var text = new StringBuilder("（第").append(point.reference()).append("条）").append(sentence(point.headline()));
        var linked = itemsOf(point);
        if (linked.isEmpty()) {
            text.append("我局年度工作要点尚未安排对应任务，将结合县域实际研究提出落实措施。");
            paragraph(text.toString());
            return;
        }
        if (linked.size() == 1) {
            var item = linked.get(0);
            text.append("我局将其落实为第").append(item.plain()).append("项任务“").append(Drafting.trimEnd(item.headline())).append("”")
                    .append(Drafting.lead(item)).append("。").append(itemProgress(item));
        } else {
            text.append("我局将其分解为").append(String.join("、", linked.stream()
                    .map(item -> "第" + item.plain() + "项“" + Drafting.trimEnd(item.headline()) + "”" + Drafting.lead(item)).toList()))
                    .append(linked.size()).append("项任务。");
            for (var item : linked) {
                text.append("第").append(item.plain()).append("项：").append(itemProgress(item));
            }
        }
        paragraph(text.toString());
    }

    /** The lead office's narrative, the targets against their values, and where the item stands. */
    private String itemProgress(OutlineNode item) {
        var text = new StringBuilder();
        var reports = sources.reportsOf(item.id());
        if (reports.leadNarrative() != null) {
            text.append(Drafting.ending(Drafting.shorten(reports.leadNarrative(), LEAD_LENGTH)));
        }
        var targets = sources.targetsOf(item.id()).stream().map(Drafting::target).toList();
        if (!targets.isEmpty()) {
            text.append(String.join("；", targets)).append("。");
        }
        text.append(standing(item));
        return text.toString();
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
        return "截至" + Drafting.day(sources.asOf()) + "，完成进度" + standing.percent() + "%，" + switch (standing.light()) {
            case GREEN -> "进展正常";
            case YELLOW -> "进度滞后，已预警";
            case RED -> "已超过完成时限，尚未完成";
            case GREY -> "尚未启动";
        } + "。";
    }

    // ---- the table, the problems, the next steps ----------------------------------------------------------------------

    /** 序号 / 上级要点 / 我局对应任务 / 牵头股室 / 完成进度 / 落实情况. */
    private void table(List<UpperPoint> points) {
        var rows = new ArrayList<List<String>>();
        for (var point : points) {
            var linked = itemsOf(point);
            var tasks = linked.stream().map(item -> item.label() + Drafting.trimEnd(item.headline())).toList();
            var leads = linked.stream().map(OutlineNode::leadOffice).filter(lead -> lead != null && !lead.isBlank()).distinct().toList();
            rows.add(List.of("第" + point.reference() + "条", Drafting.trimEnd(point.headline()),
                    tasks.isEmpty() ? "—" : String.join("；", tasks), leads.isEmpty() ? "—" : String.join("、", leads),
                    linked.isEmpty() ? "—" : percent(linked) + "%", state(linked)));
        }
        blocks.add(Block.table(List.of("序号", "上级要点", "我局对应任务", "牵头股室", "完成进度", "落实情况"), rows));
    }

    private void problems(List<UpperPoint> points) {
        var overdue = new ArrayList<String>();
        var behind = new ArrayList<String>();
        var seen = new java.util.HashSet<Long>();
        for (var point : points) {
            for (var item : itemsOf(point)) {
                var standing = sources.standings().get(item.id());
                if (standing == null || done(item) || !seen.add(item.id())) {
                    continue;
                }
                var named = "第" + item.plain() + "项“" + Drafting.trimEnd(item.headline()) + "”" + Drafting.lead(item) + "（落实上级要点第"
                        + point.reference() + "条），目前完成进度" + standing.percent() + "%";
                if (standing.light() == Light.RED) {
                    overdue.add(named);
                } else if (standing.light() == Light.YELLOW) {
                    behind.add(named);
                }
            }
        }
        var uncovered = points.stream().filter(point -> itemsOf(point).isEmpty()).map(UpperPoint::reference).toList();
        if (overdue.isEmpty() && behind.isEmpty() && uncovered.isEmpty()) {
            paragraph("上级工作要点确定的各项任务均已安排落实，总体进展顺利。");
            return;
        }
        if (!overdue.isEmpty()) {
            paragraph(overdue.size() + "项任务已超过完成时限，尚未完成：" + Drafting.enumerate(overdue) + "。");
        }
        if (!behind.isEmpty()) {
            paragraph(behind.size() + "项任务进度滞后于计划安排：" + Drafting.enumerate(behind) + "。");
        }
        if (!uncovered.isEmpty()) {
            paragraph("上级要点第" + String.join("、", uncovered) + "条共" + uncovered.size() + "项，我局年度工作要点尚未安排对应任务。");
        }
    }

    /** The next half's (or year's) milestones of the unfinished items, and the points still without an item. */
    private void nextSteps(List<UpperPoint> points) {
        boolean midYear = period.number() == 1;
        paragraph((midYear ? "下半年" : period.year() + 1 + "年") + "，我局将对照上级工作要点，紧盯时间节点，聚焦滞后事项，加强调度督办，重点做好以下工作：");
        var seen = new java.util.HashSet<Long>();
        int written = 0;
        for (var point : points) {
            for (var item : itemsOf(point)) {
                if (done(item) || !seen.add(item.id())) {
                    continue;
                }
                var parts = new ArrayList<String>();
                if (midYear) {
                    for (int quarter = 3; quarter <= 4; quarter++) {
                        var milestone = item.quarters().get(quarter - 1).strip();
                        if (!milestone.isEmpty()) {
                            parts.add(QUARTERS[quarter - 1] + Drafting.trimEnd(milestone));
                        }
                    }
                }
                if (parts.isEmpty()) {
                    parts.add(midYear ? (item.deadline() == null ? "确保年内完成" : "确保" + Drafting.day(item.deadline()) + "前完成")
                            : "结转至" + (period.year() + 1) + "年继续推进");
                }
                paragraph(item.label() + Drafting.trimEnd(item.headline()) + "（落实上级要点第" + point.reference() + "条）："
                        + String.join("，", parts) + "。");
                written++;
            }
        }
        var uncovered = points.stream().filter(point -> itemsOf(point).isEmpty()).map(UpperPoint::reference).toList();
        if (!uncovered.isEmpty()) {
            paragraph("对尚未安排对应任务的上级要点第" + String.join("、", uncovered) + "条，结合县域实际研究提出落实措施，"
                    + (midYear ? "在下半年工作中统筹推进。" : "纳入下一年度工作要点。"));
        } else if (written == 0) {
            paragraph("巩固已取得的成果，总结提升，确保上级工作要点各项任务落地见效。");
        }
    }

    // ---- figures and phrases ----------------------------------------------------------------------------------------

    /** The document's points grouped under its chapters (or sections), in order; points outside any, under "". */
    private Map<String, List<UpperPoint>> groups() {
        var groups = new LinkedHashMap<String, List<UpperPoint>>();
        var byId = new HashMap<Long, UpperPoint>();
        chain.points().forEach(point -> byId.put(point.id(), point));
        for (var point : chain.points()) {
            if (!point.linkable()) {
                if (point.kind() == NodeKind.CHAPTER) {
                    groups.putIfAbsent(Drafting.trimEnd(point.headline()), new ArrayList<>());
                }
                continue;
            }
            var chapter = point.parentId() == null ? null : byId.get(point.parentId());
            while (chapter != null && chapter.kind() != NodeKind.CHAPTER) {
                chapter = chapter.parentId() == null ? null : byId.get(chapter.parentId());
            }
            if (point.kind() == NodeKind.CHAPTER) {
                chapter = point;
            }
            groups.computeIfAbsent(chapter == null ? "" : Drafting.trimEnd(chapter.headline()), key -> new ArrayList<>()).add(point);
        }
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    /** The point's items in the plan, in the plan's order (a link to an item no longer in the plan is left out). */
    private List<OutlineNode> itemsOf(UpperPoint point) {
        return chain.itemsOf(point.id()).stream().map(items::get).filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparingInt(item -> order.get(item.id())))
                .toList();
    }

    /** 其中已完成3项，进展正常12项，进度滞后3项，逾期1项 (of the points with items; the counts that are not zero). */
    private String standing(List<UpperPoint> points) {
        int done = 0;
        int green = 0;
        int yellow = 0;
        int red = 0;
        int grey = 0;
        for (var point : points) {
            var linked = itemsOf(point);
            if (linked.isEmpty()) {
                continue;
            }
            switch (state(linked)) {
                case "已完成" -> done++;
                case "逾期未完成" -> red++;
                case "进度滞后" -> yellow++;
                case "尚未启动" -> grey++;
                default -> green++;
            }
        }
        var counts = Drafting.joined(Drafting.count("已完成", done, "项"), Drafting.count("进展正常", green, "项"),
                Drafting.count("进度滞后", yellow, "项"), Drafting.count("逾期未完成", red, "项"), Drafting.count("尚未启动", grey, "项"));
        return counts.isEmpty() ? null : "其中" + counts;
    }

    /** Where a point stands in words: 已完成, or the worst of its unfinished items; 尚无对应任务 without any. */
    private String state(List<OutlineNode> linked) {
        if (linked.isEmpty()) {
            return "尚无对应任务";
        }
        var open = linked.stream().filter(item -> !done(item)).toList();
        if (open.isEmpty()) {
            return "已完成";
        }
        var lights = open.stream().map(item -> sources.standings().get(item.id())).filter(java.util.Objects::nonNull)
                .map(standing -> standing.light()).toList();
        if (lights.contains(Light.RED)) {
            return "逾期未完成";
        }
        if (lights.contains(Light.YELLOW)) {
            return "进度滞后";
        }
        if (!lights.isEmpty() && lights.stream().allMatch(light -> light == Light.GREY)) {
            return "尚未启动";
        }
        return "进展正常";
    }

    /** The mean progress of the items, finished ones at 100 %: the items' own figures. */
    private int percent(List<OutlineNode> linked) {
        return (int) Math.round(linked.stream().mapToInt(item -> {
            var standing = sources.standings().get(item.id());
            return done(item) ? 100 : standing == null ? 0 : standing.percent();
        }).average().orElse(0));
    }

    private boolean done(OutlineNode item) {
        var standing = sources.standings().get(item.id());
        return item.completed() || standing != null && (standing.done() || standing.percent() >= 100);
    }

    /** 青山县教育局 in the plan's title. */
    private String bureau() {
        var matcher = java.util.regex.Pattern.compile("^(.+?)(?:\\d{4})年").matcher(sources.outline().plan().title());
        return matcher.find() ? matcher.group(1).strip() : "";
    }

    /** 2026年上半年, 2026年. */
    private String when() {
        return period.year() + "年" + (period.number() == 1 ? "上半年" : "");
    }

    /** 《青山县教育局2026年工作要点》（青教〔2026〕1号）. */
    private String planReference() {
        var plan = sources.outline().plan();
        return "《" + plan.title() + "》" + (plan.documentNumber() == null || plan.documentNumber().isBlank() ? ""
                : "（" + plan.documentNumber().strip() + "）");
    }

    private static String sentence(String headline) {
        return Drafting.ending(headline);
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
}
