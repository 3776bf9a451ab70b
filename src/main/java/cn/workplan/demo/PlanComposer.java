package cn.workplan.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.workplan.demo.PlanPhrases.Scope;
import cn.workplan.demo.PlanPhrases.TargetPhrase;
import cn.workplan.demo.PlanPhrases.Theme;
import cn.workplan.org.SchoolKind;
import cn.workplan.plan.DeadlineKind;
import cn.workplan.plan.NodeKind;
import cn.workplan.plan.PlanStatus;
import cn.workplan.system.ChineseNumerals;

/**
 * Composes one plan's outline in memory, in document order: chapters by theme, some split into sections,
 * task items with their offices, schools, targets, deadline, quarter milestones, tags, and a few items with
 * sub-points. Pure computation: {@link VolumeDataGenerator} writes the result.
 */
final class PlanComposer {

    /** One node of the composed outline; {@link #id} is assigned before writing. */
    static final class Node {
        final NodeKind kind;
        final Node parent;
        final int position;
        final String headline;
        String body = "";
        Long leadOfficeId;
        boolean keyItem;
        DeadlineKind deadlineKind;
        LocalDate deadline;
        final String[] quarters = {"", "", "", ""};
        List<String> tags = List.of();
        Long carriedFromId;
        Instant completedAt;
        List<Long> cooperatingOfficeIds = List.of();
        List<Long> schoolIds = List.of();
        List<TargetPhrase> targets = List.of();
        long id;

        Node(NodeKind kind, Node parent, int position, String headline) {
            this.kind = kind;
            this.parent = parent;
            this.position = position;
            this.headline = headline;
        }
    }

    /** The active offices (by short name) and schools (by kind) the plan is distributed to. */
    record Directory(Map<String, Long> offices, Map<Long, SchoolKind> schools) {

        List<Long> officeIds() {
            return List.copyOf(offices.values());
        }

        List<Long> schoolIds() {
            return List.copyOf(schools.keySet());
        }
    }

    private final Random random;
    private final int year;
    private final PlanStatus status;
    private final LocalDate today;
    private final ZoneId zone;
    private final Directory directory;
    private final List<Long> officeIds;
    private final List<Long> schoolIds;
    private final List<Long> carryOverCandidates;
    private final List<Node> nodes = new ArrayList<>();

    PlanComposer(long seed, int year, PlanStatus status, LocalDate today, ZoneId zone, Directory directory,
            List<Long> carryOverCandidates) {
        this.random = new Random(seed);
        this.year = year;
        this.status = status;
        this.today = today;
        this.zone = zone;
        this.directory = directory;
        this.officeIds = directory.officeIds();
        this.schoolIds = directory.schoolIds();
        this.carryOverCandidates = new ArrayList<>(carryOverCandidates);
        Collections.shuffle(this.carryOverCandidates, random);
    }

    String preamble() {
        return String.join("\n", PlanPhrases.PREAMBLE).replace("{year}", Integer.toString(year));
    }

    /** The outline of a plan with {@code items} task items in (at most) {@code chapters} chapters. */
    List<Node> compose(int items, int chapters) {
        int chapterCount = Math.max(1, Math.min(chapters, (items + 3) / 4));
        var themes = themes(chapterCount);
        var perChapter = split(items, chapterCount, 0.6);
        for (int c = 0; c < chapterCount; c++) {
            var theme = themes.get(c);
            var chapter = add(new Node(NodeKind.CHAPTER, null, c, theme.chapter()));
            var objects = new Objects(theme);
            int count = perChapter[c];
            if (count >= 8 && theme.sections().size() >= 2 && random.nextDouble() < 0.4) {
                int sectionCount = Math.min(theme.sections().size(), 2 + random.nextInt(2));
                var perSection = split(count, sectionCount, 0.8);
                for (int s = 0; s < sectionCount; s++) {
                    var section = add(new Node(NodeKind.SECTION, chapter, s, theme.sections().get(s)));
                    for (int i = 0; i < perSection[s]; i++) {
                        item(section, i, theme, objects.next());
                    }
                }
            } else {
                for (int i = 0; i < count; i++) {
                    item(chapter, i, theme, objects.next());
                }
            }
        }
        return nodes;
    }

