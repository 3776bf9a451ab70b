package cn.workplan.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.workplan.plan.NodeKind;
import cn.workplan.plan.Numbering;
import cn.workplan.system.ChineseNumerals;

/**
 * One plan of an import as the person is shaping it: the header they may edit, and the outline as a flat
 * list of nodes in document order. The tree follows from the levels: a section stands under the chapter
 * before it, an item under the section or chapter before it, a sub-point under the item before it. So a
 * change of level, a merge or a drop never needs to move anything.
 */
public final class DraftedPlan {

    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");

    private final int index;
    private String title;
    private String documentNumber;
    private final LocalDate issueDate;
    private int year;
    private Numbering numbering;
    private final String preamble;
    private final SourceLines lines;
    private final List<QuarterSchedule> schedule;
    final List<DraftedNode> nodes = new ArrayList<>();
    private Long savedPlanId;
    /** The number of the first chapter and item as printed: an excerpt (from chapter 二, item 3 on) keeps them. */
    private int firstChapter = 1;
    private int firstItem = 1;

    DraftedPlan(int index, ParsedPlan parsed, LocalDate today) {
        this.index = index;
        this.title = parsed.title() == null ? "" : parsed.title();
        this.documentNumber = parsed.documentNumber() == null ? "" : parsed.documentNumber();
        this.issueDate = parsed.issueDate();
        this.year = yearOf(parsed, today);
        this.numbering = parsed.numbering() == null ? Numbering.CONTINUOUS : parsed.numbering();
        this.preamble = parsed.preamble() == null ? "" : parsed.preamble();
        this.lines = parsed.lines();
        this.schedule = parsed.schedule();
        var nodes = parsed.allNodes();
        nodes.stream().filter(node -> node.kind() == NodeKind.CHAPTER).findFirst()
                .ifPresent(chapter -> this.firstChapter = startNumber(ChineseNumerals.parse(chapter.number()), 99));
        nodes.stream().filter(node -> node.kind() == NodeKind.ITEM).findFirst()
                .filter(item -> item.number() != null && item.number().matches("\\d{1,3}"))
                .ifPresent(item -> this.firstItem = startNumber(Integer.parseInt(item.number()), 999));
    }

    private static int startNumber(int printed, int highest) {
        return printed >= 1 && printed <= highest ? printed : 1;
    }

    /** A plan as a {@link DraftSnapshot} kept it, without its nodes yet. */
    DraftedPlan(int index, String title, String documentNumber, LocalDate issueDate, int year, Numbering numbering,
            String preamble, SourceLines lines, List<QuarterSchedule> schedule, Long savedPlanId) {
        this.index = index;
        this.title = title == null ? "" : title;
        this.documentNumber = documentNumber == null ? "" : documentNumber;
        this.issueDate = issueDate;
        this.year = year;
        this.numbering = numbering == null ? Numbering.CONTINUOUS : numbering;
        this.preamble = preamble == null ? "" : preamble;
        this.lines = lines;
        this.schedule = List.copyOf(schedule);
        this.savedPlanId = savedPlanId;
    }

    /** A kept plan's first numbers ({@code null}, from a preview kept before there were any: 1). */
    void startAt(Integer chapter, Integer item) {
        this.firstChapter = chapter == null ? 1 : startNumber(chapter, 99);
        this.firstItem = item == null ? 1 : startNumber(item, 999);
    }

    /** The number of the first chapter as printed: 2 for an excerpt from chapter 二 on. */
    public int firstChapter() {
        return firstChapter;
    }

    /** The number of the first item as printed (items numbered on through the plan start from it). */
    public int firstItem() {
        return firstItem;
    }

