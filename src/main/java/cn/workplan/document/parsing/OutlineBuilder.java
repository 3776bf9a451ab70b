package cn.workplan.document.parsing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import cn.workplan.document.DiscardReason;
import cn.workplan.document.DiscardedLine;
import cn.workplan.document.ReadingNote;
import cn.workplan.plan.NodeKind;
import cn.workplan.system.ChineseNumerals;

/**
 * Builds plans from classified lines: splits the document into plans (at 第一篇, 第二篇 … when those hold
 * chapters, or at a new title after a plan's text), then puts each line where it belongs — header
 * fields, title, preamble, chapters, sections, items, sub-points, the quarterly schedule — and sets
 * aside what is residue.
 * <p>
 * Two repairs a careful reader makes: a first task item printed without its number (the paragraph
 * after a section heading, when the next item is 2.) becomes item 1; and where a plan has no 一、
 * chapters, its （一） sections are its chapters.
 */
final class OutlineBuilder {

    private static final Pattern SIGNATURE = Pattern.compile(
            "^[\\p{IsHan}（）()]{2,30}(局|委员会|委|政府|办公室|学校|中心校|中学|小学|幼儿园|中心|党委|党组)$");
    private static final Pattern INLINE_NUMBER = Pattern.compile("(?:^|(?<=[。；;，,\\s]))(\\d{1,2})\\s*[、.．](?!\\d)");

    /** The plans and the lines set aside. */
    record Outline(List<DraftPlan> plans, List<DiscardedLine> discarded) {
    }

    private final List<DiscardedLine> discarded = new ArrayList<>();

    Outline build(List<ClassifiedLine> lines) {
        boolean partsArePlans = partsArePlans(lines);
        var plans = new ArrayList<DraftPlan>();
        for (var segment : segments(lines, partsArePlans)) {
            var plan = new PlanReading(partsArePlans, segment).read();
            if (!plan.isEmpty()) {
                plans.add(plan);
            }
        }
        discarded.sort(java.util.Comparator.comparingInt(DiscardedLine::line));
        return new Outline(plans, List.copyOf(discarded));
    }

    /** 第一篇, 第二篇 … separate plans when 一、 chapters follow them; otherwise they are the chapters. */
    private static boolean partsArePlans(List<ClassifiedLine> lines) {
        boolean part = false;
        for (var line : lines) {
            if (line.is(LineKind.PART)) {
                part = true;
            } else if (part && line.is(LineKind.CHAPTER)) {
                return true;
            }
        }
        return false;
    }

    private static List<List<ClassifiedLine>> segments(List<ClassifiedLine> lines, boolean partsArePlans) {
        var segments = new ArrayList<List<ClassifiedLine>>();
        var current = new ArrayList<ClassifiedLine>();
        boolean structure = false;
        boolean part = false;
        String title = null;
        for (var line : lines) {
            boolean newPlan = false;
            if (partsArePlans && line.is(LineKind.PART)) {
                newPlan = structure || part;
            } else if (line.is(LineKind.TITLE)) {
                newPlan = structure && !line.text().equals(title);
            }
            if (newPlan) {
                segments.add(current);
                current = new ArrayList<>();
                structure = false;
                part = false;
                title = null;
            }
            current.add(line);
            switch (line.kind()) {
                case PART -> {
                    part |= partsArePlans;
                    structure |= !partsArePlans;
                }
                case TITLE -> title = title == null ? line.text() : title;
                case HEADER -> title = title == null ? line.header().get(HeaderBlock.Field.TITLE) : title;
                case CHAPTER, SECTION, ITEM, POINT, SCHEDULE -> structure = true;
                default -> {
                }
            }
        }
        segments.add(current);
        return segments;
    }

    /** Reading one plan's lines. */
    private final class PlanReading {

        private final boolean partsArePlans;
        private final List<ClassifiedLine> lines;
        private final boolean sectionsAreChapters;
        private final DraftPlan plan = new DraftPlan();
        private final Set<DraftNode> scheduleChapters = new HashSet<>();