    private void item(Node parent, int position, Theme theme, String object) {
        var item = add(new Node(NodeKind.ITEM, parent, position, PlanPhrases.pick(PlanPhrases.VERBS, random) + object + "。"));
        item.leadOfficeId = leadOffice(theme);
        item.cooperatingOfficeIds = cooperatingOffices(item.leadOfficeId);
        item.schoolIds = schools(theme);
        item.keyItem = random.nextDouble() < 0.12;
        if (random.nextDouble() < 0.3) {
            item.targets = random.nextDouble() < 0.15 && theme.targets().size() > 1
                    ? List.copyOf(sample(theme.targets(), 2)) : List.of(PlanPhrases.pick(theme.targets(), random));
        }
        deadline(item);
        if (random.nextDouble() < 0.45) {
            for (int q = 0; q < 4; q++) {
                if (random.nextDouble() < 0.8) {
                    item.quarters[q] = PlanPhrases.pick(PlanPhrases.QUARTERS.get(q), random);
                }
            }
        }
        var tags = new LinkedHashSet<String>();
        if (random.nextDouble() < 0.6) {
            tags.add(PlanPhrases.pick(theme.tags(), random));
        }
        if (random.nextDouble() < 0.1) {
            tags.add(PlanPhrases.pick(PlanPhrases.EXTRA_TAGS, random));
        }
        item.tags = List.copyOf(tags);
        item.body = body(item, object);
        if (!carryOverCandidates.isEmpty() && random.nextDouble() < 0.05) {
            item.carriedFromId = carryOverCandidates.remove(carryOverCandidates.size() - 1);
        }
        item.completedAt = completion(item);
        if (random.nextDouble() < 0.1) {
            int points = 2 + random.nextInt(3);
            var headlines = sample(PlanPhrases.POINT_HEADLINES, points);
            for (int p = 0; p < points; p++) {
                var point = add(new Node(NodeKind.POINT, item, p, headlines.get(p)));
                point.body = PlanPhrases.pick(PlanPhrases.POINT_BODIES, random);
            }
        }
    }

    private String body(Node item, String object) {
        var body = new StringBuilder(PlanPhrases.pick(PlanPhrases.OPENINGS, random).replace("{object}", object)
                .replace("工作工作", "工作"));
        for (var measure : sample(PlanPhrases.MEASURES, 1 + random.nextInt(2))) {
            body.append(measure);
        }
        for (var target : item.targets) {
            body.append(item.schoolIds.isEmpty() ? "力争" : "全县").append(target.sentence()).append("。");
        }
        if (!item.schoolIds.isEmpty()) {
            body.append(PlanPhrases.pick(PlanPhrases.SCHOOL_DUTIES, random));
        }
        if (item.deadlineKind != null) {
            body.append(switch (item.deadlineKind) {
                case DATE -> "于" + item.deadline.getMonthValue() + "月" + item.deadline.getDayOfMonth() + "日前完成。";
                case MONTH_END -> item.deadline.getMonthValue() + "月底前完成。";
                case QUARTER_END -> ChineseNumerals.of((item.deadline.getMonthValue() + 2) / 3) + "季度末前完成。";
                case YEAR_END -> "力争年内完成。";
            });
        }
        return body.toString();
    }

    /** Deadlines as plans give them, with the date the item form would compute. */
    private void deadline(Node item) {
        double pick = random.nextDouble();
        if (pick < 0.1) {
            return;
        }
        if (pick < 0.35) {
            int month = 1 + random.nextInt(12);
            int day = List.of(10, 15, 20, 25, 30).get(random.nextInt(5));
            item.deadlineKind = DeadlineKind.DATE;
            item.deadline = YearMonth.of(year, month).atDay(Math.min(day, YearMonth.of(year, month).lengthOfMonth()));
        } else if (pick < 0.65) {
            item.deadlineKind = DeadlineKind.MONTH_END;
            item.deadline = YearMonth.of(year, 1 + random.nextInt(12)).atEndOfMonth();
        } else if (pick < 0.85) {
            item.deadlineKind = DeadlineKind.QUARTER_END;
            item.deadline = YearMonth.of(year, 3 * (1 + random.nextInt(4))).atEndOfMonth();
        } else {
            item.deadlineKind = DeadlineKind.YEAR_END;
            item.deadline = LocalDate.of(year, 12, 31);
        }
    }

