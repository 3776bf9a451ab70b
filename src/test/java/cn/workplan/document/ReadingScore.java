package cn.workplan.document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

import cn.workplan.document.GeneratedPlans.Deadline;
import cn.workplan.document.GeneratedPlans.Node;
import cn.workplan.document.GeneratedPlans.Plan;
import cn.workplan.document.GeneratedPlans.Target;
import cn.workplan.plan.NodeKind;

/**
 * How well a reading recovers a generated plan. A node is recovered when the reading has a node of the same kind,
 * printed number and place (the numbers of the chapter and section it stands in) with the same headline; the
 * outlines are aligned in document order (longest common subsequence), so one node missed or added costs one node.
 * A character the reader marks as lost (□, the end of a GBK slip) matches any character. Texts in Traditional
 * characters are compared in Simplified.
 */
final class ReadingScore {

    /** Counts of one document, or of many added up. */
    static final class Counts {
        int expectedNodes;
        int readNodes;
        int matchedNodes;
        int matchedText;
        int expectedTargets;
        int foundTargets;
        int matchedTargets;
        int expectedDeadlines;
        int foundDeadlines;
        int matchedDeadlines;
        int numberingChecked;
        int numberingRight;
        int titlesExpected;
        int titlesRight;
        int documents;
        int perfectDocuments;

        void add(Counts other) {
            expectedNodes += other.expectedNodes;
            readNodes += other.readNodes;
            matchedNodes += other.matchedNodes;
            matchedText += other.matchedText;
            expectedTargets += other.expectedTargets;
            foundTargets += other.foundTargets;
            matchedTargets += other.matchedTargets;
            expectedDeadlines += other.expectedDeadlines;
            foundDeadlines += other.foundDeadlines;
            matchedDeadlines += other.matchedDeadlines;
            numberingChecked += other.numberingChecked;
            numberingRight += other.numberingRight;
            titlesExpected += other.titlesExpected;
            titlesRight += other.titlesRight;
            documents += other.documents;
            perfectDocuments += other.perfectDocuments;
        }

        double nodeRecall() {
            return ratio(matchedNodes, expectedNodes);
        }

        double nodePrecision() {
            return ratio(matchedNodes, readNodes);
        }

        double textRecall() {
            return ratio(matchedText, expectedNodes);
        }

        double targetRecall() {
            return ratio(matchedTargets, expectedTargets);
        }

        double targetPrecision() {
            return ratio(matchedTargets, foundTargets);
        }

        double deadlineRecall() {
            return ratio(matchedDeadlines, expectedDeadlines);
        }

        double deadlinePrecision() {
            return ratio(matchedDeadlines, foundDeadlines);
        }

        double numbering() {
            return ratio(numberingRight, numberingChecked);
        }

        boolean perfect() {
            return matchedNodes == expectedNodes && matchedNodes == readNodes;
        }

        private static double ratio(int part, int whole) {
            return whole == 0 ? 1 : (double) part / whole;
        }
    }

    /** A node of either outline with what it is compared by. */
    private record Flat(NodeKind kind, String number, String path, String headline, String body, List<Target> targets,
            List<Deadline> deadlines) {
    }

    private ReadingScore() {
    }

    static Counts score(Plan expected, ImportResult read, boolean traditional) {
        Function<String, String> text = traditional ? ReadingScore::simplified : Function.identity();
        var want = new ArrayList<Flat>();
        for (var node : expected.nodes()) {
            flatten(node, "", want, text);
        }
        var got = new ArrayList<Flat>();
        for (var plan : read.plans()) {
            for (var node : plan.nodes()) {
                flatten(node, "", got, text);
            }
        }
        var counts = new Counts();
        counts.documents = 1;
        counts.expectedNodes = want.size();
        counts.readNodes = got.size();
        want.forEach(node -> {
            counts.expectedTargets += node.targets().size();
            counts.expectedDeadlines += node.deadlines().size();
        });
        got.forEach(node -> {
            counts.foundTargets += node.targets().size();
            counts.foundDeadlines += node.deadlines().size();
        });
        for (int[] pair : align(want, got)) {
            var w = want.get(pair[0]);
            var g = got.get(pair[1]);
            counts.matchedNodes++;
            if (same(compact(w.body()), compact(g.body()))) {
                counts.matchedText++;
            }
            counts.matchedTargets += matches(w.targets(), g.targets());
            counts.matchedDeadlines += matches(w.deadlines(), g.deadlines());
        }
        if (expected.title() != null) {
            counts.titlesExpected = 1;
            var title = read.plans().isEmpty() ? null : read.plans().get(0).title();
            counts.titlesRight = title != null && text.apply(title).equals(text.apply(expected.title())) ? 1 : 0;
        }
        if (containersWithItems(expected) >= 2 && read.plans().size() == 1) {
            counts.numberingChecked = 1;
            counts.numberingRight = read.plan().numbering() == expected.numbering() ? 1 : 0;
        }
        counts.perfectDocuments = counts.perfect() ? 1 : 0;
        return counts;
    }