        private DraftNode chapter;
        private DraftNode section;
        private DraftNode item;
        private DraftNode point;
        private DraftPlan.Schedule schedule;
        private int lastItemNumber;
        private boolean continuous = true;

        PlanReading(boolean partsArePlans, List<ClassifiedLine> lines) {
            this.partsArePlans = partsArePlans;
            this.lines = signaturesSetAside(lines);
            this.sectionsAreChapters = lines.stream().noneMatch(line -> line.is(LineKind.CHAPTER)
                    || (line.is(LineKind.PART) && !partsArePlans)) && lines.stream().anyMatch(line -> line.is(LineKind.SECTION));
        }

        DraftPlan read() {
            for (var line : lines) {
                if (!line.is(LineKind.BLANK) && !line.is(LineKind.RESIDUE) && !line.is(LineKind.DATE)) {
                    plan.saw(line.line());
                    plan.saw(line.source().last());
                }
                switch (line.kind()) {
                    case BLANK -> {
                    }
                    case RESIDUE -> discard(line, line.reason());
                    case HEADER -> header(line);
                    case DOCUMENT_NUMBER -> documentNumber(line);
                    case DATE -> date(line);
                    case TITLE -> title(line);
                    case PART -> {
                        if (partsArePlans) {
                            partHeading(line);
                        } else {
                            chapter(line);
                        }
                    }
                    case CHAPTER -> chapter(line);
                    case SECTION -> {
                        if (sectionsAreChapters || chapter == null) {
                            chapter(line);
                        } else {
                            section(line);
                        }
                    }
                    case ITEM -> {
                        if (schedule != null) {
                            scheduleTask(line.text(), line.line());
                        } else {
                            item(line);
                        }
                    }
                    case POINT -> {
                        if (schedule != null) {
                            scheduleTask(line.text(), line.line());
                        } else if (item == null) {
                            paragraph(line);
                        } else {
                            point(line);
                        }
                    }
                    case SCHEDULE -> schedule(line);
                    case PARAGRAPH -> paragraph(line);
                }
            }
            setScheduleHeadingsAside();
            return plan;
        }

        /** The issuing body printed under the text (落款) is no part of the last item. */
        private List<ClassifiedLine> signaturesSetAside(List<ClassifiedLine> segment) {
            var result = new ArrayList<>(segment);
            for (int i = result.size() - 1; i >= 0; i--) {
                var line = result.get(i);
                if (line.is(LineKind.BLANK) || line.is(LineKind.RESIDUE) || line.is(LineKind.DATE)) {
                    continue;
                }
                if (line.is(LineKind.PARAGRAPH) && SIGNATURE.matcher(line.text()).matches()) {
                    result.set(i, LineClassifier.residue(line.source(), DiscardReason.SIGNATURE));
                    continue;
                }
                break;
            }
            return result;
        }

        private void header(ClassifiedLine line) {
            if (plan.hasText()) {
                paragraph(line);
                return;
            }
            line.header().forEach((field, value) -> {
                switch (field) {
                    case INDEX_NUMBER -> plan.indexNumber = value;
                    case SUBJECT -> plan.subject = value;
                    case PUBLISHER -> plan.publisher = value;
                    case ISSUE_DATE -> Dates.find(value).ifPresent(date -> plan.issueDate = date);
                    case TITLE -> {
                        if (!plan.titleFromLine) {
                            plan.title = value;
                        }
                    }
                    case DOCUMENT_NUMBER -> plan.documentNumber = value;
                    case OTHER -> {
                    }
                }
            });
        }

        private void documentNumber(ClassifiedLine line) {
            if (plan.documentNumber == null && plan.nodes.isEmpty()) {
                plan.documentNumber = line.text();
            } else if (!line.text().equals(plan.documentNumber)) {
                paragraph(line);
            }
        }