    /** Most items of a closed plan were finished; in this year's plan, most of those already due. */
    private Instant completion(Node item) {
        var due = item.deadline == null ? LocalDate.of(year, 12, 31) : item.deadline;
        boolean done = switch (status) {
            case CLOSED -> random.nextDouble() < 0.85;
            case PUBLISHED -> due.isBefore(today) && random.nextDouble() < 0.7;
            default -> false;
        };
        return done ? due.minusDays(random.nextInt(10)).atTime(LocalTime.of(17, 0)).atZone(zone).toInstant() : null;
    }

    private Long leadOffice(Theme theme) {
        if (random.nextDouble() < 0.75) {
            for (var name : theme.offices()) {
                var id = directory.offices().get(name);
                if (id != null && random.nextDouble() < 0.6) {
                    return id;
                }
            }
        }
        return officeIds.isEmpty() ? null : PlanPhrases.pick(officeIds, random);
    }

    private List<Long> cooperatingOffices(Long lead) {
        double pick = random.nextDouble();
        int count = pick < 0.4 ? 0 : pick < 0.7 ? 1 : pick < 0.9 ? 2 : 3;
        var others = new ArrayList<>(officeIds);
        others.remove(lead);
        return sample(others, Math.min(count, others.size())).stream().sorted().toList();
    }

    private List<Long> schools(Theme theme) {
        if (schoolIds.isEmpty()) {
            return List.of();
        }
        var scope = theme.scope(random);
        if (scope == Scope.KINDS) {
            var kinds = sample(theme.kinds(), 1 + random.nextInt(theme.kinds().size()));
            var chosen = directory.schools().entrySet().stream().filter(school -> kinds.contains(school.getValue()))
                    .map(Map.Entry::getKey).sorted().toList();
            if (!chosen.isEmpty()) {
                return chosen;
            }
            scope = Scope.SOME;
        }
        return switch (scope) {
            case ALL -> schoolIds.stream().sorted().toList();
            case SOME -> sample(schoolIds, Math.min(schoolIds.size(), 1 + random.nextInt(8))).stream().sorted().toList();
            default -> List.of();
        };
    }

    /** The themes of the chapters: the party-building chapter first, the others in their usual order. */
    private List<Theme> themes(int count) {
        var all = PlanPhrases.THEMES;
        if (count >= all.size()) {
            var themes = new ArrayList<Theme>();
            for (int i = 0; i < count; i++) {
                themes.add(all.get(i % all.size()));
            }
            return themes;
        }
        var rest = new ArrayList<>(all.subList(1, all.size()));
        Collections.shuffle(rest, random);
        var kept = new ArrayList<>(rest.subList(0, count - 1));
        kept.sort(java.util.Comparator.comparingInt(all::indexOf));
        kept.add(0, all.get(0));
        return kept;
    }

    /** {@code total} split into {@code parts} positive shares of roughly equal size (±{@code spread}/2). */
    private int[] split(int total, int parts, double spread) {
        var weights = new double[parts];
        double sum = 0;
        for (int i = 0; i < parts; i++) {
            weights[i] = 1 - spread / 2 + random.nextDouble() * spread;
            sum += weights[i];
        }
        var shares = new int[parts];
        int assigned = 0;
        for (int i = 0; i < parts; i++) {
            shares[i] = Math.max(total >= parts ? 1 : 0, (int) Math.floor(total * weights[i] / sum));
            assigned += shares[i];
        }
        for (int i = 0; assigned != total; i = (i + 1) % parts) {
            if (assigned < total) {
                shares[i]++;
                assigned++;
            } else if (shares[i] > 1) {
                shares[i]--;
                assigned--;
            }
        }
        return shares;
    }

    private <T> List<T> sample(List<T> list, int count) {
        var copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(count, copy.size()));
    }

    private Node add(Node node) {
        nodes.add(node);
        return node;
    }

    /** A chapter's objects in random order, each used once before any is used again. */
    private final class Objects {
        private final Theme theme;
        private List<String> queue = List.of();
        private int next;

        Objects(Theme theme) {
            this.theme = theme;
        }

        String next() {
            if (next == queue.size()) {
                var shuffled = new ArrayList<>(theme.objects());
                Collections.shuffle(shuffled, random);
                queue = shuffled;
                next = 0;
            }
            return queue.get(next++);
        }
    }
}