    private static int containersWithItems(Plan plan) {
        int containers = 0;
        for (var chapter : plan.nodes()) {
            if (chapter.children.stream().anyMatch(child -> child.kind == NodeKind.ITEM)) {
                containers++;
            }
            containers += (int) chapter.children.stream()
                    .filter(child -> child.kind == NodeKind.SECTION && child.children.stream().anyMatch(c -> c.kind == NodeKind.ITEM))
                    .count();
        }
        return containers;
    }

    private static void flatten(Node node, String path, List<Flat> into, Function<String, String> text) {
        var body = String.join("", node.paragraphs);
        if (!node.inlineText.isEmpty()) {
            body = body.replace(node.inlineText, "");
        }
        var targets = node.targets.stream().map(t -> new Target(text.apply(t.indicator()), t.comparator(), t.value(), t.unit())).toList();
        into.add(new Flat(node.kind, node.number, path, text.apply(node.headline), text.apply(body), targets, node.deadlines));
        for (var child : node.children) {
            flatten(child, path + "/" + node.number, into, text);
        }
    }

    private static void flatten(ParsedNode node, String path, List<Flat> into, Function<String, String> text) {
        var targets = node.targets().stream()
                .map(t -> new Target(text.apply(t.indicator()), t.comparator(), t.value(), t.unit())).toList();
        var deadlines = node.deadlines().stream()
                .map(d -> new Deadline(d.kind(), d.year(), d.month(), d.day(), d.quarter())).toList();
        into.add(new Flat(node.kind(), node.number(), path, text.apply(node.headline()), text.apply(node.body()), targets, deadlines));
        for (var child : node.children()) {
            flatten(child, path + "/" + node.number(), into, text);
        }
    }

    /** Pairs of indices of the longest common subsequence of matching nodes. */
    private static List<int[]> align(List<Flat> want, List<Flat> got) {
        int n = want.size();
        int m = got.size();
        var length = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                length[i][j] = matches(want.get(i), got.get(j)) ? length[i + 1][j + 1] + 1
                        : Math.max(length[i + 1][j], length[i][j + 1]);
            }
        }
        var pairs = new ArrayList<int[]>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (matches(want.get(i), got.get(j)) && length[i][j] == length[i + 1][j + 1] + 1) {
                pairs.add(new int[] {i, j});
                i++;
                j++;
            } else if (length[i + 1][j] >= length[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return pairs;
    }

    private static boolean matches(Flat want, Flat got) {
        return want.kind() == got.kind() && want.number().equals(got.number()) && want.path().equals(got.path())
                && same(compact(want.headline()), compact(got.headline()));
    }

    /** Equal, a □ in the reading standing for any one character. */
    static boolean same(String want, String got) {
        if (want.length() != got.length()) {
            return false;
        }
        for (int i = 0; i < want.length(); i++) {
            if (want.charAt(i) != got.charAt(i) && got.charAt(i) != '□') {
                return false;
            }
        }
        return true;
    }

    private static <T> int matches(List<T> want, List<T> got) {
        var left = new ArrayList<>(got);
        int matched = 0;
        for (var w : want) {
            var found = left.stream().filter(g -> equal(w, g)).findFirst();
            if (found.isPresent()) {
                matched++;
                left.remove(found.get());
            }
        }
        return matched;
    }

    private static boolean equal(Object want, Object got) {
        if (want instanceof Target w && got instanceof Target g) {
            return w.comparator() == g.comparator() && w.value().compareTo(g.value()) == 0
                    && java.util.Objects.equals(w.unit(), g.unit()) && compact(w.indicator()).equals(compact(g.indicator()));
        }
        return want.equals(got);
    }

    private static String compact(String text) {
        return text == null ? "" : text.replaceAll("\\s+", "");
    }

    private static String simplified(String text) {
        return text == null || text.isEmpty() ? text : ZhConverterUtil.toSimple(text);
    }
}