        /** A date under the title is the issue date; a date under the text is the closing date (落款). */
        private void date(ClassifiedLine line) {
            var date = Dates.line(line.text()).orElseThrow();
            if (!plan.hasText()) {
                plan.saw(line.line());
                if (plan.issueDate == null) {
                    plan.issueDate = date;
                }
                return;
            }
            if (plan.issueDate == null) {
                plan.issueDate = date;
            }
            discard(line, DiscardReason.CLOSING_DATE);
        }

        private void title(ClassifiedLine line) {
            if (!plan.titleFromLine && !plan.hasText()) {
                plan.title = line.text();
                plan.titleFromLine = true;
            } else if (line.text().equals(plan.title)) {
                discard(line, DiscardReason.DUPLICATE_TITLE);
            } else {
                paragraph(line);
            }
        }

        private void partHeading(ClassifiedLine line) {
            if (!line.text().isEmpty() && !plan.titleFromLine) {
                plan.title = line.text();
            }
        }

        private void chapter(ClassifiedLine line) {
            schedule = null;
            var number = line.number() != null ? line.number() : ChineseNumerals.of(plan.nodes.size() + 1);
            chapter = node(NodeKind.CHAPTER, number, line.number() == null, line);
            plan.nodes.add(chapter);
            section = null;
            item = null;
            point = null;
        }

        private void section(ClassifiedLine line) {
            schedule = null;
            var number = line.number() != null ? line.number() : ChineseNumerals.of((int) chapter.childrenOf(NodeKind.SECTION) + 1);
            section = node(NodeKind.SECTION, number, line.number() == null, line);
            chapter.children.add(section);
            item = null;
            point = null;
        }

        private void item(ClassifiedLine line) {
            var container = section != null ? section : chapter;
            var siblings = container != null ? container.children : plan.nodes;
            long itemsBefore = siblings.stream().filter(node -> node.kind == NodeKind.ITEM).count();
            int number;
            boolean inferred = line.number() == null;
            if (inferred) {
                number = continuous && lastItemNumber > 0 && itemsBefore == 0 ? lastItemNumber + 1 : (int) itemsBefore + 1;
            } else {
                number = Integer.parseInt(line.number());
                if (itemsBefore == 0 && container != null && number >= 2 && (number == 2 || number == lastItemNumber + 2)) {
                    unnumberedFirstItem(container, number - 1);
                }
            }
            continuous &= number == lastItemNumber + 1;
            lastItemNumber = number;
            item = node(NodeKind.ITEM, Integer.toString(number), inferred, line);
            siblings.add(item);
            point = null;
        }

        /**
         * The paragraphs of a section that stand where item {@code number} belongs, opening with a
         * headline-shaped sentence (加强党的全面领导。…), become that item.
         */
        private void unnumberedFirstItem(DraftNode container, int number) {
            var body = container.body();
            for (int k = 0; k < body.size(); k++) {
                if (HeadlineSplitter.opensWithHeadline(body.get(k).text())) {
                    var first = new DraftNode(NodeKind.ITEM, Integer.toString(number), true, null);
                    DraftNode firstPoint = null;
                    for (var paragraph : body.subList(k, body.size())) {
                        // a sub-point (（1）…) read as text while no item stood before it is the new item's sub-point
                        var from = paragraph.from();
                        if (from != null && from.is(LineKind.POINT) && !first.paragraphs.isEmpty()) {
                            firstPoint = node(NodeKind.POINT, from.number() != null ? from.number()
                                    : Long.toString(first.childrenOf(NodeKind.POINT) + 1), from.number() == null, from);
                            first.children.add(firstPoint);
                        } else if (firstPoint != null) {
                            firstPoint.paragraphs.add(paragraph);
                        } else {
                            first.paragraphs.add(paragraph);
                        }
                    }
                    first.notes.add(ReadingNote.of(ReadingNote.Kind.FIRST_ITEM_UNNUMBERED, first.firstLine(), Integer.toString(number)));
                    body.subList(k, body.size()).clear();
                    container.children.add(first);
                    continuous &= number == lastItemNumber + 1;
                    lastItemNumber = number;
                    return;
                }
            }
        }