    /** The plan's year: from the title (2018年教育工作要点), else the issue date, else the coming year. */
    static int yearOf(ParsedPlan parsed, LocalDate today) {
        if (parsed.title() != null) {
            var matcher = YEAR.matcher(parsed.title());
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        if (parsed.issueDate() != null) {
            return parsed.issueDate().getYear();
        }
        return today.getYear() + (today.getMonthValue() >= 10 ? 1 : 0);
    }

    public int index() {
        return index;
    }

    public String title() {
        return title;
    }

    public String documentNumber() {
        return documentNumber;
    }

    public LocalDate issueDate() {
        return issueDate;
    }

    public int year() {
        return year;
    }

    public Numbering numbering() {
        return numbering;
    }

    public String preamble() {
        return preamble;
    }

    public SourceLines lines() {
        return lines;
    }

    public List<QuarterSchedule> schedule() {
        return schedule;
    }

    public List<DraftedNode> nodes() {
        return List.copyOf(nodes);
    }

    /** The new plan's id once saved, else {@code null}. */
    public Long savedPlanId() {
        return savedPlanId;
    }

    public long itemCount() {
        return nodes.stream().filter(node -> node.kind() == NodeKind.ITEM).count();
    }

    void saved(long planId) {
        this.savedPlanId = planId;
    }

    void editHeader(String title, String documentNumber, int year, Numbering numbering) {
        this.title = title == null ? "" : title.strip();
        this.documentNumber = documentNumber == null ? "" : documentNumber.strip();
        this.year = year;
        this.numbering = numbering;
    }

    /** The quarter milestones of an item: the schedule's entries that name its headline, by quarter (1 to 4). */
    String milestone(DraftedNode item, int quarter) {
        var headline = item.headline().strip();
        if (headline.length() < 4) {
            return "";
        }
        return schedule.stream().filter(period -> period.quarter() == quarter)
                .flatMap(period -> period.tasks().stream())
                .filter(task -> task.contains(headline) || headline.contains(task.replaceAll("[。；;]$", "")))
                .reduce((a, b) -> a + "；" + b).map(text -> text.length() > 500 ? text.substring(0, 500) : text)
                .orElse("");
    }

    /** The outline as the plan would number it, with the nodes that stand where their level may not. */
    public List<Row> outline() {
        var rows = new ArrayList<Row>();
        int chapters = firstChapter - 1;
        int sections = 0;
        int items = numbering == Numbering.CONTINUOUS ? firstItem - 1 : 0;
        int points = 0;
        boolean inChapter = false;
        boolean inSection = false;
        boolean inItem = false;
        for (var node : nodes) {
            switch (node.kind()) {
                case CHAPTER -> {
                    chapters++;
                    sections = 0;
                    points = 0;
                    inChapter = true;
                    inSection = false;
                    inItem = false;
                    if (numbering == Numbering.PER_SECTION) {
                        items = 0;
                    }
                    rows.add(new Row(node, ChineseNumerals.of(chapters) + "、", 0, false));
                }
                case SECTION -> {
                    sections++;
                    inSection = true;
                    inItem = false;
                    if (numbering == Numbering.PER_SECTION) {
                        items = 0;
                    }
                    rows.add(new Row(node, "（" + ChineseNumerals.of(sections) + "）", 1, !inChapter));
                }
                case ITEM -> {
                    items++;
                    points = 0;
                    inItem = true;
                    rows.add(new Row(node, items + ".", (inChapter ? 1 : 0) + (inSection ? 1 : 0), false));
                }
                case POINT -> {
                    points++;
                    rows.add(new Row(node, "（" + points + "）", (inChapter ? 1 : 0) + (inSection ? 1 : 0) + 1, !inItem));
                }
            }
        }
        return rows;
    }

    /** Whether some node stands where its level may not (a section outside a chapter, a sub-point outside an item). */
    public boolean hasMisplacedNodes() {
        return outline().stream().anyMatch(Row::misplaced);
    }

    /** A node as the outline shows it: its number, how deep it stands, and whether its level fits there. */
    public record Row(DraftedNode node, String number, int depth, boolean misplaced) {
    }
}
