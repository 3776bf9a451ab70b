package cn.workplan.alignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a plan's items may carry out which upper-level point, by the key terms they share: the two-character pieces
 * of Chinese text the search indexes ({@code cjk_bigrams}), here of Chinese characters only, each weighted by how rare it
 * is among the plan's items (学前, 集团 say more than 推进, 工作 or 教育, which nearly every item has). A point's score
 * for an item is the share of the point's weight the item's text holds, its headline's terms counted twice over its
 * body's. Suggestions are for a person to accept one by one; nothing is linked by them. Plain Java.
 */
final class Suggestions {

    /** The least score worth suggesting: a point and an item that share a key phrase, not just common words. */
    static final double THRESHOLD = 0.4;

    private final Map<Long, Terms> items = new LinkedHashMap<>();
    private final Map<String, Double> weights = new HashMap<>();

    /** A suggestion: the item may carry out the point. */
    record Scored(long pointId, long itemId, double score) {

        /** The score in percent, as the page shows it. */
        int percent() {
            return (int) Math.round(score * 100);
        }
    }

    /**
     * @param items each item's headline and body, by id
     */
    Suggestions(Map<Long, Text> items) {
        var documentFrequency = new HashMap<String, Integer>();
        items.forEach((id, text) -> {
            var terms = Terms.of(text);
            this.items.put(id, terms);
            terms.all().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
        });
        int count = Math.max(1, items.size());
        documentFrequency.forEach((term, frequency) -> weights.put(term, Math.log(1.0 + (double) count / frequency)));
        this.rare = Math.log(1.0 + count);
    }

    /** The weight of a term no item has: the rarest. */
    private final double rare;

    /** A headline and a body. */
    record Text(String headline, String body) {
    }

    /** The items that may carry out the point, best first, at most {@code limit}, above the threshold. */
    List<Scored> forPoint(long pointId, Text point, int limit) {
        var terms = Terms.of(point);
        var scored = new ArrayList<Scored>();
        items.forEach((itemId, item) -> {
            double score = score(terms, item);
            if (score >= THRESHOLD) {
                scored.add(new Scored(pointId, itemId, score));
            }
        });
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingLong(Scored::itemId));
        return scored.size() > limit ? List.copyOf(scored.subList(0, limit)) : List.copyOf(scored);
    }

    /** How much of the point's weight the item's text holds, between 0 and 1. */
    double score(Terms point, Terms item) {
        double total = 0;
        double shared = 0;
        for (var term : point.headline()) {
            double weight = 2 * weight(term);
            total += weight;
            if (item.has(term)) {
                shared += weight * (item.headline().contains(term) ? 1.0 : 0.75);
            }
        }
        for (var term : point.body()) {
            if (point.headline().contains(term)) {
                continue;
            }
            double weight = weight(term);
            total += weight;
            if (item.has(term)) {
                shared += weight;
            }
        }
        return total == 0 ? 0 : shared / total;
    }

    private double weight(String term) {
        return weights.getOrDefault(term, rare);
    }

    /** The key terms of a headline and a body. */
    record Terms(Set<String> headline, Set<String> body) {

        static Terms of(Text text) {
            return new Terms(bigrams(text.headline()), bigrams(text.body()));
        }

        boolean has(String term) {
            return headline.contains(term) || body.contains(term);
        }

        Set<String> all() {
            var all = new HashSet<String>(headline);
            all.addAll(body);
            return all;
        }
    }

    /** The overlapping pairs of Chinese characters of a text: 推进集团化办学 gives 推进, 进集, 集团, 团化, 化办, 办学. */
    static Set<String> bigrams(String text) {
        var pairs = new HashSet<String>();
        if (text == null) {
            return pairs;
        }
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int current = text.codePointAt(i);
            if (isHan(current)) {
                if (previous >= 0) {
                    pairs.add(new String(new int[] {previous, current}, 0, 2));
                }
                previous = current;
            } else {
                previous = -1;
            }
            i += Character.charCount(current);
        }
        return pairs;
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