        private void point(ClassifiedLine line) {
            var number = line.number() != null ? line.number() : Long.toString(item.childrenOf(NodeKind.POINT) + 1);
            point = node(NodeKind.POINT, number, line.number() == null, line);
            item.children.add(point);
        }

        private DraftNode node(NodeKind kind, String number, boolean inferred, ClassifiedLine line) {
            var node = new DraftNode(kind, number, inferred, line.source().row());
            node.paragraphs.add(new DraftNode.Paragraph(line.text(), line.line(), line.source().last(), line));
            node.notes.addAll(line.notes());
            return node;
        }

        private void schedule(ClassifiedLine line) {
            if (chapter != null && chapter.children.isEmpty() && chapter.body().isEmpty()) {
                scheduleChapters.add(chapter);
            }
            schedule = new DraftPlan.Schedule(line.quarter(), line.label(), line.line());
            plan.schedule.add(schedule);
            section = null;
            item = null;
            point = null;
            if (!line.text().isEmpty()) {
                scheduleTasks(line.text(), line.line());
            }
        }

        private void scheduleTask(String text, int line) {
            schedule.tasks.add(task(text));
            schedule.numbered = true;
            schedule.lastLine = line;
        }

        /** "1、召开…。2、开展…。" as two tasks; a text without numbers as one. */
        private void scheduleTasks(String text, int line) {
            var matcher = INLINE_NUMBER.matcher(text);
            var starts = new ArrayList<int[]>();
            while (matcher.find()) {
                starts.add(new int[] {matcher.start(), matcher.end()});
            }
            if (starts.isEmpty()) {
                schedule.tasks.add(task(text));
            } else {
                var before = text.substring(0, starts.get(0)[0]).strip();
                if (!before.isEmpty()) {
                    schedule.tasks.add(task(before));
                }
                for (int i = 0; i < starts.size(); i++) {
                    int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
                    schedule.tasks.add(task(text.substring(starts.get(i)[1], end)));
                }
                schedule.numbered = true;
            }
            schedule.lastLine = line;
        }

        private String task(String text) {
            return text.strip().replaceAll("[。；;，,]+$", "");
        }

        private void paragraph(ClassifiedLine line) {
            if (schedule != null) {
                if (schedule.tasks.isEmpty() || !schedule.numbered) {
                    scheduleTasks(line.text(), line.line());
                    return;
                }
                schedule = null;
            }
            // prose is read whole, but a paragraph cut where a heading ran into it keeps only its part
            var text = line.is(LineKind.PARAGRAPH) ? line.text() : line.source().text();
            var paragraph = new DraftNode.Paragraph(text, line.line(), line.source().last(), line);
            var target = point != null ? point : item != null ? item : section != null ? section : chapter;
            if (target == null) {
                plan.preamble.add(paragraph);
            } else {
                target.paragraphs.add(paragraph);
                target.notes.addAll(line.notes());
            }
        }

        /** A chapter that only introduced the schedule ("四、工作安排") is no chapter of the outline. */
        private void setScheduleHeadingsAside() {
            for (var heading : scheduleChapters) {
                if (heading.children.isEmpty() && heading.body().isEmpty()) {
                    plan.nodes.remove(heading);
                    var first = heading.paragraphs.get(0);
                    discarded.add(new DiscardedLine(first.line(), lineText(first.line()), DiscardReason.SCHEDULE_HEADING));
                }
            }
        }

        private String lineText(int number) {
            return lines.stream().filter(line -> line.line() == number).findFirst().map(line -> line.source().text()).orElse("");
        }

        private void discard(ClassifiedLine line, DiscardReason reason) {
            discarded.add(new DiscardedLine(line.line(), line.source().text(), reason));
        }
    }
}
